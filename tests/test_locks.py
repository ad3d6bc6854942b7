"""The locks in requirements/: every package pinned with hashes, and in step with pyproject.toml.

scripts/test, scripts/start and CI install from these locks (``pip install --require-hashes``) and
then the project itself without dependencies; a dependency pyproject.toml asks for but a lock
lacks would only show up as an import error, so it is caught here, by name.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest
from build import ProjectBuilder
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import REPO

LOCKS = REPO / "requirements"
RELOCK = "run `bash scripts/lock` and commit requirements/"


def locked(lock: Path) -> list[tuple[Requirement, list[str]]]:
    """Each requirement of a lock file with its hashes."""
    entries = []
    text = lock.read_text(encoding="utf-8").replace("\\\n", " ")
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        requirement, *hashes = line.split(" --hash=")
        entries.append((Requirement(requirement.strip()), [h.strip() for h in hashes]))
    return entries


def pins_here(lock: Path) -> dict[str, str]:
    """The version the lock pins for each package on this Python and platform."""
    pins: dict[str, str] = {}
    for requirement, _ in locked(lock):
        if requirement.marker is None or requirement.marker.evaluate():
            name = canonicalize_name(requirement.name)
            assert name not in pins, f"{lock.name} pins {name} twice here"
            pins[name] = str(requirement.specifier).removeprefix("==")
    return pins


def wanted(extra: str) -> list[Requirement]:
    """What pyproject.toml asks for with ``extra``, plus its build requirements."""
    requirements = [
        requirement
        for line in importlib.metadata.requires("coalition-kit") or []
        if (requirement := Requirement(line)).marker is None
        or requirement.marker.evaluate({"extra": extra})
    ]
    build = ProjectBuilder(REPO).build_system_requires
    return requirements + [Requirement(line) for line in sorted(build)]


@pytest.mark.parametrize("name", ["pip", "uv", "test", "docs"])
def test_every_package_is_pinned_with_hashes(name: str) -> None:
    lock = LOCKS / f"{name}.txt"
    assert (LOCKS / f"{name}.in").is_file()
    assert "#    bash scripts/lock\n" in lock.read_text(encoding="utf-8")
    entries = locked(lock)
    assert entries
    for requirement, hashes in entries:
        assert len(requirement.specifier) == 1, requirement
        assert next(iter(requirement.specifier)).operator == "==", requirement
        assert hashes and all(h.startswith("sha256:") for h in hashes), requirement


@pytest.mark.parametrize("extra", ["test", "docs"])
def test_lock_holds_what_pyproject_asks_for_in_its_ranges(extra: str) -> None:
    lock = LOCKS / f"{extra}.txt"
    pins = pins_here(lock)
    for requirement in wanted(extra):
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{lock.name} lacks {requirement}; {RELOCK}"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{lock.name} pins {name}=={pins[name]}, outside {requirement}; {RELOCK}"
        )
    # What hatchling asks for to build the editable install, which runs without build isolation.
    assert "editables" in pins, f"{lock.name} lacks editables; {RELOCK}"


def test_docs_lock_takes_the_test_locks_versions() -> None:
    test = pins_here(LOCKS / "test.txt")
    docs = pins_here(LOCKS / "docs.txt")
    assert {name: version for name, version in docs.items() if test.get(name) != version} == {}
