"""The export formats by name, as ``--format`` takes them: what each writes, and its content.

Like the reporters' table, one entry per format; the command line and the site read this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coalition_kit.library import Library
from coalition_kit.outputs.csv_export import export_csv
from coalition_kit.outputs.ics_export import export_ics, to_ics
from coalition_kit.outputs.json_export import export_json, to_json
from coalition_kit.outputs.sqlite_export import export_sqlite
from coalition_kit.outputs.vcard_export import export_vcard, to_vcard

__all__ = ["EXPORTERS", "Exporter"]


@dataclass(frozen=True)
class Exporter:
    """One export format.

    Attributes:
        name: The format's name for ``--format``.
        description: What the output is, in a few words.
        write: Writes the export of a library to a path (a folder for CSV); never replaces an
            existing file unless ``overwrite`` is true.
        content: The export as bytes, for formats that fit one stream (standard output).
    """

    name: str
    description: str
    write: Callable[[Library, Path, bool], object]
    content: Callable[[Library], bytes] | None = None


EXPORTERS: dict[str, Exporter] = {
    exporter.name: exporter
    for exporter in (
        Exporter(
            "json",
            "every entity in one JSON document",
            lambda library, path, overwrite: export_json(library, path, overwrite=overwrite),
            to_json,
        ),
        Exporter(
            "csv",
            "a folder of flat CSV files, one per table, with their datapackage.json",
            lambda library, path, overwrite: export_csv(library, path, overwrite=overwrite),
        ),
        Exporter(
            "sqlite",
            "a SQLite database with foreign keys and search, and its Datasette metadata",
            lambda library, path, overwrite: export_sqlite(library, path, overwrite=overwrite),
        ),
        Exporter(
            "ics",
            "an iCalendar file of the campaigns' events",
            lambda library, path, overwrite: export_ics(library, path, overwrite=overwrite),
            to_ics,
        ),
        Exporter(
            "vcard",
            "vCards of the open missions",
            lambda library, path, overwrite: export_vcard(library, path, overwrite=overwrite),
            lambda library: to_vcard(library).encode("utf-8"),
        ),
    )
}
"""The export formats, by the name given to ``--format``."""
