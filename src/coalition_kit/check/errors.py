"""Turn pydantic's validation errors into problems at the line and column of the offending value.

Pydantic locates an error by a path of keys and indexes (its ``loc``), with extra elements for
union members. ``Document.locate`` maps that path to the closest YAML node that exists: the value
itself, or, for a missing field, the mapping that lacks it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from coalition_kit.models import KINDS
from coalition_kit.models.introspect import field_annotations, models_in
from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem
from coalition_kit.reading.document import Document, NodePath
from coalition_kit.support.suggest import Suggester, hint

__all__ = ["display_path", "problems_from_errors"]

_GENERIC_CODES: dict[str, Code] = {
    "missing": Code.FIELD_MISSING,
    "extra_forbidden": Code.FIELD_UNKNOWN,
    "union_tag_not_found": Code.FIELD_MISSING,
    "union_tag_invalid": Code.VALUE_NOT_ALLOWED,
    "enum": Code.VALUE_NOT_ALLOWED,
    "literal_error": Code.VALUE_NOT_ALLOWED,
    "too_short": Code.VALUE_EMPTY,
    "string_too_short": Code.VALUE_EMPTY,
    "too_long": Code.VALUE_TOO_LONG,
    "string_too_long": Code.VALUE_TOO_LONG,
    "greater_than": Code.VALUE_OUT_OF_RANGE,
    "greater_than_equal": Code.VALUE_OUT_OF_RANGE,
    "less_than": Code.VALUE_OUT_OF_RANGE,
    "less_than_equal": Code.VALUE_OUT_OF_RANGE,
    "string_pattern_mismatch": Code.VALUE_INVALID,
}

_TYPE_WORDS: dict[str, str] = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "date_type": "a date such as 2023-10-16",
}

_KNOWN_CODES = {code.value for code in Code}


def display_path(path: Iterable[str | int]) -> str:
    """Format a path as a contributor reads it: ``contact_points[0].value``."""
    text = ""
    for element in path:
        if isinstance(element, int):
            text += f"[{element}]"
        else:
            text += f".{element}" if text else str(element)
    return text or "the file"


def _clean_loc(
    document: Document, loc: tuple[Any, ...], error_type: str
) -> tuple[NodePath, str | None]:
    """Return the path of existing nodes along ``loc`` and, for a missing field, its name.

    Elements that name nothing in the document (union tags such as 'email' or 'paragraph') are
    dropped, except the final key of a 'missing' error, which names the missing field.
    """
    resolved, used_last = document.resolved_path(loc)
    last = loc[-1] if loc else None
    if error_type == "missing" and isinstance(last, str) and not used_last:
        return resolved, last
    return resolved, None


@cache
def _field_places() -> dict[str, tuple[str, ...]]:
    """Where each field name is allowed: ``("mission: address.locality", ...)``, by name."""
    places: dict[str, list[str]] = {}

    def visit(
        model: type[BaseModel], kind: str, path: tuple[str, ...], seen: frozenset[type]
    ) -> None:
        if model in seen:
            return
        for name, annotation in field_annotations(model).items():
            places.setdefault(name, []).append(f"{kind}: {'.'.join((*path, name))}")
            for candidate in models_in(annotation):
                visit(candidate, kind, (*path, name), seen | {model})

    for kind in KINDS:
        visit(kind.model, kind.name, (), frozenset())
    return {name: tuple(dict.fromkeys(found)) for name, found in places.items()}


@cache
def _field_suggester() -> Suggester:
    return Suggester(_field_places(), cutoff=0.75)


def _unknown_field_message(key: str) -> str:
    elsewhere = _field_places().get(key)
    if elsewhere:
        shown = "; ".join(elsewhere[:3]) + ("; ..." if len(elsewhere) > 3 else "")
        return f"unknown field '{key}' here; it belongs under {shown}"
    return f"unknown field '{key}'{hint(_field_suggester().closest(key))}"


def _message(
    error: ErrorDetails, field: str, document: Document, path: NodePath
) -> tuple[Code, str]:
    kind = error["type"]
    if kind in _KNOWN_CODES:
        return Code(kind), f"{field}: {error['msg']}"
    if kind == "missing":
        return Code.FIELD_MISSING, f"'{field}' is missing"
    if kind == "extra_forbidden":
        return Code.FIELD_UNKNOWN, _unknown_field_message(str(error["loc"][-1]))
    if kind == "union_tag_not_found":
        return Code.FIELD_MISSING, f"{field}: 'kind' is missing; say which kind this is"
    if kind == "union_tag_invalid":
        context = error.get("ctx") or {}
        return (
            Code.VALUE_NOT_ALLOWED,
            f"{field}: '{context.get('tag')}' is not a kind here; use one of "
            f"{context.get('expected_tags')}",
        )
    if kind in _TYPE_WORDS:
        written = document.plain_scalars.get(path)
        message = f"{field} should be {_TYPE_WORDS[kind]}"
        given = error.get("input")
        if kind == "int_type" and isinstance(given, str) and given.lstrip("+-").isdigit():
            message += f" of at most {len(str(2**53))} digits; this one has {len(given):,}"
        elif kind == "string_type" and written is not None:
            message += f', not a number or true/false; put it in quotes: "{written}"'
        elif kind == "string_type":
            message += f", not {_describe(error['input'])}"
        return Code.FIELD_TYPE, message
    code = _GENERIC_CODES.get(kind, Code.VALUE_INVALID)
    return code, f"{field}: {_lower_first(error['msg'])}"


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return type(value).__name__


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def problems_from_errors(
    document: Document, errors: Iterable[ErrorDetails], prefix: NodePath = ()
) -> list[Problem]:
    """Return one problem per pydantic error detail, located in ``document``."""
    problems = []
    for details in errors:
        loc = (*prefix, *details["loc"])
        path, trailing = _clean_loc(document, loc, details["type"])
        field_path = (*path, trailing) if trailing is not None else path
        field = display_path(field_path)
        code, message = _message(details, field, document, path)
        if code is Code.FIELD_UNKNOWN or "[key]" in loc:
            location = document.locate(field_path, key=True)
        else:
            location = document.locate(path)
        problems.append(Problem(document.path, location.line, location.column, code, message))
    return problems
