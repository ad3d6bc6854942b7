"""The mkdocs hooks that add the generated pages and downloads to the build.

``mkdocs.yml`` names this file under ``hooks:``. The data folder comes from ``extra.data``
(``data`` by default, relative to ``mkdocs.yml``); invalid data stops the build with every problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from coalition_kit.library import load
from coalition_kit.library.public import public_library
from coalition_kit.problems.report import DataValidationError
from coalition_kit.site.pages import build_pages

__all__ = ["on_files"]


def on_files(files: Files, config: MkDocsConfig, **_: Any) -> Files:
    """Add a page per entity, the index, action, quality and reference pages, and the downloads."""
    base = Path(config.config_file_path).parent
    data = base / str(config.extra.get("data", "data"))
    try:
        library = load(data)
    except DataValidationError as error:
        raise Abort(f"The data has problems; fix them before building the site.\n{error}") from None
    site = build_pages(public_library(library))
    for path, content in site.pages.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, path, content=content))
    for path, payload in site.downloads.items():
        files.append(File.generated(config, path, content=payload))
    return files
