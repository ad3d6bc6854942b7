"""A data file as the loader leaves it: plain values, and where each value and key was written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem

__all__ = ["Document", "Location", "NodePath"]


NodePath = tuple[str | int, ...]
"""Where a value sits in a document: the keys and list indexes leading to it."""


class Location(NamedTuple):
    """A line and column in a file, both counted from 1."""

    line: int
    column: int


@dataclass
class Document:
    """A YAML file loaded into plain values, with the location of every value and key.

    Attributes:
        path: The file it was read from.
        data: The plain value (dict, list, str, int, float, bool, None), or None when unreadable.
        values: The location of each value (mapping, list or scalar), by its path.
        keys: The location of each mapping key, by the path of its value.
        plain_scalars: The text as written of unquoted values that did not load as text.
        problems: What was wrong with the file as YAML.
    """

    path: str
    data: Any = None
    values: dict[NodePath, Location] = field(default_factory=dict)
    keys: dict[NodePath, Location] = field(default_factory=dict)
    plain_scalars: dict[NodePath, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, location: Location, code: Code, message: str) -> None:
        """Record a problem at ``location``."""
        self.problems.append(Problem(self.path, location.line, location.column, code, message))

    def locate(self, path: NodePath, *, key: bool = False) -> Location:
        """Return the location of the value at ``path``, or of its closest existing ancestor.

        Args:
            path: Keys and indexes; elements that name nothing here (such as the tags pydantic
                adds for unions) are skipped.
            key: Point at the key of the value rather than the value itself.
        """
        found, _ = self.resolved_path(path)
        if key and found in self.keys:
            return self.keys[found]
        return self.values.get(found, Location(1, 1))

    def strings(self) -> Iterator[tuple[NodePath, str]]:
        """Yield every text value of the document with its path, depth first."""
        pending: list[tuple[NodePath, Any]] = [((), self.data)]
        while pending:
            path, value = pending.pop()
            if isinstance(value, str):
                yield path, value
            elif isinstance(value, dict):
                pending.extend(((*path, key), item) for key, item in reversed(value.items()))
            elif isinstance(value, list):
                pending.extend(
                    ((*path, index), item) for index, item in reversed(list(enumerate(value)))
                )

    def resolved_path(self, path: NodePath) -> tuple[NodePath, bool]:
        """Return the longest existing path along ``path`` and whether its last element was used.

        Elements that name nothing here (union tags, a missing field) are skipped.
        """
        found: NodePath = ()
        used_last = False
        for element in path:
            candidate = (*found, element)
            used_last = candidate in self.values
            if used_last:
                found = candidate
        return found, used_last
