"""Importing missions from the *Database of embassies and consulates* (a CSV made from Wikidata).

``import_missions`` reads a manifest that names the CSV, the state whose missions to take and how
to cite the data set; it writes one mission file per row and a review list. Every imported value
is marked as imported (``Mission.imported`` names the fields; contact points say
``imported: true``), with the data set and the Wikidata item as its sources. Re-running gives the
same files: a file is rewritten only when the import changes it. A value a person entered or
verified is never overwritten; where the import disagrees, the review list says so.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from coalition_kit.contrib.fmt import format_text
from coalition_kit.contrib.importrows import Row, draft_of
from coalition_kit.contrib.review import Review
from coalition_kit.models import KINDS_BY_NAME, Mission
from coalition_kit.models.base import Model
from coalition_kit.models.formats import CountryCode
from coalition_kit.models.shared import Source
from coalition_kit.models.text import OneLine
from coalition_kit.reading.files import read_data_file
from coalition_kit.reading.plain import dump_yaml
from coalition_kit.reading.yaml import load_text
from coalition_kit.support.files import write_atomically

__all__ = ["ImportManifest", "ImportResult", "import_missions", "read_manifest"]

_MISSION = KINDS_BY_NAME["mission"]


class ImportManifest(Model):
    """What to import and how to cite it: a small YAML file kept beside the data."""

    csv: OneLine = Field(description="The CSV file, relative to the manifest.")
    sending_state: CountryCode = Field(description="The state whose missions to import: 'CN'.")
    operators: list[OneLine] = Field(
        min_length=1,
        description="The Wikidata items of the operators to take (the state, its foreign "
        "ministry), as the CSV's 'operatorQID' column writes them.",
    )
    dataset: Source = Field(description="The data set, as every imported value cites it.")
    qids: OneLine | None = Field(
        None,
        description="A CSV of 'row,qid' giving each row's Wikidata item where the data set's "
        "own 'QID' column is missing, relative to the manifest.",
    )


def read_manifest(path: Path) -> ImportManifest:
    """Read and check the manifest at ``path``.

    Raises:
        OSError: The file cannot be read.
        ValueError: The file is not a valid manifest; the message says what is wrong.
    """
    document = load_text(read_data_file(path).decode("utf-8"), str(path))
    if any(problem.is_error for problem in document.problems):
        raise ValueError("\n".join(str(p) for p in document.problems))
    try:
        return ImportManifest.model_validate(document.data)
    except ValidationError as error:
        raise ValueError(f"{path}: not an import manifest:\n{error}") from None


@dataclass
class ImportResult:
    """What an import did."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    review: Review = field(default_factory=Review)


def _rows(manifest: ImportManifest, base: Path) -> Iterator[Row]:
    text = read_data_file(base / manifest.csv).decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text), delimiter=";")
    header = next(reader)
    supplement = _qids(base / manifest.qids) if manifest.qids else {}
    for number, values in enumerate(reader, start=1):
        row = dict(zip(header, values, strict=False))
        if not row.get("QID") and number in supplement:
            row["QID"] = supplement[number]
        yield Row(number, row)


def _qids(path: Path) -> dict[int, str]:
    text = read_data_file(path).decode("utf-8")
    return {
        int(entry["row"]): entry["qid"]
        for entry in csv.DictReader(io.StringIO(text))
        if entry.get("qid")
    }


def import_missions(
    manifest_path: Path, data_root: Path, *, today: dt.date | None = None
) -> ImportResult:
    """Import the missions the manifest at ``manifest_path`` describes into ``data_root``.

    Raises:
        OSError: The manifest or the CSV cannot be read.
        ValueError: The manifest is not valid.
    """
    manifest = read_manifest(manifest_path)
    day = today or dt.date.today()
    result = ImportResult()
    folder = data_root / _MISSION.folder
    taken: dict[str, int] = {}
    for row in _rows(manifest, manifest_path.parent):
        if row.get("operatorQID").rsplit("/", 1)[-1] not in manifest.operators:
            continue
        draft = draft_of(row, manifest.sending_state, manifest.dataset, folder, result.review)
        if draft is None:
            continue
        if draft.id in taken:
            result.review.conflicts.append(
                {
                    "mission": draft.id,
                    "field": "(whole row)",
                    "kept": f"row {taken[draft.id]}",
                    "imported": f"row {row.number} ({row.get('website') or 'no website'})",
                    "why": "two rows of the data set give the same mission",
                }
            )
            continue
        taken[draft.id] = row.number
        path = folder / f"{draft.id}.yaml"
        existing = _existing(path)
        merged = draft.merge_into(existing, day, result.review)
        _write(path, merged, existing, result)
    return result


def _existing(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    document = load_text(read_data_file(path).decode("utf-8"), str(path))
    return document.data if isinstance(document.data, dict) else None


def _write(
    path: Path, merged: dict[str, Any], existing: dict[str, Any] | None, result: ImportResult
) -> None:
    try:
        Mission.model_validate(merged)
    except ValidationError as error:
        result.review.skipped.append(
            {"mission": merged.get("id"), "why": f"the result would not be valid: {error}"}
        )
        return
    if existing == merged:
        result.unchanged.append(path)
        return
    text = format_text(dump_yaml(merged), _MISSION)
    write_atomically(path, text.encode("utf-8"), overwrite=True)
    result.written.append(path)
