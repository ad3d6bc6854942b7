"""The validated library: every entity by kind and id, loaded from a data tree."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from coalition_kit.models import AnyEntity, Campaign, Letter, Mission, Model, Organization
from coalition_kit.validation import validate_tree

__all__ = ["Library", "default_data_path", "load"]


def default_data_path() -> Path:
    """Return the data shipped with the package, or the repository's ``data/`` in a checkout."""
    packaged = Path(__file__).parent / "_data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def _by_id(models: list[Any]) -> Mapping[str, Any]:
    return MappingProxyType({model.id: model for model in sorted(models, key=lambda m: m.id)})


class Library(Mapping[str, Mapping[str, AnyEntity]]):
    """Every organization, letter, campaign and mission, each a read-only mapping from id to model.

    A ``Library`` is also a mapping from kind name (``"organizations"``, ``"letters"``,
    ``"campaigns"``, ``"missions"``) to those mappings.
    """

    def __init__(
        self,
        organizations: list[Organization],
        letters: list[Letter],
        campaigns: list[Campaign],
        missions: list[Mission],
    ) -> None:
        """Build a library from validated models."""
        self.organizations: Mapping[str, Organization] = _by_id(organizations)
        self.letters: Mapping[str, Letter] = _by_id(letters)
        self.campaigns: Mapping[str, Campaign] = _by_id(campaigns)
        self.missions: Mapping[str, Mission] = _by_id(missions)

    def __getitem__(self, kind: str) -> Mapping[str, AnyEntity]:
        """Return the entities of ``kind`` (a folder name such as ``"missions"``) by id."""
        if kind not in _KIND_ATTRIBUTES:
            raise KeyError(f"no kind {kind!r}; the kinds are {', '.join(_KIND_ATTRIBUTES)}")
        mapping: Mapping[str, AnyEntity] = getattr(self, kind)
        return mapping

    def __iter__(self) -> Iterator[str]:
        """Iterate over the kind names."""
        return iter(_KIND_ATTRIBUTES)

    def __len__(self) -> int:
        """Return the number of kinds."""
        return len(_KIND_ATTRIBUTES)

    def __repr__(self) -> str:
        """Summarise the library by counts."""
        counts = ", ".join(f"{len(self[kind])} {kind}" for kind in _KIND_ATTRIBUTES)
        return f"<Library {counts}>"


_KIND_ATTRIBUTES = ("organizations", "letters", "campaigns", "missions")


def load(path: str | os.PathLike[str] | None = None) -> Library:
    """Load and validate the data tree at ``path`` (the bundled data by default).

    Raises:
        DataValidationError: When the data has problems; it carries every one of them.
    """
    validation = validate_tree(default_data_path() if path is None else path)
    validation.report.raise_for_problems()
    models: dict[type[Model], list[Any]] = {Organization: [], Letter: [], Campaign: [], Mission: []}
    for _entity, model in validation.dataset.valid(Model):
        models[type(model)].append(model)
    return Library(models[Organization], models[Letter], models[Campaign], models[Mission])
