"""The JSON export: every entity of the public view, kinds in order and entities sorted by id."""

from __future__ import annotations

from pathlib import Path

from coalition_kit.library import Library
from coalition_kit.library.bundle import bundle_bytes
from coalition_kit.library.public import public_library
from coalition_kit.support.files import write_atomically

__all__ = ["export_json", "to_json"]


def to_json(library: Library) -> bytes:
    """Return every entity as one JSON document, kinds in order and entities sorted by id."""
    return bundle_bytes(public_library(library), indent=2)


def export_json(library: Library, path: Path, *, overwrite: bool = False) -> Path:
    """Write the JSON bundle of ``library`` to ``path``."""
    return write_atomically(path, to_json(library), overwrite=overwrite)
