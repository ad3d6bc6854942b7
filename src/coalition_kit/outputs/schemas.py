"""Generate the JSON Schemas (Draft 2020-12) of every kind from the models, or check them.

The schemas in ``schemas/`` are generated artefacts: ``write_schemas`` writes them and
``stale_schemas`` lists the files that differ from what the models generate, for CI.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from coalition_kit._project import SCHEMAS
from coalition_kit.models import KINDS, Kind
from coalition_kit.models.formats import country_json_schema
from coalition_kit.support.files import ensure_folder, write_atomically

__all__ = ["DRAFT", "generate", "render", "schema_file_name", "stale_schemas", "write_schemas"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schema_file_name(kind: Kind) -> str:
    """Return the file name of ``kind``'s schema: ``organization.schema.json``."""
    return f"{kind.name}.schema.json"


def _hoist(node: Any, shared: dict[str, Any], name: str, target: dict[str, Any]) -> Any:
    """Replace every copy of ``target`` in ``node`` by a reference to ``$defs/name``."""
    if node == target:
        shared[name] = target
        return {"$ref": f"#/$defs/{name}"}
    if isinstance(node, dict):
        return {key: _hoist(value, shared, name, target) for key, value in node.items()}
    if isinstance(node, list):
        return [_hoist(value, shared, name, target) for value in node]
    return node


def _standard(node: Any) -> Any:
    """Drop OpenAPI's ``discriminator`` keyword: ``oneOf`` with ``const`` kinds says the same."""
    if isinstance(node, dict):
        return {
            key: _standard(value)
            for key, value in node.items()
            if key != "discriminator" or not isinstance(value, dict) or "propertyName" not in value
        }
    if isinstance(node, list):
        return [_standard(value) for value in node]
    return node


def generate(kind: Kind) -> dict[str, Any]:
    """Return the JSON Schema of ``kind``, generated from its model."""
    schema = _standard(kind.model.model_json_schema(mode="validation"))
    shared: dict[str, Any] = {}
    schema = _hoist(schema, shared, "CountryCode", country_json_schema())
    definitions = {**schema.pop("$defs", {}), **shared}
    ordered: dict[str, Any] = {"$schema": DRAFT, "$id": SCHEMAS + schema_file_name(kind), **schema}
    if definitions:
        ordered["$defs"] = dict(sorted(definitions.items()))
    return ordered


def render(kind: Kind) -> str:
    """Return the schema of ``kind`` as the text written to its file."""
    return json.dumps(generate(kind), indent=2, ensure_ascii=False) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write every kind's schema into ``directory``; return the files that changed.

    Raises:
        NotADirectoryError: ``directory`` is a file.
    """
    ensure_folder(directory)
    changed = []
    for kind in KINDS:
        target = directory / schema_file_name(kind)
        data = render(kind).encode("utf-8")
        if not target.is_file() or target.read_bytes() != data:
            write_atomically(target, data, overwrite=True)
            changed.append(target)
    return changed


def stale_schemas(directory: Path) -> list[str]:
    """Return the schema files in ``directory`` that are missing, out of date, or unexpected."""
    stale = []
    expected = {schema_file_name(kind): render(kind) for kind in KINDS}
    for name, text in expected.items():
        target = directory / name
        if not target.exists():
            stale.append(f"{target}: missing")
        elif target.read_text(encoding="utf-8") != text:
            stale.append(f"{target}: out of date")
    if directory.is_dir():
        for extra in sorted(directory.glob("*.json")):
            if extra.name not in expected:
                stale.append(f"{extra}: no kind has this schema")
    return stale
