"""The contributors' commands as volunteers run them: ``new`` from any folder of the
repository, ``fmt`` moving every comment with its key, on files and on folders."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from coalition_kit.contrib.fmt import field_order, format_text
from coalition_kit.contrib.questions import choices
from coalition_kit.models import KINDS, KINDS_BY_FOLDER, Kind
from coalition_kit.reading.yaml import load_text
from conftest import DATA, run_cli

MISSIONS = KINDS_BY_FOLDER["missions"]
ORGANIZATIONS = KINDS_BY_FOLDER["organizations"]


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A scratch repository: a copy of the data, in a git repository, with other folders."""
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "docs" / "notes").mkdir(parents=True)
    subprocess.run(["git", "init", "--quiet"], cwd=tmp_path, check=True, capture_output=True)
    return tmp_path


def _needed(kind: Kind) -> list[str]:
    """``--set`` arguments that give a new entity of ``kind`` every value it needs."""
    values = {
        "name": "Example",
        "title": "An example",
        "summary": "What it asks.",
        "addressee": "The Minister",
        "sending_state": "CN",
        "host_country": "NO",
        "city": "Oslo",
        "source_url": "https://example.org/source",
        "source_title": "The source",
    }
    if choices(kind, "kind"):
        values["kind"] = choices(kind, "kind")[0]
    wanted = {"organization": "name kind", "letter": "title kind addressee"}.get(kind.name, "")
    wanted += {"campaign": " title summary", "mission": " sending_state host_country kind"}.get(
        kind.name, ""
    )
    # The mission also gets name and city: new once wrote name after city, out of order.
    extra = " name city" if kind.name == "mission" else ""
    fields = [*wanted.split(), *extra.split(), "source_url", "source_title"]
    return [argument for name in fields for argument in ("--set", f"{name}={values[name]}")]


# --- new -----------------------------------------------------------------------------------


def test_new_from_a_subfolder_writes_under_the_repository_and_says_where(repository: Path) -> None:
    inside = repository / "data" / "organizations"
    created = run_cli(
        "new", "organization", "from-inside", "--no-input", *_needed(ORGANIZATIONS), cwd=inside
    )
    assert created.code == 0, created.stderr
    assert (inside / "from-inside.yaml").is_file()
    assert not (inside / "data").exists()
    assert created.stdout.startswith("Wrote from-inside.yaml.")
    # The command it suggests works from where the volunteer is.
    command = created.stdout.splitlines()[1].split()
    assert command[:2] == ["coalition-kit", "validate"]
    assert run_cli(*command[1:], cwd=inside).code == 0
    elsewhere = run_cli(
        "new",
        "organization",
        "from-docs",
        "--no-input",
        *_needed(ORGANIZATIONS),
        cwd=repository / "docs" / "notes",
    )
    assert elsewhere.code == 0, elsewhere.stderr
    written = repository / "data" / "organizations" / "from-docs.yaml"
    assert written.is_file() and not (repository / "docs" / "notes" / "data").exists()
    assert str(written) in elsewhere.stdout
    assert run_cli("validate", cwd=repository).code == 0


def test_new_finds_the_data_without_git(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    result = run_cli(
        "new",
        "mission",
        "cn-embassy-tv",
        "--no-input",
        *_needed(MISSIONS),
        cwd=tmp_path / "data" / "missions",
    )
    assert result.code == 0, result.stderr
    assert (tmp_path / "data" / "missions" / "cn-embassy-tv.yaml").is_file()


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_new_writes_the_canonical_order_that_fmt_accepts(repository: Path, kind: Kind) -> None:
    result = run_cli("new", kind.name, "a-new-one", "--no-input", *_needed(kind), cwd=repository)
    assert result.code == 0, result.stderr
    path = repository / "data" / kind.folder / "a-new-one.yaml"
    text = path.read_text(encoding="utf-8")
    written = list(load_text(text, str(path)).data)
    assert written == [name for name in field_order(kind.model) if name in written]
    assert format_text(text, kind) == text
    assert run_cli("fmt", "--check", str(path), cwd=repository).code == 0
    # Every optional field is in its place: uncommenting one needs no reordering.
    lines = text.splitlines()
    website = next((i for i, line in enumerate(lines) if line == "# website: "), None)
    if website is not None:
        lines[website] = "website: https://example.org/"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert run_cli("fmt", "--check", str(path), cwd=repository).code == 0
    assert run_cli("validate", cwd=repository).code == 0


def test_new_without_a_terminal_names_every_missing_value_and_writes_nothing(
    repository: Path,
) -> None:
    result = run_cli(
        "new",
        "mission",
        "cn-embassy-tv",
        "--set",
        "kind=palace",
        "--set",
        "city=Funafuti",
        cwd=repository,
    )
    assert result.code == 2
    assert "--set kind=palace: Input should be 'embassy'" in result.stderr
    for name in ("sending_state", "host_country", "source_url"):
        assert f"--set {name}=..." in result.stderr
    assert "--set city" not in result.stderr and "Traceback" not in result.stderr
    assert not (repository / "data" / "missions" / "cn-embassy-tv.yaml").exists()
    typo = run_cli(
        "new", "organization", "x", "--set", "websit=https://example.org", cwd=repository
    )
    assert typo.code == 2 and "did you mean 'website'?" in typo.stderr


def test_new_takes_any_plain_field_from_set(repository: Path) -> None:
    result = run_cli(
        "new",
        "organization",
        "with-site",
        "--no-input",
        *_needed(ORGANIZATIONS),
        "--set",
        "website=https://example.org/",
        "--set",
        "acronym=EX",
        cwd=repository,
    )
    assert result.code == 0, result.stderr
    text = (repository / "data" / "organizations" / "with-site.yaml").read_text(encoding="utf-8")
    data = load_text(text, "x").data
    assert data["website"] == "https://example.org/" and data["acronym"] == "EX"
    assert format_text(text, ORGANIZATIONS) == text


# --- fmt -----------------------------------------------------------------------------------

# The starter file 'new' used to write: name after city, 'sources' before the optional fields.
OLD_STARTER = """\
# A new mission for coalition-kit.

# The id: the file name without '.yaml', a lowercase slug.
id: cn-embassy-tv
# The state the mission represents: 'CN'.
sending_state: "CN"
# The country the mission is in.
host_country: "TV"
# embassy, consulate-general, consulate, ...
kind: "embassy"
# The city the mission is in.
city: "Funafuti"
# The mission's name as the source writes it.
name: "Embassy in Tuvalu"
# The sources of the facts in this entry; at least one.
sources:
  - url: "https://example.org"  # the list of missions
    # Its title.
    title: "T"

# Optional fields:

# The mission's own website.
# website:
"""


def test_fmt_moves_each_comment_with_its_key() -> None:
    formatted = format_text(OLD_STARTER, MISSIONS)
    lines = formatted.splitlines()
    assert lines[:5] == [
        "# A new mission for coalition-kit.",
        "",
        "# The id: the file name without '.yaml', a lowercase slug.",
        "id: cn-embassy-tv",
        "# The mission's name as the source writes it.",
    ]
    assert lines[5] == 'name: "Embassy in Tuvalu"'
    for comment, key in [
        ("# The state the mission represents: 'CN'.", 'sending_state: "CN"'),
        ("# The city the mission is in.", 'city: "Funafuti"'),
        ("# The sources of the facts in this entry; at least one.", "sources:"),
        ("  # Its title.", '  - title: "T"'),
    ]:
        assert lines[lines.index(comment) + 1] == key
    assert '    url: "https://example.org"  # the list of missions' in lines
    assert lines[-4:] == ["# Optional fields:", "", "# The mission's own website.", "# website:"]
    assert format_text(formatted, MISSIONS) == formatted


def test_fmt_moves_comments_at_every_level() -> None:
    messy = """\
# About this file.
name: Example
# The building.
address:  # as the site gives it
  # The country, last in the canonical order.
  country: NO
  # The street.
  lines:
    # The first line.
    - 1 Example Street
  locality: Oslo  # the city
id: cn-embassy-no
sending_state: CN
host_country: NO
kind: embassy
sources:
  - url: https://example.org/a
    # The publisher of a.
    publisher: A
    # The title of a.
    title: Title A
# Kept at the end.
"""
    formatted = format_text(messy, MISSIONS)
    assert (
        formatted
        == """\
# About this file.
id: cn-embassy-no
name: Example
sending_state: CN
host_country: "NO"
kind: embassy
# The building.
address:  # as the site gives it
  # The street.
  lines:
    # The first line.
    - 1 Example Street
  locality: Oslo  # the city
  # The country, last in the canonical order.
  country: "NO"
sources:
  # The title of a.
  - title: Title A
    # The publisher of a.
    publisher: A
    url: https://example.org/a
# Kept at the end.
"""
    )
    assert format_text(formatted, MISSIONS) == formatted


def test_fmt_formats_a_folder_from_anywhere_in_the_repository(repository: Path) -> None:
    campaigns = sorted((repository / "data" / "campaigns").glob("*.yaml"))
    path = campaigns[0]
    tidy = path.read_text(encoding="utf-8")
    lines = tidy.splitlines()
    messy = "\n".join([lines[1], "# First, as written.", lines[0], *lines[2:]]) + "\n"
    assert load_text(messy, "x").data == load_text(tidy, "x").data
    every = len(list((repository / "data").glob("*/*.yaml")))
    for arguments, cwd, files in [
        (["data/campaigns"], repository, len(campaigns)),
        (["."], repository / "data" / "campaigns", len(campaigns)),
        ([], repository / "data" / "campaigns", every),  # the repository's data folder
        (["."], repository, every),
    ]:
        path.write_text(messy, encoding="utf-8")
        check = run_cli("fmt", "--check", *arguments, cwd=cwd)
        assert check.code == 1 and f"{path.name}: would be reformatted" in check.stdout, arguments
        assert f"1 file would be reformatted, {files - 1} files already" in check.stdout
        result = run_cli("fmt", *arguments, cwd=cwd)
        assert result.code == 0 and "1 file reformatted" in result.stdout, arguments
        formatted = path.read_text(encoding="utf-8")
        assert formatted.splitlines()[:2] == ["# First, as written.", lines[0]]
        assert formatted.replace("# First, as written.\n", "") == tidy
    nothing = run_cli("fmt", "docs", cwd=repository)
    assert nothing.code == 2 and "holds no data files" in nothing.stderr
