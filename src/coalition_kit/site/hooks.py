"""The mkdocs hooks that add the generated pages and downloads to the build.

``mkdocs.yml`` names this file under ``hooks:``. The data folder comes from ``extra.data``
(``data`` by default, relative to ``mkdocs.yml``); invalid data stops the build with every problem.

The pages are written to disk rather than handed to mkdocs as in-memory files: the language
plugin (mkdocs-static-i18n) only translates pages found in ``docs_dir``, so the build reads a
staging folder that holds a copy of ``docs/`` and the generated pages side by side
(ultrabug/mkdocs-static-i18n#263). The staging folder (in memory where there is room) belongs
to this process and is removed when it ends; ``mkdocs serve`` keeps watching ``docs/`` itself
(``watch:`` in ``mkdocs.yml``). On several cores the other languages are built in a second
process (``site/parallel.py``).
"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
import types
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from coalition_kit.library import load
from coalition_kit.library.bundle import data_digest
from coalition_kit.library.public import public_library
from coalition_kit.problems.report import DataValidationError
from coalition_kit.site.direct import (
    direct_enabled,
    exclude_direct_pages,
    html_content,
    keep_navigation,
    write_direct_pages,
)
from coalition_kit.site.pages import SitePages, build_pages
from coalition_kit.site.parallel import (
    abandon_languages,
    finish_languages,
    keep_inventory,
    site_jobs,
    start_languages,
)
from coalition_kit.site.search import install as install_section_parser
from coalition_kit.site.search import report as report_section_parser

__all__ = [
    "on_build_error",
    "on_config",
    "on_env",
    "on_files",
    "on_nav",
    "on_page_content",
    "on_post_build",
    "on_startup",
]


_BUILT: dict[tuple[Path, str, str | None, str], SitePages] = {}
# Where a staging folder goes when it fits: a file system in memory, on Linux (mkdtemp makes a
# folder only this user can read).
_IN_MEMORY = Path("/dev/shm")  # noqa: S108
# The staging folder of each source docs folder, and the source of each staging folder.
_STAGING: dict[Path, Path] = {}
_SOURCE: dict[Path, Path] = {}
# The mkdocs command running: only 'serve' builds again, so only it keeps the generated pages.
_COMMAND: list[str] = []


def _pages(data: Path, site_url: str | None, measured: Path) -> SitePages:
    """The generated pages of the data at ``data``, built once per state of the data.

    ``measured`` is the last Lighthouse measurement (``benchmarks/lighthouse.py``), if any.
    """
    lighthouse = measured.read_text(encoding="utf-8") if measured.is_file() else ""
    key = (data.resolve(), data_digest(data), site_url, lighthouse)
    if key not in _BUILT:
        try:
            library = load(data)
        except DataValidationError as error:
            raise Abort(
                f"The data has problems; fix them before building the site.\n{error}"
            ) from None
        _BUILT.clear()
        _BUILT[key] = build_pages(
            public_library(library),
            site_url=site_url,
            lighthouse=json.loads(lighthouse) if lighthouse else None,
            workers=site_jobs(),
        )
    return _BUILT[key]


def _staging_for(source: Path, size: int = 0) -> Path:
    """This process's staging folder for the docs folder ``source``, made for ``size`` bytes.

    The folder is in memory (``/dev/shm``) when that has room for four times ``size``: writing
    a large site's 48,000 pages there, and removing them, takes a third of the time it takes on
    disk. Else it is in the system's temporary folder.
    """
    if source not in _STAGING:
        memory = None
        try:
            if _IN_MEMORY.is_dir() and shutil.disk_usage(_IN_MEMORY).free > 4 * size:
                memory = str(_IN_MEMORY)
        except OSError:
            memory = None
        folder = Path(tempfile.mkdtemp(prefix="coalition-kit-docs-", dir=memory))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _STAGING[source] = folder
        _SOURCE[folder] = source
    return _STAGING[source]


def _write_if_changed(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` unless it already holds it (no needless reload events).

    The folder of ``path`` must exist.
    """
    if path.is_file() and path.read_bytes() == content:
        return
    path.write_bytes(content)


def _staged(source: Path, site: SitePages) -> dict[str, bytes]:
    """What a staging folder holds, by relative path: the files of ``source``, the pages."""
    wanted: dict[str, bytes] = {}
    for file in sorted(source.rglob("*")):
        if file.is_file():
            wanted[file.relative_to(source).as_posix()] = file.read_bytes()
    for name, text in site.pages.items():
        wanted[name] = text.encode("utf-8")
    wanted.update(site.downloads)
    return wanted


def _stage(staging: Path, wanted: dict[str, bytes]) -> None:
    """Make ``staging`` hold ``wanted`` (see ``_staged``), nothing else."""
    fresh = not any(staging.iterdir())
    paths = {staging / name: content for name, content in wanted.items()}
    # Each folder once: a large site's pages are tens of thousands of files in a few folders.
    for folder in {path.parent for path in paths}:
        folder.mkdir(parents=True, exist_ok=True)
    if fresh:  # a first build: nothing to compare with, nothing to remove
        for path, content in paths.items():
            path.write_bytes(content)
        return
    for path, content in paths.items():
        _write_if_changed(path, content)
    for file in sorted(staging.rglob("*"), reverse=True):
        if file.is_file() and file not in paths:
            file.unlink()
        elif file.is_dir() and not any(file.iterdir()):
            file.rmdir()


def _search_duplicates_in_linear_time(plugin: Any, entries: list[dict[str, Any]]) -> None:
    """Drop the other languages' search entries that repeat the default language's.

    The language plugin's own version compares every entry with every other: minutes for the
    tens of thousands of entries of a large tree. The same rule, with an index: an entry of
    ``<language>/<location>`` goes when the default language has ``<location>`` with the same
    title and text.
    """
    prefixes = tuple(f"{language}/" for language in plugin.build_languages)
    default = {
        (entry["title"], entry["location"], entry["text"])
        for entry in entries
        if not entry["location"].startswith(prefixes)
    }
    kept = []
    for entry in entries:
        location = entry["location"]
        if location.startswith(prefixes):
            unprefixed = location.split("/", 1)[1]
            if (entry["title"], unprefixed, entry["text"]) in default:
                continue
        kept.append(entry)
    entries[:] = kept


@event_priority(100)  # before the language plugin reads docs_dir
def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    """Point the build at a staging folder: ``docs/`` plus the pages generated from the data."""
    install_section_parser()
    language_plugin = config.plugins.get("i18n")
    if language_plugin is not None and hasattr(language_plugin, "reconfigure_search_duplicates"):
        # Replaces a method that is quadratic in the number of pages (see above).
        language_plugin.reconfigure_search_duplicates = types.MethodType(
            _search_duplicates_in_linear_time, language_plugin
        )
    docs = Path(config.docs_dir).resolve()
    source = _SOURCE.get(docs, docs)
    if getattr(language_plugin, "building", False):
        # A language built from another's build: its first language staged all.
        config.docs_dir = str(_staging_for(source))
        return config
    base = Path(config.config_file_path).parent
    site = _pages(
        base / str(config.extra.get("data", "data")),
        config.site_url or None,
        source / "contribute" / "lighthouse.json",
    )
    wanted = _staged(source, site)
    staging = _staging_for(source, sum(map(len, wanted.values())))
    config.docs_dir = str(staging)
    _stage(staging, wanted)
    if _COMMAND != ["serve"]:
        _BUILT.clear()  # a single build: the pages are on disk now, and memory is wanted
    return config


def on_startup(command: str, **_: Any) -> None:
    """Remember the mkdocs command: 'build', 'gh-deploy' or 'serve'."""
    _COMMAND[:] = [command]


@event_priority(-200)  # after the language plugin has sorted the files by language
def on_files(files: Files, config: MkDocsConfig, **_: Any) -> Files:
    """Take the entity pages out of mkdocs' loop; build the other languages in a second process."""
    exclude_direct_pages(files, enabled=direct_enabled(_COMMAND[0] if _COMMAND else None))
    start_languages(config)
    return files


def on_nav(nav: Any, config: MkDocsConfig, **_: Any) -> Any:
    """Give the entity pages written here their page objects (for links and the sitemap)."""
    keep_navigation(nav, config)
    return nav


@event_priority(100)  # before other plugins read the page's HTML and table of contents
def on_page_content(html: str, page: Page, **_: Any) -> str:
    """A page written as HTML, in mkdocs' loop: its HTML as written, as ``on_env`` writes them."""
    content = html_content(page)
    return html if content is None else content


@event_priority(-200)  # after mkdocstrings has made its inventory
def on_env(env: Any, config: MkDocsConfig, files: Files, **_: Any) -> Any:
    """Write the entity pages; keep the API inventory of this language for the end."""
    write_direct_pages(env, config, files)
    keep_inventory(config)
    return env


@event_priority(-200)  # after the language plugin's own
def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    """Wait for the languages built in other processes and index them with this one."""
    report_section_parser()
    finish_languages(config)


def on_build_error(error: Exception, **_: Any) -> None:
    """Stop the other languages' build when this one fails."""
    abandon_languages()
