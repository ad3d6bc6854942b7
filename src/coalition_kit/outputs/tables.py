"""The flat tables of the CSV files, the data package and the SQLite database, read off the models.

No cell holds JSON. Each kind has a main table (``missions``): a column per text, number, truth
value, date or choice; a nested single object is spread over prefixed columns (``status_state``,
``address_locality``, ``coordinates_latitude``). Every list and every dict becomes a child table
named after its owner and field (``mission_contact_points``, ``letter_body``,
``letter_translations_texts``), whose key is the owner's key, then the item's ``position`` (from
0, as in translation paths) or its dict key (``language``, ``path``). A list of plain values has
one ``value`` column; a list of several models (contact points, calls to action) has the union of
their columns, the discriminator first. A field that names an entity (``Ref``) is a foreign key.

Everything here comes from the models' annotations: a new field is a new column or table without
a change here. Rows are made in ``outputs/rows.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from coalition_kit.models import KINDS, Kind
from coalition_kit.models.event import Event
from coalition_kit.models.introspect import field_annotations, leaves, models_in, shape
from coalition_kit.models.refs import Ref
from coalition_kit.outputs.annotations import (
    ColumnType,
    dict_key,
    discriminator,
    merge_type,
    optional,
    scalar,
)

__all__ = ["LABEL", "Column", "ForeignKey", "Table", "children", "tables"]

LABEL = "label"
"""The column of each main table that names its row: a mission's display name, a letter's title."""


@dataclass(frozen=True)
class Column:
    """One column of a table.

    Attributes:
        name: The column's name.
        type: Its Table Schema type: string, integer, number, boolean or date.
        description: What it holds, from the model's field description.
        required: True when no row leaves it empty.
        path: Where the value is in the item's JSON form (``("status", "state")``); ``()`` for
            the item itself (a list of plain values).
        choices: The values it takes, for a closed vocabulary.
        ref: The kind of entity whose id it holds (``"mission"``), or ``"event"``.
    """

    name: str
    type: ColumnType
    description: str
    required: bool = False
    path: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    ref: str | None = None


@dataclass(frozen=True)
class ForeignKey:
    """Columns of a table that hold the key of a row of another table."""

    columns: tuple[str, ...]
    table: str
    target: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """One table: its key columns, then its data columns.

    Attributes:
        name: The table's name, and its CSV file's stem.
        kind: The kind whose entities own its rows.
        description: What a row is.
        keys: The primary key's columns, first in each row.
        columns: The other columns.
        parent: The table of the item that holds this one's container; None for a main table.
        source: The path from the parent's item to the list or dict (``("address", "lines")``).
        levels: ``"list"`` or ``"dict"`` for each level of that container (a dict of lists: two).
        model: The model of one row's item, when it is one model.
        shorthand: For items that may be written as a plain value (a paragraph as text): the
            model and field that value stands for.
        label: The column to show as the row's name (Datasette's label column), if any.
        foreign_keys: The table's foreign keys, to its parent and to the entities it names.
    """

    name: str
    kind: Kind
    description: str
    keys: tuple[Column, ...]
    columns: tuple[Column, ...]
    parent: str | None = None
    source: tuple[str, ...] = ()
    levels: tuple[Literal["list", "dict"], ...] = ()
    model: type[BaseModel] | None = None
    shorthand: tuple[type[BaseModel], str] | None = None
    label: str | None = None
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def all_columns(self) -> tuple[Column, ...]:
        """The key columns, then the data columns: the order of a row's cells."""
        return self.keys + self.columns


_Container = tuple[str, tuple[str, ...], Any, str]
"""A list or dict field met while spreading a model: its name, path, annotation and description."""


class _Builder:
    """Builds every table of one kind, depth first, in the order of the model's fields."""

    def __init__(self, kind: Kind) -> None:
        self.kind = kind
        self.tables: list[Table] = []

    def item_columns(
        self, annotation: Any, table: str, key_names: set[str]
    ) -> tuple[list[Column], list[_Container], tuple[type[BaseModel], str] | None]:
        """Columns of one item (a model, a union of models or a plain value) and its containers.

        Each container is ``(name, path, annotation, description)``, made a table by the caller.
        The third item is the model and field an item written as a plain value stands for.
        """
        models = models_in(annotation)
        plain = [leaf for leaf in leaves(annotation) if scalar(leaf.type) is not None]
        if not models:
            return [self.plain_column("value", (), annotation, "The value.")], [], None
        per_model = [self.model_columns(m, (), "", False) for m in models]
        columns: dict[str, list[Column]] = {}
        containers: dict[str, _Container] = {}
        for model_columns, model_containers in per_model:
            for column in model_columns:
                columns.setdefault(column.name, []).append(column)
            for container in model_containers:
                containers.setdefault(container[0], container)
        merged = [
            replace(
                same[0],
                type=merge_type([c.type for c in same]),
                choices=tuple(dict.fromkeys(v for c in same for v in c.choices)),
                required=len(same) == len(models) and all(c.required for c in same),
            )
            for same in columns.values()
        ]
        # An item written as a plain value fills the model's first field (a paragraph as text).
        shorthand = (models[0], next(iter(models[0].model_fields))) if plain else None
        # The discriminator, then what tells the members apart (a contact's value, address or
        # account), then the fields they share: the values a reader looks for come first.
        first = discriminator(annotation)
        shared = {name for name, same in columns.items() if len(same) == len(models)}
        merged.sort(key=lambda column: (column.name != first, column.name in shared))
        clash = key_names & set(columns)
        assert not clash, f"{table}: columns {sorted(clash)} clash with its key"
        return merged, list(containers.values()), shorthand

    def plain_column(
        self, name: str, path: tuple[str, ...], annotation: Any, description: str
    ) -> Column:
        """A column for a field whose leaves are all plain values."""
        found = list(leaves(annotation))
        scalars = [s for s in (scalar(leaf.type) for leaf in found) if s is not None]
        refs = [m.kind for leaf in found for m in leaf.metadata if isinstance(m, Ref)]
        return Column(
            name,
            merge_type([s[0] for s in scalars]),
            description,
            required=not optional(annotation),
            path=path,
            choices=tuple(dict.fromkeys(choice for s in scalars for choice in s[1])),
            ref=refs[0] if refs else None,
        )

    def model_columns(
        self, model: type[BaseModel], path: tuple[str, ...], prefix: str, nullable: bool
    ) -> tuple[list[Column], list[_Container]]:
        """The columns of a model's fields, nested models spread out under ``prefix``.

        ``nullable`` says that the model itself may be missing, so that none of its columns is
        required.
        """
        columns: list[Column] = []
        containers: list[_Container] = []
        for name, annotation in field_annotations(model).items():
            description = model.model_fields[name].description or ""
            where, inner = shape(annotation)
            field_path, field_name = (*path, name), prefix + name
            if where != "value":
                containers.append((field_name, field_path, annotation, description))
            elif all(scalar(leaf.type) is not None for leaf in leaves(annotation)):
                column = self.plain_column(field_name, field_path, annotation, description)
                columns.append(replace(column, required=column.required and not nullable))
            else:
                (nested,) = [leaf.type for leaf in leaves(inner)]
                more, deeper = self.model_columns(
                    nested, field_path, field_name + "_", nullable or optional(annotation)
                )
                columns += [replace(c, description=c.description or description) for c in more]
                containers += deeper
        return columns, containers

    def child(
        self, parent: Table, name: str, description: str, source: tuple[str, ...], annotation: Any
    ) -> None:
        """Add the table ``name`` of a container in ``parent``'s items, and its own children."""
        levels: list[Literal["list", "dict"]] = []
        if parent.parent is None:  # The entity's id, named after its kind: 'mission_id'.
            keys = [replace(parent.keys[0], name=f"{self.kind.name}_id")]
        else:  # The parent's key, its position named after its field: 'contact_points_position'.
            keys = [
                replace(k, name=f"{parent.source[-1]}_{k.name}") if k.name == "position" else k
                for k in parent.keys
            ]
        parent_key = tuple(k.name for k in keys)
        while True:
            where, item = shape(annotation)
            if where == "value":
                break
            levels.append(where)
            if where == "list":
                keys.append(Column("position", "integer", "The item's place in the list, from 0."))
            else:
                key_name, key_description = dict_key(annotation)
                keys.append(Column(key_name, "string", key_description))
            annotation = item
        keys = [replace(k, required=True, path=()) for k in keys]
        columns, containers, shorthand = self.item_columns(annotation, name, {k.name for k in keys})
        models = models_in(annotation)
        table = Table(
            name,
            self.kind,
            description,
            tuple(keys),
            tuple(columns),
            parent=parent.name,
            source=source,
            levels=tuple(levels),
            model=models[0] if len(models) == 1 else None,
            shorthand=shorthand,
            label=next((n for n in _LABELS if n in {c.name for c in columns}), None),
            foreign_keys=(ForeignKey(parent_key, parent.name, tuple(k.name for k in parent.keys)),),
        )
        self.add(table, containers)

    def add(self, table: Table, containers: list[_Container]) -> None:
        """Add ``table`` and the tables of its containers."""
        self.tables.append(table)
        base = self.kind.name if table.parent is None else table.name
        for field_name, path, annotation, description in containers:
            self.child(table, f"{base}_{field_name}", description, path, annotation)

    def main(self) -> list[Table]:
        """Every table of the kind: its main table first."""
        model = self.kind.model
        columns, containers = self.model_columns(model, (), "", False)
        key, rest = columns[0], columns[1:]
        assert key.name == "id" and LABEL not in {c.name for c in rest}
        label = Column(LABEL, "string", "A name to show for the entry.", True, (LABEL,))
        description = (model.__doc__ or "").strip().splitlines()[0]
        self.add(
            Table(self.kind.folder, self.kind, description, (key,), (label, *rest), label=LABEL),
            containers,
        )
        return self.tables


_LABELS = ("name", "title", "value", "text", "field", "url", "token", "translated_by", "id")
"""The columns that name a child table's row, best first."""


def _reference_keys(
    table: Table, by_model: dict[tuple[str, type], Table]
) -> tuple[ForeignKey, ...]:
    kinds = {kind.name: kind for kind in KINDS}
    found = []
    for column in table.columns:
        if column.ref in kinds:
            found.append(ForeignKey((column.name,), kinds[column.ref].folder, ("id",)))
        elif column.ref == "event" and (events := by_model.get((table.kind.name, Event))):
            owner = table.keys[0].name
            found.append(ForeignKey((owner, column.name), events.name, (owner, "id")))
    return tuple(found)


@cache
def tables() -> tuple[Table, ...]:
    """Every table, each kind's main table followed by its child tables, depth first."""
    built = [table for kind in KINDS for table in _Builder(kind).main()]
    by_model = {(t.kind.name, t.model): t for t in built if t.model is not None and t.parent}
    return tuple(
        replace(table, foreign_keys=table.foreign_keys + _reference_keys(table, by_model))
        for table in built
    )


def children(table: Table) -> tuple[Table, ...]:
    """The tables whose containers are in ``table``'s items, in field order."""
    return tuple(t for t in tables() if t.parent == table.name)
