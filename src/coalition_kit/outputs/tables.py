"""Entities as table rows: a column per field, plain values as cells and the rest as JSON text.

The CSV and SQLite exports share these columns, so that the two always agree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from coalition_kit.models import AnyEntity
from coalition_kit.models.introspect import field_annotations, is_plain_value

__all__ = ["rows", "table_columns"]


def table_columns(model: type[BaseModel]) -> list[tuple[str, bool]]:
    """The model's fields in order, each with whether it is a plain value (else stored as JSON)."""
    return [
        (name, is_plain_value(annotation)) for name, annotation in field_annotations(model).items()
    ]


def _cell(value: Any, scalar: bool) -> str | int | None:
    if value is None:
        return None
    if scalar:
        if isinstance(value, bool):
            return "true" if value else "false"
        return value if isinstance(value, int) else str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def rows(entities: Iterable[AnyEntity], columns: list[tuple[str, bool]]) -> Iterator[list[Any]]:
    """Yield each entity as a row of cells, in the order of ``columns``."""
    for entity in entities:
        dumped = entity.model_dump(mode="json")
        yield [_cell(dumped[name], scalar) for name, scalar in columns]
