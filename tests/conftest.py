"""Shared fixtures: the repository's paths and the real ``coalition-kit`` command."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from coalition_kit import cli

REPO = Path(__file__).resolve().parents[1]
# The benchmarks' generator of synthetic and hostile trees is used by the tests too.
sys.path.insert(0, str(REPO / "benchmarks"))
DATA = REPO / "data"
EXAMPLES = Path(__file__).resolve().parent / "examples"

# Where the test builds say the site is published (canonical links, sitemap); nothing is fetched.
SITE_URL = "https://coalition-kit.example/"

# The browser fixtures (Chromium through Playwright) for the tests of the built site.
pytest_plugins = ["browsing"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-expected",
        action="store_true",
        help="rewrite the expected reports of tests/examples/invalid from the validator's output",
    )


JS = Path(__file__).resolve().parent / "js"


def node_tools_or_skip(*tools: str, missing: str, skipping: str, npm: bool = False) -> str:
    """Node.js, when it, each of ``tools`` (paths under tests/js/node_modules) and npm if asked
    are installed.

    A bare ``pytest`` on a fresh clone skips the tests that need them, saying ``missing``;
    scripts/test (and so CI) sets ``COALITION_KIT_REQUIRE_NODE=1``, which makes a missing
    install a failure (naming ``skipping``, the tests it would skip), never a silent skip.
    """
    node = shutil.which("node")
    if (
        node is not None
        and all((JS / "node_modules" / tool).exists() for tool in tools)
        and (not npm or shutil.which("npm") is not None)
    ):
        return node
    reason = f"{missing}: run `npm ci` in tests/js, or bash scripts/test"
    if os.environ.get("COALITION_KIT_REQUIRE_NODE") == "1":
        pytest.fail(f"{reason}; COALITION_KIT_REQUIRE_NODE=1 forbids skipping {skipping}")
    pytest.skip(reason)


@dataclass(frozen=True)
class Completed:
    """What a command printed and returned."""

    code: int
    stdout: str
    stderr: str


def run_cli(*arguments: str, cwd: Path | None = None) -> Completed:
    """Run the ``coalition-kit`` command in this process (``cli.main``), in ``cwd``.

    The same entry point the script calls, without starting a Python for each test; a few
    tests run the installed script itself (``run_script``).
    """
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.StringIO()
    previous = Path.cwd()
    os.chdir(cwd or REPO)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(list(arguments))
    finally:
        os.chdir(previous)
    out.flush()
    stdout = out.buffer.getvalue().decode("utf-8")
    return Completed(code, stdout, err.getvalue())


def run_script(*arguments: str, cwd: Path | None = None) -> Completed:
    """Run the installed ``coalition-kit`` script (the real entry point) and capture its output."""
    script = Path(sys.executable).with_name("coalition-kit")
    completed = subprocess.run(
        [str(script), *arguments],
        cwd=cwd or REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    return Completed(completed.returncode, completed.stdout, completed.stderr)


@pytest.fixture
def update_expected(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-expected"))


def run_mkdocs(
    data: Path,
    output: Path,
    *,
    config: Path | None = None,
    environment: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs build --strict`` of ``config`` (the repository's) over ``data``."""
    mkdocs = Path(sys.executable).with_name("mkdocs")
    command = [str(mkdocs), "build", "--strict", "--site-dir", str(output)]
    if config is not None:
        command += ["--config-file", str(config)]
    return subprocess.run(
        command,
        cwd=REPO,
        env={
            **os.environ,
            "COALITION_KIT_DATA": str(data),
            "COALITION_KIT_SITE_URL": SITE_URL,
            "NO_MKDOCS_2_WARNING": "1",
            **(environment or {}),
        },
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def site_files(root: Path) -> list[str]:
    """Every file of a built site, as sorted paths relative to ``root``."""
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def build_site(data: Path, output: Path) -> None:
    """Build the documentation site from ``data`` with the real ``mkdocs build --strict``."""
    completed = run_mkdocs(data, output)
    assert completed.returncode == 0, completed.stderr


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the bundled data."""
    output = tmp_path_factory.mktemp("site")
    build_site(DATA, output)
    return output


@pytest.fixture(scope="session")
def tricky_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from valid data whose text plays with Markdown, templates and quoting."""
    output = tmp_path_factory.mktemp("tricky-site")
    build_site(EXAMPLES / "tricky", output)
    return output
