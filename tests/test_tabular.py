"""The tabular exports, checked with the tools their users run: csv, frictionless and Datasette.

The CSV files are flat (no JSON in any cell), every model field has a column or a table, the
data package validates with ``frictionless`` (types, keys and foreign keys), the SQLite database
has typed columns, foreign keys and full-text search, and a real Datasette serves it with its
metadata: labels, search in any script, links between tables.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from frictionless import validate

import coalition_kit
from coalition_kit.library import Library
from coalition_kit.models import KINDS
from coalition_kit.models.introspect import field_annotations
from coalition_kit.outputs.csv_export import export_csv, to_csv
from coalition_kit.outputs.datasette import SEARCHED, fts_table
from coalition_kit.outputs.sqlite_export import export_sqlite, metadata_path
from coalition_kit.outputs.tables import tables
from conftest import DATA

KOREAN_NAME = "북한민주화위원회"
KOREAN_NAMED = "committee-for-the-democratization-of-north-korea"


@pytest.fixture(scope="module")
def library() -> Library:
    return coalition_kit.load(DATA)


@pytest.fixture(scope="module")
def files(library: Library) -> dict[str, list[dict[str, str]]]:
    return {name: list(csv.DictReader(io.StringIO(text))) for name, text in to_csv(library).items()}


@pytest.fixture(scope="module")
def database(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_sqlite(library, tmp_path_factory.mktemp("sqlite") / "coalition.db")


def test_every_model_field_has_a_column_or_a_table() -> None:
    names = {table.name: [c.name for c in table.all_columns] for table in tables()}
    for kind in KINDS:
        for field in field_annotations(kind.model):
            in_main = any(
                column == field or column.startswith(f"{field}_") for column in names[kind.folder]
            )
            assert in_main or f"{kind.name}_{field}" in names, (kind.name, field)
    assert len(names) == len(tables()), "table names are unique"
    for columns in names.values():
        assert len(columns) == len(set(columns)), columns


def test_csv_is_flat_and_reads_back(
    library: Library, files: dict[str, list[dict[str, str]]]
) -> None:
    assert set(files) == {f"{table.name}.csv" for table in tables()}
    for rows in files.values():
        for row in rows:
            for cell in row.values():
                if cell[:1] in "[{":
                    with pytest.raises(ValueError):
                        json.loads(cell)
    missions = files["missions.csv"]
    assert [row["id"] for row in missions] == sorted(library.missions)
    houston = next(row for row in missions if row["id"] == "cn-consulate-us-houston")
    assert houston["label"] == "Consulate-General of China in Houston"
    assert (houston["status_state"], houston["status_since"]) == ("closed", "2020-07-24")
    montreal = next(row for row in missions if row["id"] == "cn-consulate-ca-montreal")
    coordinates = library.missions["cn-consulate-ca-montreal"].coordinates
    assert coordinates is not None
    assert float(montreal["coordinates_latitude"]) == coordinates.latitude
    faxes = [
        (row["value"], row["display"])
        for row in files["mission_contact_points.csv"]
        if row["mission_id"] == "cn-embassy-us" and row["kind"] == "fax"
    ]
    assert faxes == [("+12024952138", "+1-202-495-2138"), ("+12025252056", "+1 202-525-2056")]
    signatories = [
        row["organization"]
        for row in files["letter_signatories.csv"]
        if row["letter_id"] == "joint-letter-biden-2023"
    ]
    assert signatories == [
        s.organization for s in library.letters["joint-letter-biden-2023"].signatories
    ]
    names = {
        (r["organization_id"], r["language"]): r["name"]
        for r in files["organization_other_names.csv"]
    }
    assert names[KOREAN_NAMED, "ko"] == KOREAN_NAME
    sources = [r for r in files["organization_sources.csv"] if r["organization_id"] == KOREAN_NAMED]
    assert [r["url"] or None for r in sources] == [
        s.url for s in library.organizations[KOREAN_NAMED].sources
    ]
    texts = {
        (r["letter_id"], r["language"], r["path"]) for r in files["letter_translations_texts.csv"]
    }
    assert ("nkfc-sample-letter-2012", "ko", "title") in texts
    booleans = {row["imported"] for row in files["mission_contact_points.csv"]}
    assert booleans == {"true", "false"}
    assert to_csv(library) == to_csv(coalition_kit.load(DATA)), "the output must be stable"


def test_data_package_validates_with_frictionless(library: Library, tmp_path: Path) -> None:
    export_csv(library, tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert [licence["name"] for licence in descriptor["licenses"]] == ["CC-BY-4.0", "CC0-1.0"]
    signatories = next(r for r in descriptor["resources"] if r["name"] == "letter_signatories")
    assert signatories["schema"]["primaryKey"] == ["letter_id", "position"]
    assert {
        "fields": ["organization"],
        "reference": {"resource": "organizations", "fields": ["id"]},
    } in signatories["schema"]["foreignKeys"]
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # The foreign keys are checked: a signatory naming no organization makes the package invalid.
    path = tmp_path / "letter_signatories.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = lines[1].split(",")
    lines[1] = ",".join([*cells[:2], "no-such-organization", *cells[3:]])
    path.write_text("".join(lines), encoding="utf-8")
    broken = validate(str(tmp_path / "datapackage.json"))
    assert broken.flatten(["type"]) == [["foreign-key"]]


def test_sqlite_has_typed_tables_foreign_keys_and_search(library: Library, database: Path) -> None:
    connection = sqlite3.connect(database)

    def one(sql: str, *parameters: object) -> Any:
        return connection.execute(sql, parameters).fetchone()[0]

    for kind in KINDS:
        assert one(f"SELECT count(*) FROM {kind.folder}") == len(library[kind.folder])
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    types = {row[1]: row[2] for row in connection.execute("PRAGMA table_info(missions)")}
    assert types["coordinates_latitude"] == "REAL" and types["status_since"] == "TEXT"
    assert one("SELECT typeof(imported) FROM mission_contact_points LIMIT 1") == "integer"
    assert {
        row[0] for row in connection.execute("SELECT imported FROM mission_contact_points")
    } == {0, 1}
    referenced = {
        row[2] for row in connection.execute("PRAGMA foreign_key_list(mission_contact_points)")
    }
    assert referenced == {"missions"}
    referenced = {
        row[2] for row in connection.execute("PRAGMA foreign_key_list(letter_signatories)")
    }
    assert referenced == {"letters", "organizations"}
    state = one("SELECT status_state FROM missions WHERE id = 'cn-consulate-us-houston'")
    assert state == "closed"
    count = one("SELECT count(*) FROM campaign_events")
    assert count == sum(len(c.events) for c in library.campaigns.values())
    for table in SEARCHED:
        assert one(f"SELECT count(*) FROM {fts_table(table)}") == one(
            f"SELECT count(*) FROM {table}"
        )
    found = one(
        "SELECT id FROM organizations WHERE rowid IN "
        "(SELECT rowid FROM organizations_fts WHERE organizations_fts MATCH ?)",
        f'"{KOREAN_NAME}"',
    )
    assert found == KOREAN_NAMED
    described = one("SELECT description FROM data_dictionary WHERE \"column\" = 'status_since'")
    assert described == "When the state took effect; required unless the mission is open."
    assert one("SELECT count(*) FROM data_dictionary") == sum(len(t.all_columns) for t in tables())
    connection.close()
    metadata = json.loads(metadata_path(database).read_text(encoding="utf-8"))
    described = metadata["databases"]["coalition"]["tables"]
    assert set(described) == {table.name for table in tables()} | {"data_dictionary"}
    assert described["missions"]["label_column"] == "label"
    assert described["missions"]["fts_table"] == "missions_fts"
    assert described["missions"]["facets"] == ["kind", "status_state"]
    assert metadata["license"] == "CC-BY-4.0"
    assert oct(database.stat().st_mode & 0o777) == oct(
        metadata_path(database).stat().st_mode & 0o777
    )


def test_sqlite_export_never_replaces_its_metadata_unasked(
    library: Library, tmp_path: Path
) -> None:
    (tmp_path / "coalition.metadata.json").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        export_sqlite(library, tmp_path / "coalition.db")
    assert [p.name for p in tmp_path.iterdir()] == ["coalition.metadata.json"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def datasette(database: Path, tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    log = tmp_path / "datasette.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "datasette",
                "serve",
                str(database),
                "--metadata",
                str(metadata_path(database)),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=1):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"Datasette did not start: {log.read_text(encoding='utf-8')}")
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def test_datasette_shows_labels_searches_and_follows_links(
    library: Library, datasette: str
) -> None:
    base = f"{datasette}/coalition"
    signatories = _get(
        f"{base}/letter_signatories.json?_labels=on&_shape=objects&_sort=position"
        "&letter_id=joint-letter-biden-2023"
    )["rows"]
    first = library.letters["joint-letter-biden-2023"].signatories[0].organization
    assert first is not None
    assert signatories[0]["organization"] == {
        "value": first,
        "label": library.organizations[first].name,
    }
    houston = _get(f"{base}/missions.json?_search=Houston&_shape=objects")["rows"]
    assert [row["id"] for row in houston] == ["cn-consulate-us-houston"]
    search = urllib.parse.quote(KOREAN_NAME)
    korean = _get(f"{base}/organizations.json?_search={search}&_shape=objects")["rows"]
    assert [row["id"] for row in korean] == [KOREAN_NAMED]
    # Part of a Chinese name, which has no spaces: the trigram search finds it all the same.
    search = urllib.parse.quote("大使馆")
    chinese = _get(f"{base}/missions.json?_search={search}&_shape=objects&_size=max")["rows"]
    assert {row["id"] for row in chinese} == {
        mission.id
        for mission in library.missions.values()
        if any("大使馆" in other.name for other in mission.other_names)
    }
    facets = _get(f"{base}/missions.json?_size=0")["facet_results"]
    assert {"kind", "status_state"} <= set(facets)
    row = _get(f"{base}/organizations/{first}.json?_extras=foreign_key_tables")
    link = next(
        table for table in row["foreign_key_tables"] if table["other_table"] == "letter_signatories"
    )
    assert link["count"] >= 1
    path, _, query = link["link"].partition("?")
    signed = _get(f"{datasette}{path}.json?{query}&_shape=objects")["rows"]
    assert len(signed) == link["count"] and {r["organization"] for r in signed} == {first}
