"""The registry of entity kinds: each kind's name, data folder, model and place in every listing.

Everything that walks the data reads this one table: the loader (which folder holds which
kind), the validator, the schemas, the library, the exports, the site and the contributor tools.
"""

from __future__ import annotations

from dataclasses import dataclass

from coalition_kit.models.base import Model
from coalition_kit.models.campaign import Campaign
from coalition_kit.models.letter import Letter
from coalition_kit.models.mission import Mission
from coalition_kit.models.organization import Organization

__all__ = [
    "KINDS",
    "KINDS_BY_FOLDER",
    "KINDS_BY_NAME",
    "AnyEntity",
    "Kind",
    "kind_named",
    "kind_of",
]

AnyEntity = Organization | Letter | Campaign | Mission
"""Any top-level entity: what one data file holds."""


@dataclass(frozen=True)
class Kind:
    """One kind of entity.

    Attributes:
        name: The singular name used in messages and links: ``"organization"``.
        folder: The folder under ``data/`` that holds its files: ``"organizations"``.
        model: The pydantic model of one file.
    """

    name: str
    folder: str
    model: type[Model]


KINDS: tuple[Kind, ...] = (
    Kind("organization", "organizations", Organization),
    Kind("letter", "letters", Letter),
    Kind("campaign", "campaigns", Campaign),
    Kind("mission", "missions", Mission),
)
"""The entity kinds, in the order they are listed and exported."""

KINDS_BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}
"""The entity kinds, by folder name."""

KINDS_BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
"""The entity kinds, by singular name."""

_BY_MODEL: dict[type[Model], Kind] = {kind.model: kind for kind in KINDS}


def kind_of(entity: Model | type[Model]) -> Kind:
    """Return the kind of an entity (or of a model class)."""
    model = entity if isinstance(entity, type) else type(entity)
    return _BY_MODEL[model]


def kind_named(name: str) -> Kind:
    """Return the kind called ``name``, singular or plural; raise ``KeyError`` if none is."""
    kind = KINDS_BY_NAME.get(name) or KINDS_BY_FOLDER.get(name)
    if kind is None:
        raise KeyError(name)
    return kind
