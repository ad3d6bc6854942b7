"""``coalition_kit.load``: the validated entities by kind, or one error carrying every problem."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import coalition_kit
from coalition_kit import DataValidationError
from conftest import DATA, EXAMPLES


def test_load_returns_entities_by_kind_and_id() -> None:
    library = coalition_kit.load(DATA)
    assert set(library) == {"organizations", "letters", "campaigns", "missions"}
    assert library["missions"] is library.missions
    assert library.organizations["liberty-in-north-korea"].acronym == "LiNK"
    assert list(library.missions) == sorted(library.missions)
    with pytest.raises(KeyError, match="the kinds are"):
        library["people"]


def test_load_without_a_path_reads_the_bundled_data() -> None:
    assert repr(coalition_kit.load()) == repr(coalition_kit.load(DATA))


def test_load_raises_one_error_carrying_every_problem(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "invalid" / "dates" / "data", tmp_path / "data")
    with pytest.raises(DataValidationError) as caught:
        coalition_kit.load(tmp_path / "data")
    assert len(caught.value.report) == 9
    assert "date-order" in str(caught.value)


def test_validate_returns_problems_as_values() -> None:
    report = coalition_kit.validate(EXAMPLES / "invalid" / "unknown-field" / "data")
    assert not report.ok
    [problem] = report.problems
    assert (problem.line, problem.column, problem.code.value) == (4, 1, "field-unknown")


def test_import_is_lazy_and_loads_no_yaml_or_pydantic() -> None:
    code = (
        "import sys, coalition_kit; "
        "print(coalition_kit.__version__); "
        "print(sorted(m for m in ('yaml', 'pydantic', 'jinja2', 'mkdocs') if m in sys.modules))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    version, imported = completed.stdout.splitlines()
    assert version == coalition_kit.__version__
    assert imported == "[]"
