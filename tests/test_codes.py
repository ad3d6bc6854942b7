"""The catalogue of problem codes and the rules table."""

from __future__ import annotations

import re
from pathlib import Path

from coalition_kit.check.rules import RULES
from coalition_kit.problems.codes import CATALOGUE, Code

SOURCE = Path(__file__).resolve().parents[1] / "src" / "coalition_kit"


def test_every_code_has_a_catalogue_entry() -> None:
    assert set(CATALOGUE) == set(Code)
    for code, info in CATALOGUE.items():
        assert info.title and info.explanation.endswith((".", ")")), code


def test_codes_are_kebab_case_and_unique() -> None:
    values = [code.value for code in Code]
    assert len(values) == len(set(values))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value) for value in values)


def test_every_code_is_raised_somewhere_in_the_source() -> None:
    text = "\n".join(
        path.read_text(encoding="utf-8") for path in SOURCE.rglob("*.py") if path.name != "codes.py"
    )
    never_used = [code for code in Code if f"Code.{code.name}" not in text]
    assert never_used == []


def test_rules_have_unique_ids_and_descriptions() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert all(rule.description for rule in RULES)
