"""The rows of the flat tables (``outputs/tables.py``), from the public view of a library.

Cells are ``None``, text, whole numbers, decimal numbers or truth values, as the entities' JSON
form has them: dates are ISO text. The CSV and SQLite exports write these same rows, each in
its own way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from coalition_kit.library import Library
from coalition_kit.library.public import public_library
from coalition_kit.models import KINDS, AnyEntity
from coalition_kit.outputs.tables import LABEL, Table, children, tables

__all__ = ["Cell", "Row", "entity_label", "table_rows"]

Cell = str | int | float | bool | None
"""One cell: empty, text, a number or a truth value."""

Row = tuple[Cell, ...]
"""One row: its key cells, then its data cells, in the order of ``Table.all_columns``."""


def entity_label(entity: AnyEntity) -> str:
    """The name to show for an entity: a mission's display name, else its name or title."""
    for attribute in ("display_name", "name", "title"):
        value = getattr(entity, attribute, None)
        if isinstance(value, str) and value:
            return value
    return entity.id


def _at(item: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(item, dict):
            return None
        item = item.get(key)
    return item


def _cells(table: Table, item: Any) -> tuple[Cell, ...]:
    return tuple(_at(item, column.path) for column in table.columns)


def _items(container: Any, levels: tuple[str, ...]) -> Iterator[tuple[tuple[Cell, ...], Any]]:
    """Yield each item of a (nested) list or dict with its keys: positions or dict keys."""
    if not levels:
        yield (), container
        return
    pairs = container.items() if levels[0] == "dict" else enumerate(container)
    for key, value in pairs:
        for keys, item in _items(value, levels[1:]):
            yield (key, *keys), item


def _add(table: Table, key: Row, item: Any, found: dict[str, list[Row]]) -> None:
    if table.shorthand is not None and not isinstance(item, dict):
        model, field = table.shorthand
        item = model.model_construct(**{field: item}).model_dump(mode="json")
    found[table.name].append(key + _cells(table, item))
    for child in children(table):
        container = _at(item, child.source)
        if not container:
            continue
        owner = key[: len(child.keys) - len(child.levels)]
        for keys, child_item in _items(container, child.levels):
            _add(child, (*owner, *keys), child_item, found)


def table_rows(library: Library) -> dict[str, list[Row]]:
    """Return the rows of every table, by table name, for the public view of ``library``.

    Every table is present, an empty list when no entity has its field; entities come in the
    order of their ids, list items in their order, dict items in the order written.
    """
    library = public_library(library)
    found: dict[str, list[Row]] = {table.name: [] for table in tables()}
    for kind in KINDS:
        main = next(table for table in tables() if table.name == kind.folder)
        for entity in library[kind.folder].values():
            item = {**entity.model_dump(mode="json"), LABEL: entity_label(entity)}
            _add(main, (entity.id,), item, found)
    return found
