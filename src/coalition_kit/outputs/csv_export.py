"""The CSV export: one flat CSV file per table, and the data package that describes them.

The tables are those of ``outputs/tables.py``: a main table per kind (``missions.csv``) and a
child table per list or dict field (``mission_contact_points.csv``); no cell holds JSON. Empty
cells are empty values; truth values are ``true`` and ``false``, dates ``YYYY-MM-DD``, partial
dates as written (``2012-02``). ``datapackage.json`` gives each file's Table Schema.
"""

from __future__ import annotations

import csv
import errno
import io
from pathlib import Path

from coalition_kit.library import Library
from coalition_kit.outputs.datapackage import DESCRIPTOR_NAME, csv_name, render_datapackage
from coalition_kit.outputs.rows import Cell, table_rows
from coalition_kit.outputs.tables import tables
from coalition_kit.support.files import ensure_folder, write_atomically

__all__ = ["export_csv", "to_csv"]


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    return str(cell)


def to_csv(library: Library) -> dict[str, str]:
    """Return the text of every table's CSV file, by file name, in the order of ``tables()``.

    Each file has a header row of column names, then a row per entity or item, even when it has
    none (a header only): the set of files depends on the models, not on the data.
    """
    found = table_rows(library)
    files = {}
    for table in tables():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([column.name for column in table.all_columns])
        writer.writerows([_text(cell) for cell in row] for row in found[table.name])
        files[csv_name(table)] = buffer.getvalue()
    return files


def export_csv(library: Library, directory: Path, *, overwrite: bool = False) -> list[Path]:
    """Write every table's CSV file and ``datapackage.json`` into ``directory``.

    Nothing is written if one of the files exists and ``overwrite`` is false.
    """
    files = to_csv(library)
    files[DESCRIPTOR_NAME] = render_datapackage()
    ensure_folder(directory)
    existing = [directory / name for name in files if (directory / name).exists()]
    if existing and not overwrite:
        raise FileExistsError(
            errno.EEXIST,
            "exists; pass overwrite=True (or --force) to replace it",
            str(existing[0]),
        )
    return [
        write_atomically(directory / name, text.encode("utf-8"), overwrite=overwrite)
        for name, text in files.items()
    ]
