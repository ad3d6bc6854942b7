"""The entities' and action pages, written beside mkdocs' own without its per-page round trip.

A large tree has tens of thousands of pages of organizations, letters, campaigns and missions
(and an action page per campaign), and mkdocs spends most of a build on them: for each page it
creates a new Markdown converter with every extension of every plugin, reads the page's HTML
again for anchors, runs each plugin's per-page events and renders the theme's template. These
pages need none of the Markdown part: their templates write them as HTML (``pages.py``,
``render.py``), with the headings' ids and permanent links Python-Markdown would give them
(``headings.py``).

So each language's build marks them as excluded from mkdocs' own loop, which still knows them
(links to them resolve, the sitemap lists them), and writes them here: the page's HTML as its
template wrote it, its table of contents from its headings, the plugins' context and output
events (search index, language switch) as for any page, and the theme's page filled in from a
shell (``shell.py``). A test builds the site both ways and compares every file.

``mkdocs serve`` and ``COALITION_KIT_SITE_DIRECT=0`` keep every page in mkdocs' own loop, where
``html_content`` gives the same HTML and table of contents.
"""

from __future__ import annotations

import copy
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from coalition_kit.site.headings import toc_of
from coalition_kit.site.shell import ShellRenderer

__all__ = [
    "direct_enabled",
    "exclude_direct_pages",
    "html_content",
    "is_html_page",
    "keep_navigation",
    "write_direct_pages",
]

_DIRECT_PAGE = re.compile(r"(?:act|campaigns|letters|missions|organizations)/(?!index\.)[^/]+\.md")
"""The source paths of the pages written here: each entity's and each campaign's action page, in
every language."""

log = logging.getLogger("mkdocs.plugins.coalition_kit")

_EXCLUDED_NOTICE = "which is excluded from the built site"


def direct_enabled(command: str | None) -> bool:
    """Whether a build of ``command`` writes the entities' pages itself (not in ``serve``)."""
    return command != "serve" and os.environ.get("COALITION_KIT_SITE_DIRECT", "1") != "0"


@dataclass
class _Build:
    """The entities' pages of the language being built, and its navigation once made."""

    files: list[File] = field(default_factory=list)
    nav: Navigation | None = None


_CURRENT = _Build()


class _QuietAboutDirectPages(logging.Filter):
    """Drop mkdocs' note that a page links to an excluded page: ours are written, not dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return _EXCLUDED_NOTICE not in record.getMessage()


_QUIET = _QuietAboutDirectPages()


def exclude_direct_pages(files: Files, *, enabled: bool = True) -> None:
    """Take the entities' pages of this build out of mkdocs' loop; ``on_env`` writes them.

    With ``enabled`` false, every page stays in mkdocs' loop.
    """
    global _CURRENT  # noqa: PLW0603 - one build at a time in a process
    if not enabled:
        _CURRENT = _Build()
        return
    direct = [file for file in files.documentation_pages() if is_html_page(file)]
    for file in direct:
        file.inclusion = InclusionLevel.EXCLUDED
    _CURRENT = _Build(direct)
    logger = logging.getLogger("mkdocs.structure.pages")
    if _QUIET not in logger.filters:
        logger.addFilter(_QUIET)


def keep_navigation(nav: Navigation, config: MkDocsConfig) -> None:
    """Give each entity's page its page object, as mkdocs gives pages outside the navigation."""
    _CURRENT.nav = nav
    for file in _CURRENT.files:
        if file.page is None:
            Page(None, file, config)


def is_html_page(file: File) -> bool:
    """Whether ``file`` is a page its template wrote as HTML: an entity's or an action page."""
    return bool(_DIRECT_PAGE.fullmatch(getattr(file, "norm_src_uri", file.src_uri)))


def html_content(page: Page) -> str | None:
    """The HTML of a page its template wrote (``is_html_page``), and its table of contents set.

    None for any other page. In mkdocs' own loop this replaces what Python-Markdown made of
    the HTML, which would have no table of contents: it finds no headings in raw HTML.
    """
    if not is_html_page(page.file) or page.markdown is None:
        return None
    content = page.markdown.strip()
    page.toc = toc_of(content)
    return content


def entity_address(file: File) -> str:
    """Where the entity of ``file`` is in every language: ``missions/cn-embassy-kr``."""
    source = PurePosixPath(getattr(file, "norm_src_uri", file.src_uri))
    return f"{source.parent}/{source.name.split('.')[0]}"


def write_direct_pages(env: Any, config: MkDocsConfig, files: Files) -> None:
    """Render and write this build's entity pages, with their search entries."""
    build = _CURRENT
    if not build.files or build.nav is None:
        return
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    # The language plugin sets the language switch's links on the configuration for each page
    # (as an attribute of ``extra``); what mkdocs renders after these must find them as they were.
    extra = vars(config.extra)
    alternate = copy.deepcopy(extra.get("alternate"))
    had_alternate = "alternate" in extra
    shells = ShellRenderer(env)
    for file in build.files:
        page = file.page
        assert page is not None
        page.read_source(config)
        page.content = html_content(page)
        context = get_context(build.nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=build.nav)
        output = shells.render(template, context, page, entity_address(file))
        output = config.plugins.on_post_page(output, page=page, config=config)
        write_file(output.encode("utf-8", errors="xmlcharrefreplace"), file.abs_dest_path)
        # Written: what the sitemap and links need (the address) stays, the rest can go.
        page.markdown = page.content = None
    if had_alternate:
        extra["alternate"] = alternate
    else:
        extra.pop("alternate", None)
    log.info(
        "Wrote %d entity and action pages outside mkdocs' page loop: %d filled into the "
        "theme's page, %d rendered by its template (%d of them to check the filled page)",
        len(build.files),
        shells.filled,
        len(build.files) - shells.filled,
        shells.checked,
    )
    build.files = []
