"""The ``coalition-kit`` command through its real entry points: exit codes, formats, help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES, REPO, run_cli, run_script


def test_validate_bundled_data_exits_0_with_no_problem() -> None:
    result = run_cli("validate", "data")
    assert result.code == 0
    # The one known warning (tests/test_data.py says why) does not fail the check.
    assert result.stdout.endswith("files checked, no problems, 1 warning.\n")
    assert result.stderr == ""


def test_validate_defaults_to_the_data_folder() -> None:
    assert run_cli("validate").stdout == run_cli("validate", "data").stdout


def test_problems_exit_1_in_text_and_json() -> None:
    case = EXAMPLES / "invalid" / "unknown-field"
    text = run_cli("validate", "data", cwd=case)
    assert text.code == 1
    assert text.stdout.splitlines()[0] == (
        "data/organizations/typo.yaml:4:1: field-unknown unknown field 'websit'; did you mean 'website'?"
    )
    as_json = run_cli("validate", "--format", "json", "data", cwd=case)
    assert as_json.code == 1
    assert json.loads(as_json.stdout) == [
        {
            "file": "data/organizations/typo.yaml",
            "line": 4,
            "column": 1,
            "code": "field-unknown",
            "severity": "error",
            "message": "unknown field 'websit'; did you mean 'website'?",
        }
    ]


def test_valid_tree_prints_an_empty_json_array() -> None:
    result = run_cli("validate", "--format", "json", str(EXAMPLES / "valid"))
    assert (result.code, json.loads(result.stdout)) == (0, [])
    bundled = run_cli("validate", "--format", "json", "data")
    assert bundled.code == 0
    assert [(p["code"], p["severity"]) for p in json.loads(bundled.stdout)] == [
        ("social-post-too-long", "warning")
    ]


def test_one_file_or_one_kind_is_checked_against_the_whole_tree(tmp_path: Path) -> None:
    case = EXAMPLES / "invalid" / "links-unknown"
    one_file = run_cli("validate", "data/organizations/member.yaml", cwd=case)
    assert one_file.code == 1
    assert [line.split(":")[0] for line in one_file.stdout.splitlines()[:-1]] == [
        "data/organizations/member.yaml"
    ]
    fine = run_cli("validate", "data/organizations/liberty-in-north-korea.yaml", cwd=case)
    assert fine.code == 0, fine.stdout
    one_kind = run_cli("validate", "data/letters", cwd=case)
    assert {line.split(":")[0] for line in one_kind.stdout.splitlines()[:-1]} == {
        "data/letters/letter.yaml"
    }


def test_usage_errors_exit_2_without_traceback() -> None:
    for arguments in (
        ["validate", "no/such/folder"],
        ["validate", "--format", "xml"],
        ["frobnicate"],
        [],
    ):
        result = run_cli(*arguments)
        assert result.code == 2, arguments
        assert "Traceback" not in result.stderr
        assert result.stderr


def test_help_for_every_command_has_examples() -> None:
    assert run_cli("--help").code == 0
    for command in ("validate", "schemas"):
        result = run_cli(command, "--help")
        assert result.code == 0
        assert "examples:" in result.stdout


def test_python_dash_m_runs_the_same_command() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "coalition_kit", "validate", "data"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0
    assert completed.stdout == run_cli("validate", "data").stdout


def test_version() -> None:
    result = run_cli("--version")
    assert result.code == 0
    assert result.stdout.startswith("coalition-kit ")


def test_the_installed_script_is_the_same_command(tmp_path: Path) -> None:
    # Most tests call the entry point in-process; these run the real script, as users do.
    case = EXAMPLES / "invalid" / "unknown-field"
    script = run_script("validate", "--format", "json", "data", cwd=case)
    in_process = run_cli("validate", "--format", "json", "data", cwd=case)
    assert (script.code, script.stdout, script.stderr) == (
        in_process.code,
        in_process.stdout,
        in_process.stderr,
    )
    assert run_script("--version").stdout.startswith("coalition-kit ")
    usage = run_script("validate", "--format", "yaml")
    assert usage.code == 2 and "invalid choice" in usage.stderr
