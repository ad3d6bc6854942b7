"""Build the site's other languages in a second process while this one builds the default.

The language plugin (mkdocs-static-i18n) builds the default language, then, from its
``on_post_build``, each other language in turn, in the same process: on two cores half the
machine waits. Here the build forks once the default language's files are known: the child runs
the plugin's own loop over the other languages (same plugin state, same configuration, so the
same pages and sitemap as the plugin's sequential build; its 404 page's language links lead
home rather than to the last page rendered) and hands back their search entries. The parent
renders the default language meanwhile, leaves the files every language writes at the site's
root to the child (as the last language built, it writes them in a sequential build too),
waits, and writes the one search index of every language as the plugin does, then the API
inventory of the default language. A child that fails fails the build, after its messages.

It runs only where a fork is safe and pays: ``os.fork`` exists, the process has a single thread
(``mkdocs serve`` rebuilds from a watching thread: those builds stay sequential), more than one
core, more than one language to build. ``COALITION_KIT_SITE_JOBS=1`` turns it off.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.pages import Page

from coalition_kit.support.processes import can_fork, usable_cores

__all__ = [
    "abandon_languages",
    "finish_languages",
    "keep_inventory",
    "site_jobs",
    "start_languages",
]

_log = logging.getLogger("mkdocs.plugins.coalition_kit")
_HIDDEN = ("Documentation built in", "Building documentation to directory")


@dataclass
class _Split:
    plugin: Any  # the language plugin
    pid: int
    entries: Path
    theme: Any  # the default language's theme, which leaves its root files to the child
    static_templates: set[str]
    clean_directory: Any
    inventory: bytes | None = None


@dataclass
class _State:
    split: _Split | None = None


_STATE = _State()


def _dirty() -> bool:
    # The language plugin reads the same flags from the command line for its own builds.
    return "--dirty" in sys.argv or "--dirtyreload" in sys.argv


def site_jobs() -> int:
    """How many processes a site build may use: ``COALITION_KIT_SITE_JOBS``, or every core."""
    wanted = os.environ.get("COALITION_KIT_SITE_JOBS", "").strip()
    cores = usable_cores() if can_fork() else 1
    return max(1, min(int(wanted), cores)) if wanted.isdigit() else cores


def _worth_forking(plugin: Any) -> bool:
    if _STATE.split is not None or plugin.building:
        return False  # a build already split, or a language built from another's (the child's)
    return site_jobs() > 1 and len(plugin.build_languages) > 1


def _build_other_languages(config: MkDocsConfig, plugin: Any, entries: Path) -> int:
    """In the child: the language plugin's loop over the other languages, then the entries."""
    # The plugin hides these lines of the builds it makes from the default language's.
    logging.getLogger("mkdocs.commands.build").addFilter(
        lambda record: not record.getMessage().startswith(_HIDDEN)
    )
    try:
        # The sitemap, written by the last language's build, lists the default language's
        # pages too: give them the page objects its build would have made by then.
        for file in plugin.i18n_files_per_language.get(plugin.default_language, []):
            if file.page is None:
                Page(None, file, config)
        plugin.building = True  # the plugin's mark of languages built from the default's build
        for language in plugin.build_languages:
            if language == plugin.default_language:
                continue
            plugin.current_language = language
            build(config, dirty=_dirty())
        entries.write_text(json.dumps(plugin.search_entries), encoding="utf-8")
        return 0
    except Abort as error:
        _log.error("The other languages' pages were not built: %s", error)
    except BaseException:  # the child must report and exit, never return to the parent's build
        _log.error("The other languages' pages were not built:\n%s", traceback.format_exc())
    return 1


def start_languages(config: MkDocsConfig) -> None:
    """Fork the build of the other languages, if worth it (see the module).

    Called once the default language's build has cleaned the site folder and listed its files.
    """
    plugin = config.plugins.get("i18n")
    if plugin is None or not _worth_forking(plugin):
        return
    handle, name = tempfile.mkstemp(prefix="coalition-kit-search-")
    os.close(handle)
    entries, clean_directory = Path(name), utils.clean_directory
    # The other languages' builds add to the site folder, as in the plugin's own loop.
    utils.clean_directory = lambda _directory: None  # type: ignore[assignment]
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = _build_other_languages(config, plugin, entries)
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)  # not the parent's exit handlers: they remove the staging folder
    templates = config.theme.static_templates
    _STATE.split = _Split(plugin, pid, entries, config.theme, set(templates), clean_directory)
    others = [
        language for language in plugin.build_languages if language != plugin.default_language
    ]
    _log.info("Building the '%s' pages in a second process", "', '".join(others))
    plugin.building = True  # the default language's build skips the plugin's loop
    config.theme.static_templates.clear()  # the child, built last, writes them


def finish_languages(config: MkDocsConfig) -> None:
    """In the parent: wait for the child, then write the search index of every language."""
    split, _STATE.split = _STATE.split, None
    if split is None:
        return
    plugin = split.plugin
    _restore(split)
    _, status = os.waitpid(split.pid, 0)
    try:
        if os.waitstatus_to_exitcode(status) != 0:
            raise Abort("The other languages' pages were not built (see the messages above).")
        plugin.search_entries.extend(json.loads(split.entries.read_text(encoding="utf-8")))
    finally:
        split.entries.unlink(missing_ok=True)
    plugin.reconfigure_search_index(config)
    if split.inventory is not None:
        # Written after the child's: the default language's, whatever order the processes end.
        utils.write_file(split.inventory, str(Path(config.site_dir) / "objects.inv"))


def keep_inventory(config: MkDocsConfig) -> None:
    """In the parent: keep the API inventory (``objects.inv``) this language's build made.

    Every language's build writes it at the site's root; in a sequential build the last
    language's wins, whose addresses lead into that language's edition. The parent writes the
    default language's once the child is done (mkdocstrings drops it at the end of a build).
    """
    plugin = config.plugins.get("mkdocstrings")
    if _STATE.split is None or plugin is None or not plugin.plugin_enabled:
        return
    if plugin.inventory_enabled:
        _STATE.split.inventory = plugin.handlers.inventory.format_sphinx()


def abandon_languages() -> None:
    """In the parent, when its own build fails: stop the child and put things back."""
    split, _STATE.split = _STATE.split, None
    if split is None:
        return
    os.kill(split.pid, signal.SIGTERM)
    os.waitpid(split.pid, 0)
    _restore(split)
    split.entries.unlink(missing_ok=True)


def _restore(split: _Split) -> None:
    utils.clean_directory = split.clean_directory
    split.theme.static_templates.update(split.static_templates)
    split.plugin.building = False
