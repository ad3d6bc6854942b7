"""Reporters: print a report for people (text), programs (JSON) or GitHub Actions (annotations)."""

from __future__ import annotations

import json
from typing import Protocol, TextIO

from coalition_kit.problems import Report

__all__ = ["REPORTERS", "GithubReporter", "JsonReporter", "Reporter", "TextReporter"]

_BOLD, _RED, _DIM, _RESET = "\033[1m", "\033[31m", "\033[2m", "\033[0m"


class Reporter(Protocol):
    """Writes a report to a stream."""

    def __init__(self, *, color: bool = False) -> None:
        """Make a reporter; ``color`` asks for terminal colours where the format has them."""

    def write(self, report: Report, stream: TextIO) -> None:
        """Write ``report`` to ``stream``."""


class TextReporter:
    """One ``path:line:col: CODE message`` line per problem, then a summary line."""

    def __init__(self, *, color: bool = False) -> None:
        """Make a text reporter, with colours for a terminal if ``color``."""
        self.color = color

    def _paint(self, text: str, *styles: str) -> str:
        return "".join(styles) + text + _RESET if self.color else text

    def write(self, report: Report, stream: TextIO) -> None:
        """Write the problems and a one-line summary."""
        for problem in report:
            place = self._paint(f"{problem.file}:{problem.line}:{problem.column}:", _BOLD)
            code = self._paint(problem.code.value, _RED)
            stream.write(f"{place} {code} {problem.message}\n")
        files = f"{report.files_checked} file{'s' if report.files_checked != 1 else ''}"
        if report.ok:
            stream.write(self._paint(f"{files} checked, no problems.", _DIM) + "\n")
        else:
            count = len(report)
            summary = f"{files} checked, {count} problem{'s' if count != 1 else ''}."
            stream.write(self._paint(summary, _BOLD) + "\n")


class JsonReporter:
    """A JSON array of objects with keys file, line, column, code and message."""

    def __init__(self, *, color: bool = False) -> None:
        """Make a JSON reporter (``color`` is ignored)."""

    def write(self, report: Report, stream: TextIO) -> None:
        """Write the problems as a JSON array."""
        json.dump([problem.as_dict() for problem in report], stream, ensure_ascii=False, indent=2)
        stream.write("\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    """GitHub Actions workflow commands: each problem becomes an annotation on its line."""

    def __init__(self, *, color: bool = False) -> None:
        """Make a GitHub reporter (``color`` is ignored)."""

    def write(self, report: Report, stream: TextIO) -> None:
        """Write one ``::error`` command per problem, then a plain summary line."""
        for problem in report:
            properties = ",".join(
                f"{name}={_escape_property(str(value))}"
                for name, value in (
                    ("file", problem.file),
                    ("line", problem.line),
                    ("col", problem.column),
                    ("title", problem.code.value),
                )
            )
            stream.write(f"::error {properties}::{_escape_data(problem.message)}\n")
        stream.write(f"{report.files_checked} files checked, {len(report)} problems.\n")


REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
}
"""Reporters by the name given to ``--format``."""
