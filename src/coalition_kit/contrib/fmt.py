"""Canonical formatting of data files: field order, indentation and quoting, comments kept.

``format_text`` reorders every mapping's keys into its model's field order, quotes the values
YAML would misread (``NO``, ``02138``, ``12:30``), and indents lists under their key. It then
reads its own output back with the project's loader and refuses to return anything whose values
differ from the input's: formatting never loses or changes a value.
"""

from __future__ import annotations

import io
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from coalition_kit.contrib.comments import CommentError, Comments, comment_texts
from coalition_kit.models import Kind
from coalition_kit.models.introspect import field_annotations, models_in, shape
from coalition_kit.problems.codes import Code
from coalition_kit.reading.files import decode, read_data_file
from coalition_kit.reading.plain import interpret_plain, needs_quotes
from coalition_kit.reading.yaml import load_text
from coalition_kit.support.files import write_atomically

__all__ = [
    "FormatError",
    "FormatResult",
    "arrange",
    "edit_text",
    "field_order",
    "format_file",
    "format_text",
]

# Problems that make a file impossible to format safely; the validator explains each one.
_BLOCKING = {
    Code.ENCODING,
    Code.CONTROL_CHARACTER,
    Code.YAML_SYNTAX,
    Code.YAML_TAB,
    Code.YAML_DUPLICATE_KEY,
    Code.YAML_ALIAS,
    Code.YAML_TAG,
    Code.YAML_TOO_DEEP,
    Code.YAML_MULTIPLE_DOCUMENTS,
    Code.YAML_KEY_NOT_STRING,
    Code.FILE_EMPTY,
}


class FormatError(ValueError):
    """The file cannot be formatted without risk; it is left as it is."""


@dataclass(frozen=True)
class FormatResult:
    """What formatting one file did."""

    path: Path
    changed: bool
    error: str | None = None


def _yaml() -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver
    from ruamel.yaml.tag import Tag

    class _Resolver(VersionedResolver):
        """Reads unquoted values exactly as coalition-kit's own loader does."""

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is ScalarNode and implicit[0]:
                loaded, ambiguous = interpret_plain(str(value))
                return Tag(suffix=f"tag:yaml.org,2002:{'str' if ambiguous else _tag(loaded)}")
            return super().resolve(kind, value, implicit)

    yaml = YAML(typ="rt")
    yaml.Resolver = _Resolver
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    # No re-wrapping: a long value stays on its line, so a one-word edit is a one-line diff.
    yaml.width = 4096
    return yaml


def _tag(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    return "str"


def _model_for(annotation: Any, node: Any) -> type[BaseModel] | None:
    """The model a mapping node stands for, choosing a union member by its ``kind``."""
    candidates = models_in(annotation)
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    kind = node.get("kind")
    for candidate in candidates:
        field = candidate.model_fields.get("kind")
        if field is not None and kind in typing.get_args(field.annotation):
            return candidate
    return None


def field_order(model: type[BaseModel]) -> list[str]:
    """A model's own fields first (``kind``, ``value`` of a contact), then the ones it inherits."""
    own = vars(model).get("__annotations__", {})
    fields = list(model.model_fields)
    return [name for name in fields if name in own] + [name for name in fields if name not in own]


def arrange(node: Any, model: type[BaseModel] | None) -> None:
    """Reorder ``node``'s keys into ``model``'s field order and quote what YAML would misread."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString

    def quoted(value: Any) -> Any:
        if isinstance(value, str) and not isinstance(value, ScalarString) and needs_quotes(value):
            return DoubleQuotedScalarString(value)
        return value

    if isinstance(node, CommentedMap):
        hints = field_annotations(model) if model else {}
        order = field_order(model) if model else []
        wanted = [key for key in order if key in node] + [key for key in node if key not in order]
        if list(node) != wanted:
            for position, key in enumerate(wanted):
                if list(node)[position] != key:
                    value = node.pop(key)
                    node.insert(position, key, value)
        for key in list(node):
            value = node[key]
            annotation = hints.get(key)
            found, inner = shape(annotation) if annotation is not None else ("value", None)
            if isinstance(value, CommentedSeq):
                for index, item in enumerate(value):
                    value[index] = quoted(item)
                    arrange(
                        item, _model_for(inner, item) if isinstance(item, CommentedMap) else None
                    )
            elif isinstance(value, CommentedMap):
                if found == "dict":
                    for sub_key, item in value.items():
                        value[sub_key] = quoted(item)
                        _descend(item, inner)
                else:
                    arrange(value, _model_for(annotation, value))
            else:
                node[key] = quoted(value)


def _descend(node: Any, annotation: Any) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    found, inner = shape(annotation)
    if isinstance(node, CommentedSeq):
        for item in node:
            if isinstance(item, CommentedMap):
                arrange(item, _model_for(inner if found == "list" else annotation, item))
    elif isinstance(node, CommentedMap):
        arrange(node, _model_for(annotation, node))


def _readable(text: str) -> tuple[str, Any]:
    """Return ``text`` without a byte-order mark and with LF line ends, and its values.

    Raises:
        FormatError: The file has problems that make editing it unsafe.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    document = load_text(text, "<input>")
    blocking = [p for p in document.problems if p.code in _BLOCKING]
    if blocking:
        raise FormatError("; ".join(f"line {p.line}: {p.message}" for p in blocking))
    return text, document.data


def _round_trip(text: str, change: Callable[[Any], None]) -> str:
    """Load ``text``, ``change`` its data, and write it again with every comment at its key."""
    from ruamel.yaml.error import YAMLError

    yaml = _yaml()
    try:
        data = yaml.load(text)
        comments = Comments.detach(text, data)
        change(data)
        comments.attach(data)
        stream = io.StringIO()
        yaml.dump(data, stream)
        result = stream.getvalue()
        kept = comment_texts(result) == comment_texts(text)
    except CommentError as error:
        raise FormatError(f"{error}; the file is left as it is") from None
    except YAMLError as error:
        # ruamel's scanner is stricter than libyaml in a few corners (a tab after a value).
        problem = str(error).splitlines()[-1].strip() if str(error) else type(error).__name__
        raise FormatError(f"the formatter cannot read this file: {problem}") from None
    if not kept:
        raise FormatError("formatting would lose or repeat a comment; the file is left as it is")
    return result


def format_text(text: str, kind: Kind) -> str:
    """Return ``text`` in canonical form for a file of ``kind``.

    Raises:
        FormatError: The file has problems formatting cannot fix safely (a syntax error, a
            duplicate key ...), or the formatted text would read differently.
    """
    text, before = _readable(text)
    result = _round_trip(text, lambda data: arrange(data, kind.model))
    after = load_text(result, "<output>")
    if after.data != before or any(p.code in _BLOCKING for p in after.problems):
        raise FormatError("formatting would change a value; the file is left as it is")
    return result


def edit_text(text: str, change: Callable[[Any], None]) -> str:
    """Return ``text`` with ``change`` made to its data (ruamel's round-trip mappings and lists).

    Every comment stays with its key; the comments of a key ``change`` removes go with the next
    key. What ``change`` adds is written as ``change`` leaves it: call ``arrange`` on it for the
    canonical order and quoting.

    Raises:
        FormatError: The file cannot be read safely, or its comments cannot be placed.
    """
    return _round_trip(_readable(text)[0], change)


def format_file(path: Path, kind: Kind, *, check: bool = False) -> FormatResult:
    """Format the file at ``path`` in place (atomically), or only say whether it would change."""
    try:
        raw = read_data_file(path)
    except OSError as error:
        return FormatResult(path, False, error.strerror or str(error))
    text, problems = decode(raw, str(path))
    if text is None:
        return FormatResult(path, False, problems[0].message if problems else "not UTF-8")
    try:
        formatted = format_text(text, kind)
    except FormatError as error:
        return FormatResult(path, False, str(error))
    changed = formatted.encode("utf-8") != raw
    if changed and not check:
        write_atomically(path, formatted.encode("utf-8"), overwrite=True)
    return FormatResult(path, changed)
