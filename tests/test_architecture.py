"""The package's layers and the absence of import cycles, as pyproject.toml's contracts state them.

import-linter reads every import, function-level ones included, so a cycle hidden inside a
function breaks the contract just as a top-level one does.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    completed = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "0 broken" in completed.stdout


def test_no_module_grows_past_about_three_hundred_lines_without_saying_why() -> None:
    too_long = []
    for path in sorted((REPO / "src" / "coalition_kit").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        docstring = text.split('"""')[1] if text.startswith('"""') else ""
        if lines > 350 and "long because" not in docstring:
            too_long.append(f"{path.relative_to(REPO)}: {lines} lines")
    assert too_long == [], "split these modules, or say in their docstring why they are long"
