"""Reporters: print a report for people (text), programs (JSON) or GitHub Actions (annotations)."""

from __future__ import annotations

import json
from typing import Protocol, TextIO

from coalition_kit.problems.report import Report

__all__ = [
    "REPORTERS",
    "GithubReporter",
    "JsonReporter",
    "Reporter",
    "TextReporter",
    "summary",
]

_BOLD, _RED, _YELLOW, _DIM, _RESET = "\033[1m", "\033[31m", "\033[33m", "\033[2m", "\033[0m"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def summary(report: Report) -> str:
    """Return the one-line summary of ``report``: files checked, problems and warnings."""
    errors, warnings = len(report.errors), len(report.warnings)
    parts = [f"{_count(report.files_checked, 'file')} checked"]
    parts.append(_count(errors, "problem") if errors else "no problems")
    if warnings:
        parts.append(_count(warnings, "warning"))
    return ", ".join(parts) + "."


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
            if problem.is_error:
                code = self._paint(problem.code.value, _RED)
            else:
                code = self._paint(f"{problem.code.value} warning:", _YELLOW)
            stream.write(f"{place} {code} {problem.message}\n")
        stream.write(self._paint(summary(report), _DIM if report.clean else _BOLD) + "\n")


class JsonReporter:
    """A JSON array of objects with keys file, line, column, code, severity and message."""

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
        """Write one ``::error`` (or ``::warning``) command per problem, then a summary line."""
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
            command = "error" if problem.is_error else "warning"
            stream.write(f"::{command} {properties}::{_escape_data(problem.message)}\n")
        stream.write(summary(report) + "\n")


REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
}
"""Reporters by the name given to ``--format``."""
