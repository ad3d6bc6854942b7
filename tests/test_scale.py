"""Scale: the synthetic generator, and checking on several cores giving the same report as on one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coalition_kit.check import runner as checking
from coalition_kit.check.tree import validate_tree
from conftest import EXAMPLES, REPO

GENERATOR = REPO / "benchmarks" / "synthetic.py"


def _generate(
    folder: Path, scale: str, seed: str = "7", distribution: str = "first"
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            str(GENERATOR),
            "--scale",
            scale,
            "--seed",
            seed,
            "--distribution",
            distribution,
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_synthetic_data_is_valid_and_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert _generate(first, "0.02").returncode == 0
    assert _generate(second, "0.02").returncode == 0
    files = sorted(path.relative_to(first) for path in first.rglob("*.yaml"))
    assert files == sorted(path.relative_to(second) for path in second.rglob("*.yaml"))
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    assert len(list(first.glob("missions/*.yaml"))) == 400
    report = validate_tree(first).report
    assert report.problems == []


def test_the_wide_distribution_is_valid_deterministic_and_unlike_the_first(
    tmp_path: Path,
) -> None:
    first, wide, again = tmp_path / "first", tmp_path / "wide", tmp_path / "again"
    assert _generate(first, "0.01").returncode == 0
    assert _generate(wide, "0.01", distribution="wide").returncode == 0
    assert _generate(again, "0.01", distribution="wide").returncode == 0
    files = sorted(path.relative_to(wide) for path in wide.rglob("*.yaml"))
    assert all((wide / f).read_bytes() == (again / f).read_bytes() for f in files)
    report = validate_tree(wide).report
    assert report.problems == []

    def mean_size(tree: Path, folder: str) -> float:
        sizes = [path.stat().st_size for path in tree.glob(f"{folder}/*.yaml")]
        return sum(sizes) / len(sizes)

    # Fewer, longer files: missions with many more contacts, long letters in three scripts.
    assert mean_size(wide, "*") > 5 * mean_size(first, "*")
    assert mean_size(wide, "missions") > 5 * mean_size(first, "missions")
    letter = (wide / "letters" / "letter-0000.yaml").read_text(encoding="utf-8")
    assert "강제" in letter and "遣返" in letter and letter.count("- name:") >= 100


def test_synthetic_data_never_goes_into_the_repository_data() -> None:
    result = _generate(REPO / "data" / "synthetic", "0.01")
    assert result.returncode == 2 and "never goes into" in result.stderr
    assert not (REPO / "data" / "synthetic").exists()


@pytest.fixture
def everything_broken(tmp_path: Path) -> Path:
    """Every invalid example in one tree, each case in its own subfolder of each kind."""
    tree = tmp_path / "data"
    for case in sorted((EXAMPLES / "invalid").iterdir()):
        for path in sorted((case / "data").rglob("*")):
            if path.is_file():
                relative = path.relative_to(case / "data")
                parts = relative.parts
                target = (
                    tree / parts[0] / case.name / Path(*parts[1:])
                    if len(parts) > 1
                    else tree / f"{case.name}-{parts[0]}"
                )
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
    shutil.copytree(EXAMPLES / "valid", tree, dirs_exist_ok=True)
    return tree


def test_checking_on_several_cores_gives_the_same_report(
    everything_broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checking, "PARALLEL_FROM", 10**9)
    one_core = validate_tree(everything_broken).report.problems
    monkeypatch.setattr(checking, "PARALLEL_FROM", 1)
    monkeypatch.setattr(checking, "_CHUNK", 7)
    several = validate_tree(everything_broken).report.problems
    also_without_models = validate_tree(everything_broken, keep_models=False).report.problems
    assert len(one_core) > 150
    assert several == one_core
    assert also_without_models == one_core
