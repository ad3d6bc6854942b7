"""What a field's annotation means for a table column: its type, choices, key and emptiness.

``outputs/tables.py`` asks these while it spreads the models over tables.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, Discriminator

from coalition_kit.models.formats import LanguageTag
from coalition_kit.models.translation import TextPath

__all__ = ["ColumnType", "dict_key", "discriminator", "merge_type", "optional", "scalar"]

ColumnType = Literal["string", "integer", "number", "boolean", "date"]
"""A column's type, as Table Schema names it."""

_DICT_KEYS: tuple[tuple[Any, str, str], ...] = (
    (LanguageTag, "language", "The language, as a BCP 47 tag."),
    (TextPath, "path", "Where the text is in the entry: field names and positions, by dots."),
)
"""Dict keys with a column name of their own; any other dict's key is ``key``."""


def optional(annotation: Any) -> bool:
    """Return True when the annotation allows ``None``, through ``Annotated`` and unions."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return optional(typing.get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        return any(optional(a) for a in typing.get_args(annotation))
    return annotation is type(None)


def scalar(leaf_type: Any) -> tuple[ColumnType, tuple[str, ...]] | None:
    """The column type and choices of a plain type; None for a model or anything else."""
    if typing.get_origin(leaf_type) is Literal:
        return "string", tuple(str(a) for a in typing.get_args(leaf_type))
    if not isinstance(leaf_type, type) or issubclass(leaf_type, BaseModel):
        return None
    if issubclass(leaf_type, enum.Enum):
        return "string", tuple(str(member.value) for member in leaf_type)
    found: tuple[tuple[type, ColumnType], ...] = (
        (bool, "boolean"),
        (int, "integer"),
        (float, "number"),
        (dt.date, "date"),
        (str, "string"),
    )
    return next(((kind, ()) for base, kind in found if issubclass(leaf_type, base)), None)


def merge_type(types_: list[ColumnType]) -> ColumnType:
    """The type of a column that holds values of each of ``types_``: a number, or else text."""
    unique = set(types_)
    if len(unique) == 1:
        return types_[0]
    return "number" if unique == {"integer", "number"} else "string"


def dict_key(annotation: Any) -> tuple[str, str]:
    """The name and description of a dict's key column: ``language`` for a language tag."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return dict_key(typing.get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        (inner,) = [a for a in typing.get_args(annotation) if typing.get_origin(a) is not None]
        return dict_key(inner)
    key = typing.get_args(annotation)[0]
    return next(((n, d) for k, n, d in _DICT_KEYS if k is key), ("key", "The key."))


def discriminator(annotation: Any) -> str | None:
    """The field that tells the members of a discriminated union apart (``kind``), if any."""
    if typing.get_origin(annotation) is Annotated:
        for extra in typing.get_args(annotation)[1:]:
            if isinstance(extra, Discriminator) and isinstance(extra.discriminator, str):
                return extra.discriminator
        return discriminator(typing.get_args(annotation)[0])
    return None
