"""Reading the models' field annotations: one walker for every tool that needs to.

The link checker (which fields name an entity), the error messages (where a field belongs), the
formatter (which model a nested mapping stands for), the exports (which fields are plain values)
and the starter files (which values a field allows) all ask these functions, so that they agree
on what an annotation means: ``Annotated`` metadata is kept, ``| None`` and unions are looked
through, lists, tuples and sets stand for their items and dicts for their values.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel

__all__ = [
    "Leaf",
    "enum_of",
    "field_annotations",
    "is_plain_value",
    "leaves",
    "models_in",
    "shape",
    "strip_optional",
]

_CONTAINERS = (list, tuple, set, frozenset)
_UNIONS = (Union, types.UnionType)


class Leaf(typing.NamedTuple):
    """A type at the end of an annotation, with the ``Annotated`` metadata on the way to it."""

    type: Any
    metadata: tuple[Any, ...]


@cache
def field_annotations(model: type[BaseModel]) -> dict[str, Any]:
    """Return each field's annotation, ``Annotated`` metadata included, in field order."""
    hints = typing.get_type_hints(model, include_extras=True)
    return {name: hints[name] for name in model.model_fields}


def leaves(annotation: Any, metadata: tuple[Any, ...] = ()) -> Iterator[Leaf]:
    """Yield every type an annotation can hold a value of, with the metadata on its way.

    Unions yield each member, containers their items, dicts their values; ``None`` is skipped.
    """
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        inner, *extra = typing.get_args(annotation)
        yield from leaves(inner, (*metadata, *extra))
    elif origin in _UNIONS or origin in _CONTAINERS:
        for argument in typing.get_args(annotation):
            if argument is not type(None) and argument is not Ellipsis:
                yield from leaves(argument, metadata)
    elif origin is dict:
        yield from leaves(typing.get_args(annotation)[1], metadata)
    elif annotation is not type(None):
        yield Leaf(annotation, metadata)


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """Return the models an annotation can hold, in the order written, without repeats."""
    found = [
        leaf.type
        for leaf in leaves(annotation)
        if isinstance(leaf.type, type) and issubclass(leaf.type, BaseModel)
    ]
    return list(dict.fromkeys(found))


def strip_optional(annotation: Any) -> Any:
    """Return an annotation without ``Annotated`` and ``| None``: ``OneLine | None`` is ``str``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in _UNIONS:
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation


def is_plain_value(annotation: Any) -> bool:
    """Return True for text, a number, a truth value, a date or a choice (not a list or model)."""
    inner = strip_optional(annotation)
    return isinstance(inner, type) and (
        issubclass(inner, str | int | float | bool | dt.date) or issubclass(inner, enum.Enum)
    )


def shape(annotation: Any) -> tuple[Literal["list", "dict", "value"], Any]:
    """Say whether an annotation holds a list, a dict or one value, and what its items are.

    The second item is the annotation of the list's items, of the dict's values, or, for one
    value, the annotation itself.
    """
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return shape(typing.get_args(annotation)[0])
    if origin in _UNIONS:
        for argument in typing.get_args(annotation):
            found, inner = shape(argument)
            if found != "value":
                return found, inner
        return "value", annotation
    if origin is list:
        return "list", typing.get_args(annotation)[0]
    if origin is dict:
        return "dict", typing.get_args(annotation)[1]
    return "value", annotation


def enum_of(annotation: Any) -> type[enum.Enum] | None:
    """Return the choices (an ``Enum``) an annotation takes, if it takes one of a fixed list."""
    for leaf in leaves(annotation):
        if isinstance(leaf.type, type) and issubclass(leaf.type, enum.Enum):
            return leaf.type
    return None
