"""Problems found in data files, as values: each has a file, line, column, code and message.

The validator never stops at the first problem and never raises for bad data: it collects
``Problem`` values into a ``Report``. Only convenience entry points such as
``coalition_kit.load`` turn a report with problems into one ``DataValidationError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from coalition_kit.problems.codes import CATALOGUE, Code, Severity


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one data file, at a line and column (both counted from 1).

    Attributes:
        file: The path of the file, as the user named it (relative when they gave a relative path).
        line: The line of the offending YAML node, counted from 1.
        column: The column of the offending YAML node, counted from 1.
        code: The stable problem code, documented in the error catalogue.
        message: A sentence for the contributor: what is wrong and, where we can tell, how to fix it.

    Its severity follows from its code: errors fail validation, warnings are shown.
    """

    file: str
    line: int
    column: int
    code: Code
    message: str

    @property
    def severity(self) -> Severity:
        """Whether the problem is an error (validation fails) or a warning."""
        return CATALOGUE[self.code].severity

    @property
    def is_error(self) -> bool:
        """True for an error, False for a warning."""
        return self.severity is Severity.ERROR

    def as_dict(self) -> dict[str, str | int]:
        """Return the problem as a JSON-ready mapping: file, line, column, code, severity, message."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code.value,
            "severity": self.severity.value,
            "message": self.message,
        }

    def __str__(self) -> str:
        """Format as ``path:line:col: CODE message``, the form editors and CI logs understand.

        A warning reads ``path:line:col: CODE warning: message``.
        """
        label = "" if self.is_error else "warning: "
        return f"{self.file}:{self.line}:{self.column}: {self.code.value} {label}{self.message}"


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
    def errors(self) -> list[Problem]:
        """The problems that are errors."""
        return [problem for problem in self._problems if problem.is_error]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that are warnings."""
        return [problem for problem in self._problems if not problem.is_error]

    @property
    def ok(self) -> bool:
        """True when no error was found (warnings may remain)."""
        return not any(problem.is_error for problem in self._problems)

    @property
    def clean(self) -> bool:
        """True when nothing at all was found: no error and no warning."""
        return not self._problems

    def __iter__(self) -> Iterator[Problem]:
        """Iterate over the problems in order."""
        return iter(self._problems)

    def __len__(self) -> int:
        """Return the number of problems."""
        return len(self._problems)

    def raise_for_problems(self) -> None:
        """Raise ``DataValidationError`` carrying every problem, if any is an error."""
        if not self.ok:
            raise DataValidationError(self)


class DataValidationError(Exception):
    """Raised by convenience entry points when the data has problems; carries the whole report."""

    def __init__(self, report: Report) -> None:
        """Wrap ``report``; the message lists every problem, one per line."""
        self.report = report
        errors = report.errors
        shown = "\n".join(str(problem) for problem in errors)
        super().__init__(f"{len(errors)} problem(s) in the data:\n{shown}")
