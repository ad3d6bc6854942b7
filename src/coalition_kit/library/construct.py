"""Build models from JSON values they are known to satisfy, without validating them again.

The wheel's bundle was validated when the package was built, and its digest says it has not
changed since; re-running pydantic over every entity would cost several times the JSON parse.
A *builder* per model, compiled once from the model's field annotations, converts each value
as validation would (nested models, the union members named by their ``kind``, enums, dates,
floats) and assembles the instance with ``model_construct``. A test proves that every entity
built so equals the validated one. An annotation the compiler does not know raises
``NotImplementedError`` when the builder is made, and the caller validates instead.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, Literal, TypeVar, get_args, get_origin

from pydantic import BaseModel

__all__ = ["builder"]

M = TypeVar("M", bound=BaseModel)
_MISSING = object()
Convert = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _date(value: Any) -> Any:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _datetime(value: Any) -> Any:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def _float(value: Any) -> Any:
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _literal_of(model: type[BaseModel]) -> tuple[str, Any] | None:
    """The field of ``model`` typed as a one-value Literal (its union tag), and that value."""
    for name, info in model.model_fields.items():
        annotation = info.annotation
        if get_origin(annotation) is Literal:
            return name, get_args(annotation)
    return None


def _union(members: tuple[Any, ...]) -> Convert:
    present = [member for member in members if member is not type(None)]
    convert = [(_strip(member), _compile(member)) for member in present]
    if len(convert) == 1:
        only = convert[0][1]
        return lambda value: None if value is None else only(value)
    models = [
        (kind, make)
        for kind, make in convert
        if isinstance(kind, type) and issubclass(kind, BaseModel)
    ]
    texts = [make for kind, make in convert if kind is str]
    if len(models) == 1 and texts:  # text, or a mapping for the one model (a letter's paragraph)
        model_make = models[0][1]
        return lambda value: value if isinstance(value, str) or value is None else model_make(value)
    tagged: dict[tuple[str, Any], Convert] = {}
    for kind, make in models:
        found = _literal_of(kind)
        if found is None:
            raise NotImplementedError(f"a union member without a tag: {kind!r}")
        field, values = found
        for value in values:
            tagged[(field, value)] = make
    fields = {field for field, _ in tagged}
    if len(fields) != 1 or len(models) != len(convert):
        raise NotImplementedError(f"a union this builder cannot tell apart: {members!r}")
    (tag,) = fields

    def pick(value: Any) -> Any:
        if value is None:
            return None
        return tagged[(tag, value[tag])](value)

    return pick


def _strip(annotation: Any) -> Any:
    while get_origin(annotation) is typing.Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _compile(annotation: Any) -> Convert:
    annotation = _strip(annotation)
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return _union(get_args(annotation))
    if origin is list:
        (item,) = get_args(annotation)
        convert = _compile(item)
        if convert is _same:
            return _same  # the JSON list itself: nothing else holds it
        return lambda values: [convert(value) for value in values] if values else values
    if origin is dict:
        _, item = get_args(annotation)
        convert = _compile(item)
        return lambda values: {key: convert(value) for key, value in values.items()}
    if origin is Literal or annotation in (str, int, bool, Any):
        return _same
    if annotation is float:
        return _float
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return _model(annotation)
        if issubclass(annotation, enum.Enum):
            return annotation._value2member_map_.__getitem__
        if annotation is dt.datetime:
            return _datetime
        if annotation is dt.date:
            return _date
    raise NotImplementedError(f"no builder for {annotation!r}")


_COMPILING: set[type[BaseModel]] = set()


def _model(model: type[BaseModel]) -> Convert:
    if model not in _COMPILING:
        return builder(model)
    # A model that contains itself: its builder is looked up when first used.
    made: list[Convert] = []

    def build(value: Any) -> Any:
        if not made:
            made.append(builder(model))
        return made[0](value)

    return build


def builder(model: type[M]) -> Callable[[dict[str, Any]], M]:
    """Return a function that makes a ``model`` from its JSON values without validating them.

    Raises:
        NotImplementedError: A field's annotation is of a shape this module cannot build.
    """
    return typing.cast(Callable[[dict[str, Any]], M], _builder(model))


@cache
def _builder(model: type[BaseModel]) -> Callable[[dict[str, Any]], BaseModel]:
    _COMPILING.add(model)
    try:
        return _generate(model)
    finally:
        _COMPILING.discard(model)


def _generate(model: type[BaseModel]) -> Callable[[dict[str, Any]], BaseModel]:
    # The builder is generated as straight-line code: the JSON values as they are, merged over
    # the defaults in one step, then only the fields that need a conversion or a fresh default.
    names: dict[str, Any] = {
        "MISSING": _MISSING,
        "model": model,
        "set_attribute": object.__setattr__,
    }
    defaults: dict[str, Any] = {}
    body: list[str] = []
    for index, (name, info) in enumerate(model.model_fields.items()):
        if info.alias not in (None, name):
            raise NotImplementedError(f"{model.__name__}.{name}: an alias")
        factory = info.default_factory
        if factory is not None and info.default_factory_takes_validated_data:
            raise NotImplementedError(f"{model.__name__}.{name}: a default made from other fields")
        if factory is not None:
            names[f"factory_{index}"] = factory
            body.append(f"    if {name!r} not in raw: values[{name!r}] = factory_{index}()")
        elif not info.is_required():
            defaults[name] = info.default
        convert = _compile(info.annotation)
        if convert is not _same:
            names[f"convert_{index}"] = convert
            body.append(f"    if (value := get({name!r}, MISSING)) is not MISSING:")
            body.append(f"        values[{name!r}] = convert_{index}(value)")
    names["DEFAULTS"] = defaults
    lines = [
        "def make(raw):",
        "    get = raw.get",
        "    values = {**DEFAULTS, **raw}",
        *body,
        "    instance = model.__new__(model)",
        "    set_attribute(instance, '__dict__', values)",
        "    set_attribute(instance, '__pydantic_fields_set__', set(raw))",
        "    set_attribute(instance, '__pydantic_extra__', None)",
        "    set_attribute(instance, '__pydantic_private__', None)",
        "    return instance",
    ]
    exec("\n".join(lines), names)  # noqa: S102 - code made here from the model's field names
    made: Callable[[dict[str, Any]], BaseModel] = names["make"]
    return made
