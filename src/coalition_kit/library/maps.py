"""Entities by id: a read-only mapping that builds models lazily.

Asked for an unknown id, it names the closest ones.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterable, Iterator, Mapping, ValuesView
from typing import Any, Generic, TypeVar

from coalition_kit.library.construct import builder
from coalition_kit.models import Campaign, Letter, Mission, Organization
from coalition_kit.support.arguments import require
from coalition_kit.support.memory import paused_collector
from coalition_kit.support.suggest import did_you_mean, hint

__all__ = ["EntityMap", "UnknownIdError"]

E = TypeVar("E", Organization, Letter, Campaign, Mission)


class UnknownIdError(KeyError):
    """No entity of a kind has the id asked for; the message names the closest ids."""

    def __init__(self, kind: str, entity_id: str, known: Iterable[str]) -> None:
        """Record the kind, the id and the close matches among ``known``."""
        self.kind = kind
        self.entity_id = entity_id
        self.close_matches = did_you_mean(entity_id, known, n=3)
        super().__init__(entity_id)

    def __str__(self) -> str:
        """Say what is missing and what might have been meant."""
        return f"no {self.kind} has the id '{self.entity_id}'{hint(self.close_matches)}"


class EntityMap(Mapping[str, E], Generic[E]):
    """A read-only mapping from id to entity, sorted by id, with helpful errors for unknown ids.

    An entity map built by ``lazy`` holds each entity as plain JSON values and builds its model
    on first access, so that loading a large prebuilt library costs little more than reading it.
    """

    def __init__(self, kind: str, entities: Iterable[E]) -> None:
        """Index ``entities`` of ``kind`` (singular, for messages) by id."""
        self.kind = kind
        self._by_id: dict[str, E] = {
            entity.id: entity for entity in sorted(entities, key=lambda e: e.id)
        }
        self._raw: dict[str, dict[str, Any]] = {}
        self._model: type[E] | None = None
        self._context: dict[str, Any] | None = None
        self._order: list[str] = list(self._by_id)

    @classmethod
    def lazy(
        cls,
        kind: str,
        model: type[E],
        raw: Iterable[dict[str, Any]],
        context: dict[str, Any] | None = None,
    ) -> EntityMap[E]:
        """Return a map of ``kind`` whose entities are built from ``raw`` values on first access.

        ``context`` is the models' validation context (``TRUSTED`` for data validated before).
        """
        mapping: EntityMap[E] = cls(kind, ())
        mapping._raw = {entity["id"]: entity for entity in raw}
        mapping._model = model
        mapping._context = context
        mapping._order = sorted(mapping._raw)
        return mapping

    def __getitem__(self, entity_id: str) -> E:
        """Return the entity with ``entity_id``; raise ``UnknownIdError`` if there is none."""
        require(entity_id, str, f"the {self.kind}s' lookup", f"an id of a {self.kind} (text)")
        try:
            return self._by_id[entity_id]
        except KeyError:
            pass
        if entity_id in self._raw and self._model is not None:
            entity = self._build(self._raw.pop(entity_id))
            self._by_id[entity_id] = entity
            return entity
        raise UnknownIdError(self.kind, entity_id, [*self._by_id, *self._raw])

    def _build(self, raw: dict[str, Any]) -> E:
        """Build one entity: without re-checking trusted data, else by validating it."""
        assert self._model is not None
        if self._context is not None and self._context.get("trusted"):
            try:
                return builder(self._model)(raw)
            except NotImplementedError:
                pass  # a shape the builder does not know: validate, as for any data
        return self._model.model_validate(raw, context=self._context)

    def _build_all(self) -> None:
        """Build every entity not built yet, in one pass with the garbage collector paused.

        Building thousands of small objects would otherwise start a collection every few
        hundred, each walking everything built so far: most of the time of a full pass.
        """
        if not self._raw:
            return
        with paused_collector():
            for entity_id in list(self._raw):
                self._by_id[entity_id] = self._build(self._raw.pop(entity_id))

    def values(self) -> ValuesView[E]:
        """The entities in id order, every one built (in one pass)."""
        self._build_all()
        return _Values(self)

    def items(self) -> ItemsView[str, E]:
        """The (id, entity) pairs in id order, every entity built (in one pass)."""
        self._build_all()
        return _Items(self)

    def __iter__(self) -> Iterator[str]:
        """Iterate over the ids in order."""
        return iter(self._order)

    def __contains__(self, entity_id: object) -> bool:
        """Return True when an entity has ``entity_id``, without building it."""
        return entity_id in self._by_id or entity_id in self._raw

    def __len__(self) -> int:
        """Return the number of entities."""
        return len(self._by_id) + len(self._raw)

    def __repr__(self) -> str:
        """Show the kind and the number of entities."""
        return f"<{len(self)} {self.kind}s>"


class _Values(ValuesView[E]):
    """The built entities in id order, read straight from the map's index."""

    _mapping: EntityMap[E]

    def __iter__(self) -> Iterator[E]:
        built = self._mapping._by_id
        return (built[entity_id] for entity_id in self._mapping._order)


class _Items(ItemsView[str, E]):
    """The (id, entity) pairs in id order, read straight from the map's index."""

    _mapping: EntityMap[E]

    def __iter__(self) -> Iterator[tuple[str, E]]:
        built = self._mapping._by_id
        return ((entity_id, built[entity_id]) for entity_id in self._mapping._order)
