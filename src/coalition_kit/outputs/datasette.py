"""Datasette's view of the SQLite export: its ``metadata.json`` and the full-text search tables.

Datasette shows each table with its description and column descriptions, names rows by their
label column (a foreign key to a mission shows the mission's name) and offers a search box on
the tables that ``SEARCHED`` lists, through the FTS5 tables ``<table>_fts``.
"""

from __future__ import annotations

import json
from typing import Any

from coalition_kit._project import HOMEPAGE, SOURCE
from coalition_kit.outputs.about import DESCRIPTION, LAYOUT, LICENCE_NOTE, LICENCES, TITLE
from coalition_kit.outputs.tables import tables

__all__ = ["DICTIONARY", "SEARCHED", "datasette_metadata", "fts_table", "render_metadata"]

DICTIONARY = "data_dictionary"
"""The table that describes every column of every table (Datasette 0.65 would list a table's
column descriptions above its rows, so they live here instead)."""

SEARCHED: dict[str, dict[str, str]] = {
    "organizations": {
        "label": "label",
        "acronym": "acronym",
        "other_names": "organization_other_names.name",
        "description": "description",
    },
    "letters": {
        "label": "label",
        "subject": "subject",
        "summary": "summary",
        "body": "letter_body.text",
        "translations": "letter_translations_texts.value",
    },
    "campaigns": {
        "label": "label",
        "summary": "summary",
        "translations": "campaign_translations_texts.value",
    },
    "missions": {
        "label": "label",
        "city": "city",
        "locality": "address_locality",
        "other_names": "mission_other_names.name",
        "accredited_to": "accredited_to",
    },
}
"""The searchable tables, each with its search columns and where their text comes from.

A source is a column of the table, or ``<child table>.<column>``: the texts of the entity's rows
in that table, one per line. The search finds any part of a word of three characters or more
(FTS5's trigram tokenizer), in any script: Korean and Chinese names have no spaces to split at.
"""


def fts_table(table: str) -> str:
    """The name of a table's full-text search table: ``missions_fts``."""
    return f"{table}_fts"


def datasette_metadata(database: str) -> dict[str, Any]:
    """Return Datasette's metadata for the SQLite export served as ``database`` (its file stem).

    Every table has its description and the column that names its rows; a main table's choice
    columns are its facets; the searchable tables name their full-text search table. The
    columns are described in the table ``DICTIONARY``.
    """
    described: dict[str, Any] = {}
    for table in tables():
        entry: dict[str, Any] = {"description": table.description}
        if table.label is not None:
            entry["label_column"] = table.label
        if table.parent is None:  # The closed vocabularies of an entry are its facets.
            entry["facets"] = [column.name for column in table.columns if column.choices]
        if table.name in SEARCHED:
            entry["fts_table"] = fts_table(table.name)
            entry["fts_pk"] = "rowid"
        described[table.name] = entry
    described[DICTIONARY] = {
        "description": "Every column of every table: its type, whether every row fills it, "
        "and what it holds.",
        "label_column": "column",
        "facets": ["table"],
    }
    licence = LICENCES[0]
    return {
        "title": TITLE,
        "description": f"{DESCRIPTION} {LAYOUT} {LICENCE_NOTE}",
        "license": licence["name"],
        "license_url": licence["path"],
        "source": "coalition-kit",
        "source_url": SOURCE,
        "about": "coalition-kit",
        "about_url": HOMEPAGE,
        "databases": {database: {"tables": described}},
    }


def render_metadata(database: str) -> str:
    """Return the text of ``metadata.json`` for the database ``database``."""
    return json.dumps(datasette_metadata(database), ensure_ascii=False, indent=2) + "\n"
