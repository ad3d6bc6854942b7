"""The CSV export: one file per kind, a row per entity."""

from __future__ import annotations

import csv
import errno
import io
from pathlib import Path

from coalition_kit.library import Library
from coalition_kit.library.public import public_library
from coalition_kit.models import KINDS
from coalition_kit.outputs.tables import rows, table_columns
from coalition_kit.support.files import ensure_folder, write_atomically

__all__ = ["export_csv", "to_csv"]


def to_csv(library: Library) -> dict[str, str]:
    """Return one CSV text per kind (``organizations.csv`` ...): a row per entity.

    Text, number, date and choice fields are plain cells; lists and nested fields are JSON.
    """
    library = public_library(library)
    files = {}
    for kind in KINDS:
        columns = table_columns(kind.model)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([name for name, _ in columns])
        for row in rows(library[kind.folder].values(), columns):
            writer.writerow(["" if cell is None else cell for cell in row])
        files[f"{kind.folder}.csv"] = buffer.getvalue()
    return files


def export_csv(library: Library, directory: Path, *, overwrite: bool = False) -> list[Path]:
    """Write one CSV file per kind into ``directory``; nothing is written if one exists unasked."""
    files = to_csv(library)
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
