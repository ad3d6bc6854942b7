"""The pydantic models: the single source of truth for every data file and JSON Schema.

``KINDS`` maps each entity kind to its data folder and model; everything that walks the data
(the validator, the schema generator, the docs) reads this one table.
"""

from __future__ import annotations

from dataclasses import dataclass

from coalition_kit.models.campaign import Campaign
from coalition_kit.models.common import Model
from coalition_kit.models.letter import Letter
from coalition_kit.models.mission import Mission
from coalition_kit.models.organization import Organization

__all__ = [
    "KINDS",
    "KINDS_BY_FOLDER",
    "AnyEntity",
    "Campaign",
    "Kind",
    "Letter",
    "Mission",
    "Model",
    "Organization",
]


AnyEntity = Organization | Letter | Campaign | Mission
"""Any top-level entity: what one data file holds."""


@dataclass(frozen=True)
class Kind:
    """One kind of entity: its name, its folder under ``data/`` and its model."""

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
