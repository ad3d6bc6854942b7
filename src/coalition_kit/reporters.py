"""Reporters: print a report for people (text) or programs (JSON), chosen by name."""

from __future__ import annotations

import json
from typing import Protocol, TextIO

from coalition_kit.problems import Report

__all__ = ["REPORTERS", "JsonReporter", "Reporter", "TextReporter"]


class Reporter(Protocol):
    """Writes a report to a stream."""

    def write(self, report: Report, stream: TextIO) -> None:
        """Write ``report`` to ``stream``."""


class TextReporter:
    """One ``path:line:col: CODE message`` line per problem, then a summary line."""

    def write(self, report: Report, stream: TextIO) -> None:
        """Write the problems and a one-line summary."""
        for problem in report:
            stream.write(f"{problem}\n")
        files = f"{report.files_checked} file{'s' if report.files_checked != 1 else ''}"
        if report.ok:
            stream.write(f"{files} checked, no problems.\n")
        else:
            count = len(report)
            stream.write(f"{files} checked, {count} problem{'s' if count != 1 else ''}.\n")


class JsonReporter:
    """A JSON array of objects with keys file, line, column, code and message."""

    def write(self, report: Report, stream: TextIO) -> None:
        """Write the problems as a JSON array."""
        json.dump([problem.as_dict() for problem in report], stream, ensure_ascii=False, indent=2)
        stream.write("\n")


REPORTERS: dict[str, type[Reporter]] = {"text": TextReporter, "json": JsonReporter}
"""Reporters by the name given to ``--format``."""
