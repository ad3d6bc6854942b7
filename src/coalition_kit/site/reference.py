"""The schema reference page, written from the generated JSON Schemas so that the two always agree.

Every field of every kind and nested type: its type, whether it is required, its allowed values,
its description and an example.
"""

from __future__ import annotations

import html
import json
from typing import Any

import yaml

from coalition_kit.models import KINDS
from coalition_kit.outputs.schemas import generate, schema_file_name
from coalition_kit.site.safe import inline

__all__ = ["schema_reference"]

_MANY_VALUES = 20


def _code(text: str) -> str:
    # Entities for the characters Markdown (and autorefs) would read inside the inline HTML.
    escaped = html.escape(text)
    for character, entity in (
        ("|", "&#124;"),
        ("[", "&#91;"),
        ("]", "&#93;"),
        ("*", "&#42;"),
        ("_", "&#95;"),
        ("`", "&#96;"),
        ("\\", "&#92;"),
    ):
        escaped = escaped.replace(character, entity)
    return "<code>" + escaped + "</code>"


def _anchor(name: str) -> str:
    return f"type-{name.lower()}"


def _type(schema: dict[str, Any]) -> str:
    """Describe a property's schema in words, linking named types to their section."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{_anchor(name)})"
    for combinator in ("anyOf", "oneOf"):
        if combinator in schema:
            options = [
                _type(option) for option in schema[combinator] if option.get("type") != "null"
            ]
            return " or ".join(options)
    kind = schema.get("type")
    if "enum" in schema or "const" in schema:
        return "choice"
    if kind == "string":
        described = {"date": "date (YYYY-MM-DD)", "email": "e-mail address", "uri": "http(s) link"}
        if schema.get("format") in described:
            return described[schema["format"]]
        if "pattern" in schema:
            return f"text matching {_code(schema['pattern'])}"
        return "text"
    if kind == "integer":
        bounds = [str(schema[key]) for key in ("minimum", "maximum") if key in schema]
        return "whole number" + (f" ({' to '.join(bounds)})" if len(bounds) == 2 else "")
    if kind == "boolean":
        return "true or false"
    if kind == "array":
        least = f" (at least {schema['minItems']})" if schema.get("minItems") else ""
        return f"list of {_type(schema.get('items', {}))}{least}"
    if kind == "object" and "additionalProperties" in schema:
        keys = _type(schema.get("propertyNames", {"type": "string"}))
        return f"mapping from {keys} to {_type(schema['additionalProperties'])}"
    return kind or "any"


def _allowed(schema: dict[str, Any], definitions: dict[str, Any]) -> str:
    if "$ref" in schema:
        return _allowed(definitions[schema["$ref"].rsplit("/", 1)[-1]], definitions)
    for combinator in ("anyOf", "oneOf"):
        if combinator in schema:
            return " ".join(_allowed(option, definitions) for option in schema[combinator]).strip()
    if "const" in schema:
        return _code(str(schema["const"]))
    values = schema.get("enum")
    if not values:
        return ""
    if len(values) > _MANY_VALUES:
        return f"{len(values)} codes"
    return ", ".join(_code(str(value)) for value in values)


def _example(schema: dict[str, Any]) -> str:
    examples = schema.get("examples")
    if not examples:
        return ""
    return _code(json.dumps(examples[0], ensure_ascii=False))


def _table(schema: dict[str, Any], definitions: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", []))
    lines = [
        "| Field | Type | Required | Allowed values | Description | Example |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, field in schema.get("properties", {}).items():
        lines.append(
            f"| {_code(name)} | {_type(field)} | {'yes' if name in required else 'no'} "
            f"| {_allowed(field, definitions)} | {inline(field.get('description', ''))} "
            f"| {_example(field)} |"
        )
    return lines


def _definition_section(
    name: str, schema: dict[str, Any], definitions: dict[str, Any]
) -> list[str]:
    lines = [f"### {name} {{#{_anchor(name)}}}", ""]
    if schema.get("description"):
        lines += [inline(schema["description"]), ""]
    if "properties" in schema:
        lines += [*_table(schema, definitions), ""]
    else:
        allowed = _allowed(schema, definitions)
        lines += [
            f"Type: {_type(schema)}." + (f" Allowed values: {allowed}." if allowed else ""),
            "",
        ]
    return lines


def schema_reference() -> str:
    """Return the schema reference page as Markdown."""
    lines = [
        "# Schema reference",
        "",
        "Every field of every kind of data file, generated from the models when the site is "
        "built, from the same JSON Schemas that `schemas/` holds. A field that is not listed is "
        "an error; optional fields may be left out.",
        "",
    ]
    definitions: dict[str, Any] = {}
    for kind in KINDS:
        schema = generate(kind)
        definitions.update(schema.get("$defs", {}))
        lines += [
            f"## {kind.model.__name__} {{#{kind.name}}}",
            "",
            f"Files: `data/{kind.folder}/<id>.yaml`. JSON Schema: `schemas/{schema_file_name(kind)}`.",
            "",
            inline(schema.get("description", "")),
            "",
            *_table(schema, definitions),
            "",
        ]
        for example in schema.get("examples", []):
            text = yaml.safe_dump(example, sort_keys=False, allow_unicode=True)
            lines += ["Example:", "", "```yaml", text.rstrip(), "```", ""]
    lines += ["## Nested types", ""]
    for name in sorted(definitions):
        lines += _definition_section(name, definitions[name], definitions)
    return "\n".join(lines) + "\n"
