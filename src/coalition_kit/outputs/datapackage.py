"""The Frictionless data package of the CSV export: ``datapackage.json``.

A Table Schema per CSV file: each column's type, description and allowed values, whether it may
be empty, the primary key and the foreign keys between the files; the licences and sources of
``outputs/about.py``. ``frictionless validate datapackage.json`` checks the files against it.
"""

from __future__ import annotations

import json
from typing import Any

from coalition_kit._project import HOMEPAGE
from coalition_kit._version import __version__
from coalition_kit.outputs.about import (
    DESCRIPTION,
    LAYOUT,
    LICENCE_NOTE,
    LICENCES,
    NAME,
    SOURCES,
    TITLE,
)
from coalition_kit.outputs.tables import Column, Table, tables

__all__ = ["DESCRIPTOR_NAME", "csv_name", "render_datapackage", "to_datapackage"]

DESCRIPTOR_NAME = "datapackage.json"
"""The file name of the descriptor, beside the CSV files."""


def csv_name(table: Table) -> str:
    """The file name of a table's CSV file: ``mission_contact_points.csv``."""
    return f"{table.name}.csv"


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
    }
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.choices:
        constraints["enum"] = list(column.choices)
    if constraints:
        field["constraints"] = constraints
    return field


def _resource(table: Table) -> dict[str, Any]:
    return {
        "name": table.name,
        "path": csv_name(table),
        "profile": "tabular-data-resource",
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {
            "fields": [_field(column) for column in table.all_columns],
            "primaryKey": [column.name for column in table.keys],
            "foreignKeys": [
                {
                    "fields": list(key.columns),
                    "reference": {"resource": key.table, "fields": list(key.target)},
                }
                for key in table.foreign_keys
            ],
            "missingValues": [""],
        },
    }


def to_datapackage() -> dict[str, Any]:
    """Return the data package descriptor of the CSV export (the same for every library)."""
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": TITLE,
        "description": f"{DESCRIPTION}\n\n{LAYOUT}\n\n{LICENCE_NOTE}",
        "homepage": HOMEPAGE,
        "version": __version__,
        "licenses": [dict(licence) for licence in LICENCES],
        "sources": [dict(source) for source in SOURCES],
        "keywords": ["North Korea", "refugees", "human rights", "embassies", "letters"],
        "resources": [_resource(table) for table in tables()],
    }


def render_datapackage() -> str:
    """Return ``datapackage.json``'s text: indented, keys in a fixed order, ending in a newline."""
    return json.dumps(to_datapackage(), ensure_ascii=False, indent=2) + "\n"
