"""The generated JSON Schemas: in step with the models, and as strict as the models for other tools.

Three validators must agree on every case: the pydantic models, Python's ``jsonschema`` with the
generated schemas, and Ajv (JavaScript) with the same schemas, for users who do not use Python.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

import conftest
from coalition_kit.models import KINDS, KINDS_BY_FOLDER, Kind
from coalition_kit.outputs.schemas import schema_file_name, stale_schemas
from coalition_kit.reading.files import load_file
from conftest import DATA, EXAMPLES, JS, REPO, node_tools_or_skip, run_cli

SCHEMAS = REPO / "schemas"


def data_files() -> list[tuple[Kind, Path]]:
    files = []
    for root in (DATA, EXAMPLES / "valid"):
        for path in sorted(root.glob("*/*.yaml")):
            files.append((KINDS_BY_FOLDER[path.parent.name], path))
    return files


def schema_of(kind: Kind) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        (SCHEMAS / schema_file_name(kind)).read_text(encoding="utf-8")
    )
    return schema


def test_schemas_folder_is_in_step_with_the_models() -> None:
    assert stale_schemas(SCHEMAS) == [], "run 'coalition-kit schemas' and commit the result"


def test_schemas_check_command_reports_a_stale_schema(tmp_path: Path) -> None:
    shutil.copytree(SCHEMAS, tmp_path / "schemas")
    (tmp_path / "schemas" / "letter.schema.json").write_text("{}\n", encoding="utf-8")
    (tmp_path / "schemas" / "stray.schema.json").write_text("{}\n", encoding="utf-8")
    result = run_cli("schemas", "--check", str(tmp_path / "schemas"))
    assert result.code == 1
    assert "letter.schema.json: out of date" in result.stdout
    assert "stray.schema.json: no kind has this schema" in result.stdout
    assert run_cli("schemas", "--check").code == 0


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_schema_is_draft_2020_12_with_titles_descriptions_and_examples(kind: Kind) -> None:
    schema = schema_of(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["title"] == kind.model.__name__
    assert schema["description"]
    assert schema["examples"]
    assert schema["additionalProperties"] is False
    for name, field in schema["properties"].items():
        assert field.get("description"), f"{kind.name}.{name} has no description"
    for example in schema["examples"]:
        jsonschema.Draft202012Validator(schema).validate(example)
        kind.model.model_validate(example)


def _mutations(kind: Kind, data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Variants of a valid entity that every validator must refuse."""
    schema = schema_of(kind)
    variants: list[tuple[str, dict[str, Any]]] = []
    for field in schema["required"]:
        variant = copy.deepcopy(data)
        del variant[field]
        variants.append((f"missing {field}", variant))
    variants.append(("unknown field", {**data, "websit": "https://example.org/"}))
    nested = copy.deepcopy(data)
    nested["sources"][0]["titel"] = "typo"
    variants.append(("unknown nested field", nested))
    wrong_values: list[tuple[str, object]] = [
        ("id", 12),
        ("id", "Not A Slug"),
        ("kind", "charity"),
        ("sources", "text"),
        ("name", ["a", "list"]),
        ("title", {"a": "mapping"}),
        ("country", "XX"),
        ("host_country", "us"),
        ("last_verified", "16/10/2023"),
    ]
    for field, wrong in wrong_values:
        if field in schema["properties"]:
            variants.append((f"wrong {field}", {**data, field: wrong}))
    bad_url = copy.deepcopy(data)
    bad_url["sources"][0] = {"url": "javascript:alert(1)"}
    variants.append(("javascript link", bad_url))
    return variants


def _cases() -> list[tuple[Kind, str, dict[str, Any]]]:
    cases: list[tuple[Kind, str, dict[str, Any]]] = []
    seen: set[str] = set()
    for kind, path in data_files():
        if kind.name not in seen:
            seen.add(kind.name)
            data = load_file(path).data
            cases.extend((kind, label, variant) for label, variant in _mutations(kind, data))
    return cases


CASES = _cases()


@pytest.mark.parametrize(
    ("kind", "label", "data"), CASES, ids=[f"{k.name}: {label}" for k, label, _ in CASES]
)
def test_models_and_python_jsonschema_both_refuse(
    kind: Kind, label: str, data: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError):
        kind.model.model_validate(data)
    validator = jsonschema.Draft202012Validator(
        schema_of(kind), format_checker=jsonschema.FormatChecker()
    )
    assert list(validator.iter_errors(data)), f"the schema accepts: {label}"


@pytest.mark.parametrize(
    ("kind", "path"), data_files(), ids=[str(p.relative_to(REPO)) for _, p in data_files()]
)
def test_python_jsonschema_accepts_every_valid_file(kind: Kind, path: Path) -> None:
    validator = jsonschema.Draft202012Validator(
        schema_of(kind), format_checker=jsonschema.FormatChecker()
    )
    errors = [error.message for error in validator.iter_errors(load_file(path).data)]
    assert errors == []


def node_or_skip() -> str:
    """Node.js, when it and Ajv (tests/js/node_modules) are installed; see ``node_tool_or_skip``."""
    return node_tools_or_skip(
        "ajv",
        missing="Ajv is not installed (needs Node.js and tests/js/node_modules)",
        skipping="the Ajv test",
    )


def _ajv(pairs: list[tuple[Kind, Path]]) -> dict[str, list[str]]:
    node = node_or_skip()
    completed = subprocess.run(
        [
            node,
            str(JS / "validate.mjs"),
            str(SCHEMAS),
            *(f"{kind.name}={path}" for kind, path in pairs),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, list[str]] = json.loads(completed.stdout)
    return result


def test_without_ajv_a_bare_pytest_skips_but_scripts_test_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(conftest, "JS", tmp_path)  # no node_modules here
    monkeypatch.delenv("COALITION_KIT_REQUIRE_NODE", raising=False)
    with pytest.raises(
        pytest.skip.Exception, match=r"Ajv is not installed.*run `npm ci` in tests/js"
    ):
        node_or_skip()
    monkeypatch.setenv("COALITION_KIT_REQUIRE_NODE", "1")
    with pytest.raises(pytest.fail.Exception, match="forbids skipping the Ajv test"):
        node_or_skip()
    assert "export COALITION_KIT_REQUIRE_NODE=1" in (REPO / "scripts" / "test").read_text(
        encoding="utf-8"
    )


def test_ajv_accepts_every_valid_file_and_refuses_every_broken_one(tmp_path: Path) -> None:
    valid = data_files()
    broken = []
    for index, (kind, label, data) in enumerate(CASES):
        path = tmp_path / f"{index}.yaml"
        path.write_text(json.dumps(data), encoding="utf-8")
        broken.append((kind, path, label))
    results = _ajv(valid + [(kind, path) for kind, path, _ in broken])
    assert {str(path): results[str(path)] for _, path in valid if results[str(path)]} == {}
    accepted = [label for kind, path, label in broken if not results[str(path)]]
    assert accepted == []
