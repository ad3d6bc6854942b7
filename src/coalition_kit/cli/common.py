"""What the commands share: exit codes, the usage error, a progress counter, paths in messages."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "Progress",
    "UsageError",
    "describe",
    "require_folder",
    "short",
    "use_color",
]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A command was given arguments it cannot work with; the message says what to do."""


def use_color(choice: str, stream: TextIO) -> bool:
    """Return whether to colour output on ``stream``: ``always``, ``never``, or on a terminal."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


class Progress:
    """A one-line counter on the terminal's error stream, for long work; silent elsewhere."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        """Count files under ``label`` on ``stream`` (standard error by default)."""
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.active = self.stream.isatty()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        """Show that ``done`` of ``total`` files are done (every hundred files)."""
        if self.active and total >= 200 and (done % 100 == 0 or done == total):
            self.stream.write(f"\r{self.label} {done}/{total} files")
            self.stream.flush()
            self.shown = True

    def finish(self) -> None:
        """Clear the counter's line."""
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


def short(text: str, limit: int = 80) -> str:
    """Return ``text`` cut to ``limit`` characters, for paths in messages."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe(error: OSError) -> str:
    """Say what went wrong with a file in one line: the file, then why."""
    reason = error.strerror or str(error)
    if error.filename is None:
        return reason
    return f"{short(os.fsdecode(error.filename))}: {reason}"


def require_folder(path: Path, command: str) -> None:
    """Raise ``UsageError`` when ``path`` does not exist."""
    if not path.exists():
        raise UsageError(f"coalition-kit {command}: no such file or folder: {short(str(path))}")
