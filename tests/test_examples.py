"""The example files: every valid example validates; each invalid case gives exactly its report.

Each folder under ``tests/examples/invalid/`` holds a small data tree (``data/``) and
``expected.txt``, the full report the real ``coalition-kit validate data`` command must print there
(path:line:col: code message). Regenerate the reports only on purpose, with
``pytest --update-expected``, and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli

INVALID_CASES = sorted(path for path in (EXAMPLES / "invalid").iterdir() if path.is_dir())


def test_valid_examples_have_no_problem() -> None:
    result = run_cli("validate", str(EXAMPLES / "valid"))
    assert result.code == 0, result.stdout
    assert result.stdout.endswith("no problems.\n")


@pytest.mark.parametrize("case", INVALID_CASES, ids=[case.name for case in INVALID_CASES])
def test_invalid_case_gives_its_expected_report(case: Path, update_expected: bool) -> None:
    result = run_cli("validate", "data", cwd=case)
    expected_file = case / "expected.txt"
    if update_expected:
        expected_file.write_text(result.stdout, encoding="utf-8")
    # A case of warnings alone passes (exit 0); one with errors fails (exit 1).
    only_warnings = ", no problems" in result.stdout.splitlines()[-1]
    assert result.code == (0 if only_warnings else 1)
    assert result.stderr == ""
    assert "Traceback" not in result.stdout
    assert result.stdout == expected_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", INVALID_CASES, ids=[case.name for case in INVALID_CASES])
def test_invalid_case_json_report_matches_text(case: Path) -> None:
    text = run_cli("validate", "data", cwd=case).stdout.splitlines()[:-1]
    result = run_cli("validate", "--format", "json", "data", cwd=case)
    problems = json.loads(result.stdout)
    assert result.code == (1 if any(p["severity"] == "error" for p in problems) else 0)
    assert [set(problem) for problem in problems] == [
        {"file", "line", "column", "code", "severity", "message"}
    ] * len(problems)
    assert {problem["severity"] for problem in problems} <= {"error", "warning"}
    assert [
        f"{p['file']}:{p['line']}:{p['column']}: {p['code']} "
        f"{'warning: ' if p['severity'] == 'warning' else ''}{p['message']}"
        for p in problems
    ] == text


def test_every_invalid_case_is_reported_at_a_real_line() -> None:
    for case in INVALID_CASES:
        for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines()[:-1]:
            file, line_number, _column, _rest = line.split(":", 3)
            path = case / file
            if path.exists():
                lines = path.read_bytes().splitlines() or [b""]
                assert 1 <= int(line_number) <= len(lines), line
