"""Problems found in data files, as values: each has a file, line, column, code and message.

The validator never stops at the first problem and never raises for bad data: it collects
``Problem`` values into a ``Report``. Only convenience entry points such as
``coalition_kit.load`` turn a report with problems into one ``DataValidationError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from coalition_kit.codes import Code


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one data file, at a line and column (both counted from 1).

    Attributes:
        file: The path of the file, as the user named it (relative when they gave a relative path).
        line: The line of the offending YAML node, counted from 1.
        column: The column of the offending YAML node, counted from 1.
        code: The stable problem code, documented in the error catalogue.
        message: A sentence for the contributor: what is wrong and, where we can tell, how to fix it.
    """

    file: str
    line: int
    column: int
    code: Code
    message: str

    def as_dict(self) -> dict[str, str | int]:
        """Return the problem as a JSON-ready mapping with keys file, line, column, code, message."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code.value,
            "message": self.message,
        }

    def __str__(self) -> str:
        """Format as ``path:line:col: CODE message``, the form editors and CI logs understand."""
        return f"{self.file}:{self.line}:{self.column}: {self.code.value} {self.message}"


class Report:
    """All problems found in one validation run, kept in a stable order (file, line, column)."""

    def __init__(self, problems: Iterable[Problem] = (), files_checked: int = 0) -> None:
        """Collect ``problems``; ``files_checked`` counts the files that were read."""
        self._problems = sorted(set(problems))
        self.files_checked = files_checked

    @property
    def problems(self) -> list[Problem]:
        """The problems, sorted by file, line, column, code and message."""
        return list(self._problems)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self._problems

    def __iter__(self) -> Iterator[Problem]:
        """Iterate over the problems in order."""
        return iter(self._problems)

    def __len__(self) -> int:
        """Return the number of problems."""
        return len(self._problems)

    def raise_for_problems(self) -> None:
        """Raise ``DataValidationError`` carrying every problem, if there is any."""
        if self._problems:
            raise DataValidationError(self)


class DataValidationError(Exception):
    """Raised by convenience entry points when the data has problems; carries the whole report."""

    def __init__(self, report: Report) -> None:
        """Wrap ``report``; the message lists every problem, one per line."""
        self.report = report
        shown = "\n".join(str(problem) for problem in report)
        super().__init__(f"{len(report)} problem(s) in the data:\n{shown}")
