"""The contributor workflow through the real ``coalition-kit`` command: new, validate, fmt, diff,
stale and export, in a scratch git repository holding a copy of the data."""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coalition_kit.library import load
from conftest import DATA, run_cli

SCRIPT = str(Path(sys.executable).with_name("coalition-kit"))


def git(repository: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *arguments],
        cwd=repository,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    git(tmp_path, "init", "--quiet", "--initial-branch=main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "--quiet", "-m", "data")
    return tmp_path


def test_new_organization_from_flags_then_a_typo_is_reported_at_its_line(repository: Path) -> None:
    created = run_cli(
        "new",
        "organization",
        "example-org",
        "--no-input",
        "--set",
        "name=Example Org",
        "--set",
        "kind=ngo",
        "--set",
        "country=KR",
        "--set",
        "source_url=https://example.org/about",
        cwd=repository,
    )
    assert created.code == 0, created.stderr
    path = repository / "data" / "organizations" / "example-org.yaml"
    assert run_cli("validate", "data", cwd=repository).code == 0
    text = path.read_text(encoding="utf-8")
    assert text.count("\n# ") > 20, "every field has a comment"
    lines = text.splitlines()
    lines.insert(lines.index('kind: "ngo"') + 1, "websit: https://example.org/")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("validate", "data/organizations/example-org.yaml", cwd=repository)
    line = lines.index("websit: https://example.org/") + 1
    assert result.code == 1
    assert result.stdout.splitlines()[0] == (
        f"data/organizations/example-org.yaml:{line}:1: field-unknown unknown field 'websit'; "
        "did you mean 'website'?"
    )


def test_new_never_overwrites_and_refuses_bad_answers(repository: Path) -> None:
    existing = repository / "data" / "organizations" / "pscore.yaml"
    before = existing.read_bytes()
    again = run_cli("new", "organization", "pscore", "--no-input", cwd=repository)
    assert again.code == 1 and "already exists" in again.stderr
    assert existing.read_bytes() == before
    bad_kind = run_cli(
        "new",
        "organization",
        "x-org",
        "--no-input",
        "--set",
        "name=X",
        "--set",
        "kind=charity",
        "--set",
        "source_url=https://example.org",
        cwd=repository,
    )
    assert bad_kind.code == 2 and "kind" in bad_kind.stderr
    missing = run_cli("new", "mission", "cn-embassy-tv", "--no-input", cwd=repository)
    assert missing.code == 2 and "--set sending_state=" in missing.stderr
    for arguments in (
        ["new", "people", "x"],
        ["new", "organization", "Bad_Id"],
        ["new", "organization", "x", "--set", "nonsense"],
    ):
        result = run_cli(*arguments, cwd=repository)
        assert result.code == 2 and "Traceback" not in result.stderr, arguments
    assert not (repository / "data" / "organizations" / "x-org.yaml").exists()


def _interact(arguments: list[str], answers: list[str], cwd: Path) -> tuple[int, str]:
    """Run the command in a pseudo-terminal, typing each answer after each prompt."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.chdir(cwd)
        os.execv(SCRIPT, [SCRIPT, *arguments])
    output = b""
    pending = list(answers)
    while True:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        if pending and output.rstrip().endswith(b":"):
            os.write(fd, pending.pop(0).encode() + b"\n")
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output.decode("utf-8", "replace")


def test_new_asks_in_a_terminal_and_asks_again_after_a_wrong_answer(repository: Path) -> None:
    code, output = _interact(
        ["new", "mission", "cn-embassy-bt"],
        ["CN", "BT", "palace", "embassy", "Thimphu", "", "https://example.org/missions", ""],
        repository,
    )
    assert code == 0, output
    assert "[embassy/consulate-general/consulate/permanent-mission" in output
    assert "Input should be 'embassy'" in output
    text = (repository / "data" / "missions" / "cn-embassy-bt.yaml").read_text(encoding="utf-8")
    assert 'host_country: "BT"' in text and 'city: "Thimphu"' in text
    assert run_cli("validate", "data", cwd=repository).code == 0


def test_github_annotations_escape_what_github_would_misread(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "organizations"
    folder.mkdir(parents=True)
    (folder / "odd.yaml").write_text(
        "id: odd\nname: x\nkind: ngo\nwebsit: 100%\n", encoding="utf-8"
    )
    result = run_cli("validate", "--format", "github", "data", cwd=tmp_path)
    assert result.code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "::error file=data/organizations/odd.yaml,line=1,col=1,title=field-missing::"
    )
    assert any(
        line.startswith(
            "::error file=data/organizations/odd.yaml,line=4,col=1,title=field-unknown::"
        )
        for line in lines
    )


def test_changed_since_reports_the_changed_file_and_what_links_to_it(repository: Path) -> None:
    assert run_cli("validate", "--changed-since", "main", "data", cwd=repository).stdout.endswith(
        "no problems.\n"
    )
    # A broken file the pull request does not touch is not reported...
    (repository / "data" / "organizations" / "unrelated.yaml").write_text(
        "id: unrelated\n", encoding="utf-8"
    )
    git(repository, "add", "-A")
    git(repository, "commit", "--quiet", "-m", "old breakage")
    # ...but removing an organization shows the letter that still signs with its id.
    (repository / "data" / "organizations" / "pscore.yaml").unlink()
    result = run_cli("validate", "--changed-since", "main", "data", cwd=repository)
    assert result.code == 1
    files = {line.split(":")[0] for line in result.stdout.splitlines()[:-1]}
    assert files == {"data/letters/joint-letter-biden-2023.yaml"}
    assert run_cli("validate", "--changed-since", "no-such-ref", "data", cwd=repository).code == 2


def test_diff_between_refs_in_text_and_markdown(repository: Path) -> None:
    houston = repository / "data" / "missions" / "cn-consulate-us-houston.yaml"
    chicago = repository / "data" / "missions" / "cn-consulate-us-chicago.yaml"
    text = chicago.read_text(encoding="utf-8")
    chicago.write_text(text + 'status:\n  state: closed\n  since: "2026-01"\n', encoding="utf-8")
    houston.unlink()
    git(repository, "add", "-A")
    git(repository, "commit", "--quiet", "-m", "change")
    result = run_cli("diff", "main~1", "main", cwd=repository)
    assert result.code == 0
    assert result.stdout.splitlines() == [
        "mission cn-consulate-us-chicago: status.state open -> closed",
        "mission cn-consulate-us-chicago: status.since (none) -> 2026-01",
        "mission cn-consulate-us-houston: removed",
    ]
    markdown = run_cli("diff", "main~1", "main", "--format", "markdown", cwd=repository).stdout
    assert "0 added, 1 removed, 1 changed." in markdown
    assert "| mission | `cn-consulate-us-chicago` | `status.state`: `open` → `closed` |" in markdown
    assert run_cli("diff", "nope", "main", cwd=repository).code == 2


def test_diff_between_folders(repository: Path, tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(repository / "data", old)
    assert run_cli("diff", str(old), "data", cwd=repository).stdout == "No changes.\n"


def test_stale_ranks_by_reach_then_urgency_with_a_limit_and_a_kind(repository: Path) -> None:
    result = run_cli("stale", "--format", "json", cwd=repository)
    entries = json.loads(result.stdout)
    library = load(repository / "data")
    reach_order = ["named", "only-one", "embassy", "other-mission", "other"]
    ranks = [reach_order.index(entry["reach"]) for entry in entries]
    assert ranks == sorted(ranks)
    # The missions the current campaign names come first, those without an e-mail first of all.
    named = [entry for entry in entries if entry["reach"] == "named"]
    assert named and named[0]["reason"].startswith("no current e-mail")
    mentioned = {m for c in library.campaigns.values() if c.targets for m in c.targets.missions}
    mentioned |= {
        m
        for c in library.campaigns.values()
        for action in c.calls_to_action
        for m in getattr(action, "missions", [])
    }
    assert {entry["id"] for entry in named} <= mentioned
    # In each rank, a mission no letter can reach comes before one that only lacks an e-mail.
    for reach in ("only-one", "embassy", "other-mission"):
        reasons = [entry["reason"] for entry in entries if entry["reach"] == reach]
        urgency = [
            0 if reason.startswith("no way") else 1 if reason.startswith("no current") else 2
            for reason in reasons
        ]
        assert urgency == sorted(urgency), reach
    missions = run_cli("stale", "--kind", "missions", "--limit", "5", cwd=repository).stdout
    lines = missions.splitlines()
    assert len(lines) == 6 and all(": mission " in line for line in lines[:5])
    assert lines[5].startswith("the first 5 of ") and lines[5].endswith(" entries to check.")
    assert run_cli("stale", "--older-than", "-1", cwd=repository).code == 2
    assert run_cli("stale", "--limit", "0", cwd=repository).code == 2


def test_fmt_check_then_fix_keeps_comments_and_values(repository: Path) -> None:
    path = repository / "data" / "organizations" / "pscore.yaml"
    messy = (
        "# PSCORE, as the letter lists it.\nkind: ngo  # from the list\n"
        "sources:\n- title: Urgent Letter for Rescuing NK refugees\n  archived_copy: seeds/004_cd4537fac1f55b8b.txt\n"
        "name: PSCORE\nid: pscore\ncountry: NO\n"
    )
    path.write_text(messy, encoding="utf-8")
    check = run_cli("fmt", "--check", cwd=repository)
    assert check.code == 1 and "pscore.yaml: would be reformatted" in check.stdout
    assert path.read_text(encoding="utf-8") == messy
    assert run_cli("fmt", cwd=repository).code == 0
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[:4] == [
        "# PSCORE, as the letter lists it.",
        "id: pscore",
        "name: PSCORE",
        "kind: ngo  # from the list",
    ]
    assert 'country: "NO"' in text
    assert run_cli("fmt", "--check", cwd=repository).code == 0


def test_fmt_leaves_a_file_it_cannot_read_alone(repository: Path) -> None:
    path = repository / "data" / "organizations" / "pscore.yaml"
    path.write_text("id: pscore\nname: a\nname: b\n", encoding="utf-8")
    result = run_cli("fmt", cwd=repository)
    assert result.code == 1 and "appears twice" in result.stderr
    assert path.read_text(encoding="utf-8") == "id: pscore\nname: a\nname: b\n"


def test_export_command_writes_and_never_overwrites(repository: Path) -> None:
    first = run_cli("export", "--format", "sqlite", "out.db", cwd=repository)
    assert first.code == 0
    # The Datasette metadata written beside the database is named, so a user finds it.
    assert "out.metadata.json" in first.stdout
    assert (repository / "out.metadata.json").is_file()
    again = run_cli("export", "--format", "sqlite", "out.db", cwd=repository)
    assert again.code == 1 and "--force" in again.stderr
    assert run_cli("export", "--format", "vcard", "out.db", "--force", cwd=repository).code == 0
    assert (repository / "out.db").read_text(encoding="utf-8").startswith("BEGIN:VCARD")


def test_export_offers_every_format_of_the_registry() -> None:
    from coalition_kit.outputs.registry import EXPORTERS

    help_text = " ".join(run_cli("export", "--help").stdout.split())
    for name, exporter in EXPORTERS.items():
        assert f"{name}: {exporter.description}" in help_text
    assert run_cli("export", "--format", "pdf", "out").code == 2


@pytest.mark.parametrize("name", ["json", "ics", "vcard"])
def test_every_streaming_export_goes_to_standard_output_as_the_file_would(
    repository: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One moment for both exports: a calendar stamps its entries with the time it was made.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    # The table names its functions as text: each name must be one its module has.
    streamed = run_cli("export", "--format", name, "-", cwd=repository)
    assert streamed.code == 0
    assert run_cli("export", "--format", name, "out", cwd=repository).code == 0
    # Byte for byte: calendars and vCards end their lines with CRLF, in the file and the stream.
    assert (repository / "out").read_bytes() == streamed.stdout.encode("utf-8")


def test_colour_only_when_asked_or_on_a_terminal(repository: Path) -> None:
    (repository / "data" / "organizations" / "pscore.yaml").write_text(
        "id: pscore\n", encoding="utf-8"
    )
    plain = run_cli("validate", cwd=repository).stdout
    assert "\033[" not in plain
    coloured = run_cli("validate", "--color", "always", cwd=repository).stdout
    assert "\033[31mfield-missing\033[0m" in coloured
