"""The SQLite export: the flat tables with typed columns, foreign keys and full-text search.

The same tables as the CSV files (``outputs/tables.py``): text and dates (ISO) as ``TEXT``, whole
numbers and truth values (0 or 1) as ``INTEGER``, decimals as ``REAL``; ``NOT NULL`` where no row
is empty; primary keys, foreign keys (child tables to their owner, ids to the entities they name)
and an index on each foreign key. The searchable tables (``outputs/datasette.py``) get an FTS5
table each, and ``data_dictionary`` describes every column. Beside the database,
``<name>.metadata.json`` is its Datasette metadata:
``datasette coalition.db --metadata coalition.metadata.json``.
"""

from __future__ import annotations

import errno
import sqlite3
import tempfile
from collections import defaultdict
from pathlib import Path

from coalition_kit.library import Library
from coalition_kit.outputs.datasette import DICTIONARY, SEARCHED, fts_table, render_metadata
from coalition_kit.outputs.rows import Row, table_rows
from coalition_kit.outputs.tables import Column, Table, tables
from coalition_kit.support.files import write_atomically

__all__ = ["export_sqlite", "metadata_path", "schema_sql"]

_TYPES = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
    "date": "TEXT",
}


_DICTIONARY_SQL = f"""CREATE TABLE {DICTIONARY} (
    "table" TEXT NOT NULL,
    "column" TEXT NOT NULL,
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    required INTEGER NOT NULL CHECK (required IN (0, 1)),
    description TEXT NOT NULL,
    PRIMARY KEY ("table", "column")
)"""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _names(names: tuple[str, ...]) -> str:
    return ", ".join(_quote(name) for name in names)


def _column(column: Column) -> str:
    sql = f"{_quote(column.name)} {_TYPES[column.type]}"
    if column.required:
        sql += " NOT NULL"
    if column.type == "boolean":
        sql += f" CHECK ({_quote(column.name)} IN (0, 1))"
    return sql


def _create(table: Table, unique: set[tuple[str, ...]]) -> list[str]:
    keys = tuple(column.name for column in table.keys)
    parts = [_column(column) for column in table.all_columns]
    parts.append(f"PRIMARY KEY ({_names(keys)})")
    parts += [f"UNIQUE ({_names(columns)})" for columns in sorted(unique)]
    parts += [
        f"FOREIGN KEY ({_names(key.columns)}) REFERENCES {_quote(key.table)} ({_names(key.target)})"
        for key in table.foreign_keys
    ]
    statements = [f"CREATE TABLE {_quote(table.name)} (\n    " + ",\n    ".join(parts) + "\n)"]
    for key in table.foreign_keys:
        if keys[: len(key.columns)] != key.columns:
            index = _quote(f"{table.name}_by_{'_'.join(key.columns)}")
            statements.append(
                f"CREATE INDEX {index} ON {_quote(table.name)} ({_names(key.columns)})"
            )
    return statements


def schema_sql() -> list[str]:
    """Return the statements that create every table, index and full-text search table."""
    every = tables()
    keys = {table.name: tuple(column.name for column in table.keys) for table in every}
    unique: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for table in every:
        for key in table.foreign_keys:
            if key.target != keys[key.table]:
                unique[key.table].add(key.target)
    statements = [sql for table in every for sql in _create(table, unique[table.name])]
    statements.append(_DICTIONARY_SQL)
    for name, columns in SEARCHED.items():
        statements.append(
            f"CREATE VIRTUAL TABLE {_quote(fts_table(name))} USING fts5"
            f"({_names(tuple(columns))}, tokenize='trigram')"
        )
    return statements


def _search_rows(name: str, found: dict[str, list[Row]], rowids: dict[str, int]) -> list[Row]:
    """One row per entity of table ``name``: its rowid, then the text of each search column."""
    table = next(t for t in tables() if t.name == name)
    positions = {column.name: i for i, column in enumerate(table.all_columns)}
    texts: dict[str, dict[str, list[str]]] = {}
    for column, source in SEARCHED[name].items():
        per_entity: dict[str, list[str]] = defaultdict(list)
        if "." in source:
            child_name, child_column = source.split(".")
            child = next(t for t in tables() if t.name == child_name)
            at = [c.name for c in child.all_columns].index(child_column)
            for row in found[child_name]:
                if row[at] is not None:
                    per_entity[str(row[0])].append(str(row[at]))
        else:
            for row in found[name]:
                if row[positions[source]] is not None:
                    per_entity[str(row[0])].append(str(row[positions[source]]))
        texts[column] = per_entity
    return [
        (rowids[str(row[0])], *("\n".join(texts[c].get(str(row[0]), [])) for c in SEARCHED[name]))
        for row in found[name]
    ]


def _fill(connection: sqlite3.Connection, library: Library) -> None:
    found = table_rows(library)
    for table in tables():
        marks = ", ".join("?" for _ in table.all_columns)
        connection.executemany(
            f"INSERT INTO {_quote(table.name)} VALUES ({marks})",  # noqa: S608 - names from models
            found[table.name],
        )
    connection.executemany(
        f"INSERT INTO {DICTIONARY} VALUES (?, ?, ?, ?, ?, ?)",  # noqa: S608 - a constant
        [
            (table.name, column.name, i, column.type, column.required, column.description)
            for table in tables()
            for i, column in enumerate(table.all_columns)
        ],
    )
    for name, columns in SEARCHED.items():
        rowids = {
            str(key): rowid
            for rowid, key in connection.execute(f"SELECT rowid, id FROM {_quote(name)}")  # noqa: S608
        }
        marks = ", ".join("?" for _ in range(len(columns) + 1))
        connection.executemany(
            f"INSERT INTO {_quote(fts_table(name))} (rowid, {_names(tuple(columns))}) "  # noqa: S608
            f"VALUES ({marks})",
            _search_rows(name, found, rowids),
        )


def metadata_path(path: Path) -> Path:
    """Where the Datasette metadata of the database at ``path`` goes: ``coalition.metadata.json``."""
    return path.with_name(f"{path.stem}.metadata.json")


def export_sqlite(library: Library, path: Path, *, overwrite: bool = False) -> Path:
    """Write the SQLite database to ``path`` and its Datasette metadata beside it; return ``path``.

    Nothing is written if the database or the metadata file exists and ``overwrite`` is false.
    """
    metadata = metadata_path(path)
    for target in (path, metadata):
        if target.exists() and not overwrite:
            raise FileExistsError(
                errno.EEXIST, "exists; pass overwrite=True (or --force) to replace it", str(target)
            )
    with tempfile.TemporaryDirectory() as folder:
        temporary = Path(folder) / "export.db"
        connection = sqlite3.connect(temporary)
        try:
            for statement in schema_sql():
                connection.execute(statement)
            _fill(connection, library)
            connection.commit()
        finally:
            connection.close()
        write_atomically(path, temporary.read_bytes(), overwrite=overwrite)
    write_atomically(metadata, render_metadata(path.stem).encode("utf-8"), overwrite=overwrite)
    return path
