"""The built package: wheel and sdist carry the data and schemas; the installed wheel works alone.

The wheel is built with ``python -m build`` and installed into a fresh virtual environment; the
example script then runs from a folder outside the repository. Both steps take their packages from
the lock (requirements/), hashes checked, as scripts/test does, except in the scheduled run with
the newest releases (``COALITION_KIT_NEWEST=1``), which builds and installs as users' tools do.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from coalition_kit.library.bundle import data_digest
from conftest import DATA, REPO

NEWEST = os.environ.get("COALITION_KIT_NEWEST") == "1"
LOCKS = REPO / "requirements"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # An isolated build would fetch the newest build backend; the locked one is in this environment.
    isolation = [] if NEWEST else ["--no-isolation"]
    subprocess.run(
        [sys.executable, "-m", "build", *isolation, "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return out


def _pip(python: Path, *arguments: str) -> None:
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", *arguments],
        check=True,
        capture_output=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    environment = tmp_path_factory.mktemp("venv")
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    wheel = next(dist.glob("*.whl"))
    if NEWEST:
        _pip(python, str(wheel))
        return python
    # The wheel's dependencies at the versions and hashes of the test lock (as constraints: pip
    # takes a constraint's hashes for a dependency; the pip the lock pins does, older ones do not).
    _pip(python, "--require-hashes", "-r", str(LOCKS / "pip.txt"))
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    requirements = environment / "requirements.txt"
    requirements.write_text(f"{wheel} --hash=sha256:{digest}\n", encoding="utf-8")
    _pip(python, "--require-hashes", "-r", str(requirements), "-c", str(LOCKS / "test.txt"))
    return python


def test_wheel_carries_data_schemas_and_a_fresh_bundle(dist: Path) -> None:
    with zipfile.ZipFile(next(dist.glob("*.whl"))) as wheel:
        names = set(wheel.namelist())
        bundle = json.loads(wheel.read("coalition_kit/_bundle.json"))
    for path in DATA.glob("*/*.yaml"):
        assert f"coalition_kit/_data/{path.relative_to(DATA).as_posix()}" in names
    for schema in (REPO / "schemas").glob("*.json"):
        assert f"coalition_kit/_schemas/{schema.name}" in names
    assert "coalition_kit/py.typed" in names
    assert bundle["source_digest"] == data_digest(DATA), "the prebuilt data is stale"


def test_sdist_carries_data_and_schemas(dist: Path) -> None:
    with tarfile.open(next(dist.glob("*.tar.gz"))) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {
        "data/missions/cn-embassy-ca.yaml",
        "schemas/mission.schema.json",
        "hatch_build.py",
    } <= names


def test_installed_wheel_answers_the_canada_question_from_elsewhere(
    installed: Path, tmp_path: Path
) -> None:
    script = tmp_path / "where_to_write.py"
    shutil.copy(REPO / "examples" / "where_to_write.py", script)
    completed = subprocess.run(
        [str(installed), str(script), "Canada", "Jane Doe", "Toronto"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    lines = completed.stdout.splitlines()
    assert "  - Embassy of China in Ottawa [cn-embassy-ca]" in lines
    assert "  - Chinese mission to the UN in Geneva [cn-un-mission-geneva]" in lines
    assert "Dear Minister Wang Yi," in lines
    assert lines[lines.index("Sincerely,") + 1 : lines.index("Sincerely,") + 3] == [
        "Jane Doe",
        "Toronto",
    ]


def test_installed_load_reads_the_prebuilt_form_without_yaml(
    installed: Path, tmp_path: Path
) -> None:
    code = (
        "import sys, coalition_kit\n"
        "assert 'yaml' not in sys.modules and 'pydantic' not in sys.modules\n"
        "library = coalition_kit.load()\n"
        "print(len(library.organizations), len(library.missions), 'yaml' in sys.modules)\n"
        # A script's start stays short: no country, language, phone or e-mail tables.
        "heavy = {'pycountry', 'langcodes', 'phonenumbers', 'email_validator'}\n"
        "print(sorted(heavy & {name.split('.')[0] for name in sys.modules}) or 'none')\n"
    )
    completed = subprocess.run(
        [str(installed), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert completed.stdout.split() == [
        str(len(list(DATA.glob("organizations/*.yaml")))),
        str(len(list(DATA.glob("missions/*.yaml")))),
        "False",
        "none",
    ]


def test_installed_command_validates_its_own_data(installed: Path, tmp_path: Path) -> None:
    script = installed.with_name("coalition-kit")
    packaged = subprocess.run(
        [
            str(installed),
            "-c",
            "from coalition_kit.library import default_data_path; print(default_data_path())",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    completed = subprocess.run(
        [str(script), "validate", packaged],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout
