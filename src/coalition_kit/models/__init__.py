"""The pydantic models: the single source of truth for every data file and JSON Schema.

``kinds.KINDS`` maps each entity kind to its data folder and model; everything that walks the
data reads that one table. Field types live in ``base``, ``text``, ``formats`` and ``dates``;
values shared by several kinds in ``shared``; one module per kind.
"""

from __future__ import annotations

from coalition_kit.models.base import Model
from coalition_kit.models.campaign import Campaign
from coalition_kit.models.kinds import (
    KINDS,
    KINDS_BY_FOLDER,
    KINDS_BY_NAME,
    AnyEntity,
    Kind,
    kind_named,
    kind_of,
)
from coalition_kit.models.letter import Letter
from coalition_kit.models.mission import Mission
from coalition_kit.models.organization import Organization

__all__ = [
    "KINDS",
    "KINDS_BY_FOLDER",
    "KINDS_BY_NAME",
    "AnyEntity",
    "Campaign",
    "Kind",
    "Letter",
    "Mission",
    "Model",
    "Organization",
    "kind_named",
    "kind_of",
]
