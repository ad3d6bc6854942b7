"""Bad arguments and odd files never give a traceback: every command exits 0, 1 or 2 with a message.

The commands run in-process through ``cli.main`` (an exception escaping it fails the test), in a
scratch tree that holds the things a real machine can hold: a named pipe and a folder named like
data files, a broken link, a file where a folder is expected, a non-UTF-8 names file, a name too
long for the file system, a deleted working folder.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from coalition_kit import cli
from conftest import EXAMPLES

LONG = "a" * 300


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    shutil.copytree(EXAMPLES / "valid", tmp_path / "data")
    shutil.copytree(EXAMPLES / "valid", tmp_path / "odd")
    os.mkfifo(tmp_path / "odd" / "missions" / "pipe.yaml")
    (tmp_path / "odd" / "missions" / "folder.yaml").mkdir()
    (tmp_path / "odd" / "organizations" / "broken.yaml").symlink_to(
        tmp_path / "odd" / "organizations" / "nowhere.yaml"
    )
    (tmp_path / "a-file").write_text("not a folder\n")
    (tmp_path / "names-utf16.txt").write_bytes("Hong Gil-dong\n".encode("utf-16"))
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    yield tmp_path


ARGUMENTS = [
    ["validate", "odd"],
    ["validate", "odd/missions/pipe.yaml"],
    ["validate", "odd/missions/folder.yaml"],
    ["validate", "a-file"],
    ["validate", LONG],
    ["validate", f"data/missions/{LONG}.yaml"],
    ["validate", "--withheld-names", "names-utf16.txt", "data"],
    ["validate", "--withheld-names", "out", "data"],
    ["validate", "--withheld-names", "odd/missions/pipe.yaml", "data"],
    ["validate", "--changed-since", "main", "data"],
    ["validate", "--changed-since", "--output", "data"],
    ["fmt", "--check", "odd"],
    ["fmt", "odd/missions/pipe.yaml"],
    ["stale", "odd"],
    ["export", "--format", "json", "x.json", "--data", "odd"],
    ["fmt", "a-file"],
    ["fmt", LONG],
    [
        "new",
        "organization",
        "x",
        "--data",
        "a-file",
        "--no-input",
        "--set",
        "name=X",
        "--set",
        "kind=ngo",
        "--set",
        "source_url=https://example.org/x",
    ],
    ["new", "organization", "Not An Id", "--no-input"],
    ["new", "planet", "x", "--no-input"],
    ["stale", "a-file"],
    ["stale", "--older-than", "-1"],
    ["schemas", "a-file"],
    ["schemas", "a-file/sub"],
    ["schemas", "--check", "a-file"],
    ["export", "--format", "json", "out", "--force", "--data", "data"],
    ["export", "--format", "json", "a-file/sub/x.json", "--data", "data"],
    ["export", "--format", "csv", "a-file/sub", "--data", "data"],
    ["export", "--format", "csv", "a-file", "--force", "--data", "data"],
    ["export", "--format", "sqlite", "out", "--force", "--data", "data"],
    ["export", "--format", "ics", "odd/missions/pipe.yaml", "--force", "--data", "data"],
    ["export", "--format", "vcard", "/dev/null", "--force", "--data", "data"],
    ["export", "--format", "sqlite", "-", "--data", "data"],
    ["export", "--format", "json", "x.json", "--data", "nowhere"],
    ["diff", "nowhere", "data"],
    ["diff", "main", "HEAD"],
    ["no-such-command"],
    ["validate", "--format", "yaml"],
]


@pytest.mark.parametrize("arguments", ARGUMENTS, ids=[" ".join(a)[:60] for a in ARGUMENTS])
def test_no_argument_or_file_gives_a_traceback(
    scratch: Path, arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(arguments)
    out, err = capsys.readouterr()
    assert code in (0, 1, 2)
    assert "Traceback" not in out + err
    if code == 2:
        assert err.strip(), "a usage error says what is wrong"
        assert len(err.splitlines()[-1]) < 400, "paths are shortened"
    assert stat.S_ISFIFO((scratch / "odd" / "missions" / "pipe.yaml").lstat().st_mode)


def test_special_and_misplaced_files_are_reported_not_read(
    scratch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["validate", "odd"]) == 1
    out = capsys.readouterr().out
    assert "odd/missions/pipe.yaml:1:1: file-unreadable this is a named pipe" in out
    assert "odd/missions/folder.yaml:1:1: file-unreadable this is a folder" in out
    assert "odd/organizations/broken.yaml:1:1: file-unreadable" in out


def test_export_never_replaces_a_folder_or_a_device(
    scratch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["export", "--format", "json", "out", "--force", "--data", "data"]) == 2
    assert "out: is a folder" in capsys.readouterr().err
    assert (scratch / "out").is_dir()
    assert cli.main(["export", "--format", "vcard", "/dev/null", "--force", "--data", "data"]) == 2
    assert "never replaced" in capsys.readouterr().err
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_export_to_standard_output(scratch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["export", "--format", "ics", "-", "--data", "data"]) == 0
    assert capsys.readouterr().out.startswith("BEGIN:VCALENDAR")


def test_exports_are_readable_by_others_as_the_umask_allows(scratch: Path) -> None:
    previous = os.umask(0o022)
    try:
        assert cli.main(["export", "--format", "json", "x.json", "--data", "data"]) == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE((scratch / "x.json").stat().st_mode) == 0o644


def test_withheld_names_that_are_not_utf8_are_a_usage_error(
    scratch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["validate", "--withheld-names", "names-utf16.txt", "data"]) == 2
    assert "is not UTF-8 text" in capsys.readouterr().err


def test_a_deleted_working_folder_is_not_reported_as_missing_git(
    scratch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gone = scratch / "gone"
    gone.mkdir()
    os.chdir(gone)
    gone.rmdir()
    assert cli.main(["validate", "--changed-since", "main", str(scratch / "data")]) == 2
    assert "not installed" not in capsys.readouterr().err
