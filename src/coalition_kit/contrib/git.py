"""Running git for the commands that compare with a ref (``diff``, ``validate --changed-since``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

__all__ = ["GitError", "check_ref", "repository_top", "run_git"]


class GitError(RuntimeError):
    """git could not answer: no git, not a repository, or an unknown ref."""


def run_git(arguments: list[str], cwd: Path) -> bytes:
    """Run git with ``arguments`` (a list, never a shell line) in ``cwd``; return its output.

    Raises:
        GitError: git is missing or failed; the message is git's own.
    """
    if not cwd.is_dir():
        raise GitError(f"the folder {cwd} does not exist")
    try:
        # git is found on PATH like any developer tool; no argument passes through a shell.
        completed = subprocess.run(  # noqa: S603
            ["git", *arguments],  # noqa: S607
            cwd=cwd,
            capture_output=True,
            check=False,
            timeout=120,
        )
    except FileNotFoundError:
        if shutil.which("git") is None:
            raise GitError("git is not installed, or not on PATH") from None
        raise GitError(f"git cannot run in {cwd}") from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip()
        raise GitError(message or f"git {' '.join(arguments)} failed")
    return completed.stdout


def check_ref(ref: str, cwd: Path) -> None:
    """Raise ``GitError`` unless ``ref`` names a commit (a ref starting with '-' never does)."""
    if not ref or ref.startswith("-"):
        raise GitError(f"'{ref}' is not a git ref")
    run_git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)


def repository_top(path: Path) -> Path:
    """Return the top folder of the git repository holding ``path``."""
    folder = path if path.is_dir() else path.parent
    return Path(run_git(["rev-parse", "--show-toplevel"], folder).decode().strip())
