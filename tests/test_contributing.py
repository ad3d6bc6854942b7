"""The contributors' commands as volunteers run them: ``new`` and ``close`` from any folder of
the repository, ``fmt`` moving every comment with its key, on files and on folders."""

from __future__ import annotations

import datetime as dt
import re
import shlex
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml

from coalition_kit.contrib.fmt import field_order, format_text
from coalition_kit.contrib.questions import choices
from coalition_kit.models import KINDS, KINDS_BY_FOLDER, Kind
from coalition_kit.models.mission import MissionKind
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


# --- close ---------------------------------------------------------------------------------


def _close(repository: Path, *arguments: str, cwd: Path | None = None) -> tuple[int, str]:
    result = run_cli("close", *arguments, cwd=cwd or repository)
    assert "Traceback" not in result.stderr
    return result.code, result.stdout + result.stderr


CHICAGO_CLOSES = (
    "cn-consulate-us-chicago",
    "--state",
    "closed",
    "--since",
    "2024-05",
    "--successor",
    "cn-embassy-us",
    "--source",
    "https://example.org/news",
    "--note",
    "The consulate closed.",
)
"""A closure of the Chicago consulate, given twice: the second time there is nothing to change."""


def test_close_writes_a_valid_status_and_keeps_the_rest_of_the_file(repository: Path) -> None:
    path = repository / "data" / "missions" / "cn-consulate-us-chicago.yaml"
    before = path.read_text(encoding="utf-8")
    commented = f"# Chicago, as the 2012 list gives it.\n{before}".replace(
        "\nsources:\n", "\n# Where the facts come from.\nsources:  # read in 2026\n"
    )
    path.write_text(commented, encoding="utf-8")
    code, output = _close(repository, *CHICAGO_CLOSES, cwd=repository / "data" / "missions")
    assert code == 0, output
    today = dt.date.today().isoformat()
    assert output.splitlines() == [
        "Changed cn-consulate-us-chicago.yaml:",
        "  status.state: open -> closed",
        "  status.since: (none) -> 2024-05",
        "  status.successor: (none) -> cn-embassy-us",
        "  status.source.url: (none) -> https://example.org/news",
        f"  status.source.retrieved: (none) -> {today}",
        "  status.note: (none) -> The consulate closed.",
    ]
    after = path.read_text(encoding="utf-8")
    status = (
        "status:\n  state: closed\n  since: 2024-05\n  successor: cn-embassy-us\n  source:\n"
        f'    url: https://example.org/news\n    retrieved: "{today}"\n'
        "  note: The consulate closed.\n"
    )
    # Only the status is new, where fmt puts it (before 'needs'), and every comment stays.
    assert after == commented.replace("\nneeds:\n", f"\n{status}needs:\n")
    assert run_cli("validate", cwd=repository).code == 0
    assert run_cli("fmt", "--check", str(path), cwd=repository).code == 0
    again = _close(repository, *CHICAGO_CLOSES)
    assert again[0] == 0 and "nothing to change" in again[1]


def test_close_replaces_a_status_whole(repository: Path) -> None:
    path = repository / "data" / "missions" / "cn-consulate-ua-odesa.yaml"
    code, output = _close(
        repository,
        "cn-consulate-ua-odesa",
        "--state",
        "closed",
        "--since",
        "2023-07-20",
        "--source",
        "https://example.org/closed",
    )
    assert code == 0, output
    assert "  status.state: suspended -> closed" in output
    assert "  status.successor: cn-embassy-ua -> (removed)" in output
    data = load_text(path.read_text(encoding="utf-8"), str(path)).data
    assert data["status"]["state"] == "closed" and "note" not in data["status"]
    assert run_cli("validate", cwd=repository).code == 0


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (["--successor", "cn-embassy-usa"], 1, "no mission has the id 'cn-embassy-usa'"),
        (["--successor", "cn-consulate-us-chicago"], 1, "cannot be its own successor"),
        (["--since", "2099-01-01"], 2, "--since 2099-01-01 is in the future"),
        (["--since", "24 July 2020"], 2, "'24 July 2020' is not a date"),
        (["--source", "ftp://example.org"], 2, "is not an http(s) link"),
    ],
)
def test_close_refuses_what_would_be_invalid_and_writes_nothing(
    repository: Path, arguments: list[str], code: int, message: str
) -> None:
    path = repository / "data" / "missions" / "cn-consulate-us-chicago.yaml"
    before = path.read_bytes()
    defaults = {"--since": "2024-05", "--source": "https://example.org/news"}
    defaults.update(zip(arguments[::2], arguments[1::2], strict=True))
    given = [part for flag, value in defaults.items() for part in (flag, value)]
    result = _close(repository, "cn-consulate-us-chicago", "--state", "closed", *given)
    assert result[0] == code and message in result[1], result[1]
    assert path.read_bytes() == before


def test_close_names_a_mission_that_does_not_exist(repository: Path) -> None:
    code, output = _close(
        repository,
        "cn-consulate-us-chicag",
        "--state",
        "closed",
        "--since",
        "2024",
        "--source",
        "https://example.org/news",
    )
    assert code == 2 and "did you mean 'cn-consulate-us-chicago'?" in output
    broken = repository / "data" / "missions" / "cn-consulate-us-chicago.yaml"
    broken.write_text("id: cn-consulate-us-chicago\nid: again\n", encoding="utf-8")
    code, output = _close(
        repository,
        "cn-consulate-us-chicago",
        "--state",
        "closed",
        "--since",
        "2024",
        "--source",
        "https://example.org/news",
    )
    assert code == 1 and "appears twice" in output


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_every_example_in_a_starter_is_valid_once_uncommented(kind: Kind) -> None:
    from pydantic import TypeAdapter

    from coalition_kit.contrib.starter import _EXAMPLES, _KIND_EXAMPLES

    checked = 0
    for name, info in kind.model.model_fields.items():
        example = _KIND_EXAMPLES.get((kind.name, name)) or _EXAMPLES.get(name)
        if example is None:
            continue
        value = yaml.safe_load(example)[name]
        assert info.annotation is not None
        TypeAdapter(info.annotation).validate_python(value)
        checked += 1
    assert checked >= 3


def _guide_commands(guide: str, start: str) -> list[str]:
    """The arguments of the guide's ``coalition-kit`` command that begins with ``start``."""
    joined = guide.replace("\\\n", " ")
    line = next(line for line in joined.splitlines() if line.strip().startswith(start))
    return shlex.split(line.strip())[1:]


def test_the_guides_mission_walk_through_works_as_written(repository: Path) -> None:
    guide = (Path(__file__).parents[1] / "CONTRIBUTING.md").read_text(encoding="utf-8")
    # The guide names every kind of mission a volunteer may write.
    assert all(f"`{kind.value}`" in guide for kind in MissionKind)
    new = _guide_commands(guide, "coalition-kit new mission")
    result = run_cli(*new, "--no-input", cwd=repository)
    assert result.code == 0, result.stderr
    path = repository / "data" / "missions" / f"{new[2]}.yaml"
    # The guide's block of values, added to the new file as a volunteer would paste it.
    block = next(
        textwrap.dedent(block)
        for block in re.findall(r"```yaml\n(.*?)^ *```", guide, re.DOTALL | re.MULTILINE)
        if "consular_district" in block
    )
    path.write_text(path.read_text(encoding="utf-8") + block, encoding="utf-8")
    result = run_cli("validate", cwd=repository)
    assert result.code == 0, result.stdout
    assert run_cli("fmt", str(path), cwd=repository).code == 0
    formatted = path.read_text(encoding="utf-8")
    # The comments pasted with the values stay on their lines.
    assert re.search(r"^consular_district: +# the regions this consulate", formatted, re.M)
    assert re.search(r"^  - kind: email +# email, fax", formatted, re.M)
    assert run_cli("validate", cwd=repository).code == 0

    close = _guide_commands(guide, "coalition-kit close")
    result = run_cli(*close, cwd=repository)
    assert result.code == 0, result.stderr
    closed = yaml.safe_load((repository / "data" / "missions" / f"{close[1]}.yaml").read_text())
    assert closed["status"]["state"] == "closed"
    assert closed["status"]["successor"] == "cn-embassy-us"
