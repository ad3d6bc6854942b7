"""The export formats by name, as ``--format`` takes them: what each writes, and its content.

Like the reporters' table, one entry per format; the command line reads this table for its
choices and help. The writers are named, not imported, so that reading the table (to print
``--help``, say) costs nothing: a format's module is imported when it is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from coalition_kit.library import Library

__all__ = ["EXPORTERS", "Exporter"]


class _Writer(Protocol):
    def __call__(self, library: Library, path: Path, *, overwrite: bool = False) -> object: ...


class _Streamer(Protocol):
    def __call__(self, library: Library) -> bytes | str: ...


@dataclass(frozen=True)
class Exporter:
    """One export format.

    Attributes:
        name: The format's name for ``--format``.
        description: What the output is, in a few words.
        module: The module of ``outputs`` that writes it.
        writer: The module's function that writes the export of a library to a path (a folder
            for CSV), never replacing an existing file unless ``overwrite`` is true.
        streamer: The module's function that returns the export as one text or bytes, for the
            formats that fit one stream (standard output); None for the others.
        beside: The module's function that gives, for an output path, the other file the
            writer puts beside it (the SQLite database's Datasette metadata); None if none.
        beside_is: What that other file is, in a few words.
    """

    name: str
    description: str
    module: str
    writer: str
    streamer: str | None = None
    beside: str | None = None
    beside_is: str = ""

    def _function(self, name: str) -> object:
        return getattr(importlib.import_module(f"coalition_kit.outputs.{self.module}"), name)

    @property
    def streams(self) -> bool:
        """Whether the export can go to standard output."""
        return self.streamer is not None

    def write(self, library: Library, path: Path, *, overwrite: bool = False) -> None:
        """Write the export of ``library`` to ``path``."""
        cast(_Writer, self._function(self.writer))(library, path, overwrite=overwrite)

    def written_beside(self, path: Path) -> Path | None:
        """The other file the export to ``path`` writes, if any."""
        if self.beside is None:
            return None
        return cast(Callable[[Path], Path], self._function(self.beside))(path)

    def content(self, library: Library) -> bytes:
        """The export of ``library`` as bytes; ValueError for a format that does not stream."""
        if self.streamer is None:
            raise ValueError(f"the {self.name} export is not one stream")
        content = cast(_Streamer, self._function(self.streamer))(library)
        return content.encode("utf-8") if isinstance(content, str) else content


EXPORTERS: dict[str, Exporter] = {
    exporter.name: exporter
    for exporter in (
        Exporter(
            "json", "every entity in one JSON document", "json_export", "export_json", "to_json"
        ),
        Exporter(
            "csv",
            "a folder of flat CSV files, one per table, with their datapackage.json",
            "csv_export",
            "export_csv",
        ),
        Exporter(
            "sqlite",
            "a SQLite database with foreign keys and search, and its Datasette metadata",
            "sqlite_export",
            "export_sqlite",
            beside="metadata_path",
            beside_is="its Datasette metadata",
        ),
        Exporter(
            "ics",
            "an iCalendar file of the campaigns' events",
            "ics_export",
            "export_ics",
            "to_ics",
        ),
        Exporter(
            "vcard", "vCards of the open missions", "vcard_export", "export_vcard", "to_vcard"
        ),
    )
}
"""The export formats, by the name given to ``--format``."""
