"""Names that must appear nowhere in the data: a private list, kept out of the repository.

Names are compared as ``support.text.comparable`` makes them, so that invisible characters, other
dashes and spaces, compatibility forms and case do not hide one; a report never repeats the name.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem
from coalition_kit.reading.document import Document
from coalition_kit.reading.files import read_data_file
from coalition_kit.support.text import comparable

__all__ = ["WithheldNames", "read_name_list"]


class WithheldNames:
    """Finds names that must not be published in any text of a document."""

    def __init__(self, names: Sequence[str]) -> None:
        """Keep the names, compared as ``personal.comparable`` makes them.

        Case, dashes, spaces, invisible characters and Unicode forms make no difference.
        """
        self.names = [comparable(name) for name in names if comparable(name)]

    def find(self, document: Document) -> Iterator[Problem]:
        """Yield a problem at each value that contains a withheld name (without the name)."""
        for path, value in document.strings():
            text = comparable(value)
            for number, name in enumerate(self.names, start=1):
                if name in text:
                    location = document.locate(path)
                    yield Problem(
                        document.path,
                        location.line,
                        location.column,
                        Code.WITHHELD_NAME,
                        f"this text contains name {number} of the withheld list; remove it",
                    )


def read_name_list(path: Path) -> list[str]:
    """Read a list of names, one per line; blank lines and lines starting with '#' are skipped.

    Raises:
        OSError: The file cannot be read, or is not a regular file.
        UnicodeDecodeError: The file is not UTF-8.
    """
    lines = read_data_file(path).decode("utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
