"""The loaded data tree as rules see it: every file, its kind, its id, its model and its locations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from coalition_kit.models import (
    KINDS,
    AnyEntity,
    Campaign,
    Kind,
    Letter,
    Mission,
    Model,
    Organization,
)
from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem
from coalition_kit.reading.document import Document, NodePath
from coalition_kit.reading.files import load_file

__all__ = ["Dataset", "Entity"]

M = TypeVar("M", bound=Model)


@dataclass
class Entity(Generic[M]):
    """One data file: its kind, the id it declares, its document and, if valid, its model."""

    kind: Kind
    id: str | None
    document: Document
    model: M | None = None
    path: Path | None = None
    links: list[tuple[NodePath, str, str]] = field(default_factory=list)
    """The ids this entity names: (where, kind, id), for checks that need the whole tree."""
    marked: list[tuple[NodePath, Any, Any]] = field(default_factory=list)
    """Every marked value of the model (links, dates of checks), found once for all rules."""
    facts: dict[str, Any] = field(default_factory=dict)
    """What tree-wide rules need of the model besides links (a mission's place, a letter's
    date), kept when the model itself is dropped."""

    @property
    def file(self) -> str:
        """The file's path as shown in problems."""
        return self.document.path

    def problem(self, path: NodePath, code: Code, message: str, *, key: bool = False) -> Problem:
        """Return a problem located at ``path`` in this entity's file."""
        if not self.document.values and self.path is not None:
            # Files checked in another process come back without their positions, to keep the
            # transfer small; the rare file a rule reports on is read again here.
            self.document = load_file(self.path, self.document.path)
        location = self.document.locate(path, key=key)
        return Problem(self.file, location.line, location.column, code, message)


@dataclass
class Dataset:
    """All entities of a data tree, by kind and id, for dataset-wide rules.

    ``known_ids`` maps each kind's declared ids to the first file declaring them, even where the
    file has other problems, so that a link to an entity whose file is broken is not reported a
    second time as unknown.
    """

    entities: list[Entity[Any]] = field(default_factory=list)
    known_ids: dict[str, dict[str, Entity[Any]]] = field(
        default_factory=lambda: {kind.name: {} for kind in KINDS}
    )

    def add(self, entity: Entity[Any]) -> None:
        """Add a loaded file."""
        self.entities.append(entity)
        if entity.id is not None:
            self.known_ids[entity.kind.name].setdefault(entity.id, entity)

    def models(self) -> Iterator[AnyEntity]:
        """Yield the model of every file that validated, in file order."""
        for entity in self.entities:
            if isinstance(entity.model, Organization | Letter | Campaign | Mission):
                yield entity.model

    def by_id(self, kind: str, entity_id: str) -> Entity[Any] | None:
        """Return the first file of ``kind`` that declares ``entity_id``, if any."""
        return self.known_ids[kind].get(entity_id)
