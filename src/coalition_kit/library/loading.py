"""Loading the library: the prebuilt bundle of an installed package, or a data tree, validated."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from coalition_kit.library.bundle import bundled_library
from coalition_kit.library.library import Library
from coalition_kit.models import AnyEntity, Campaign, Letter, Mission, Organization
from coalition_kit.support.arguments import require_path

__all__ = ["default_data_path", "library_from_models", "load"]


def default_data_path() -> Path:
    """Return the data shipped with the package, or the repository's ``data/`` in a checkout."""
    packaged = Path(__file__).parents[1] / "_data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


def load(path: str | os.PathLike[str] | None = None) -> Library:
    """Load the library: the bundled data by default, or the data tree at ``path``.

    The installed package carries a prebuilt form of its data, checked when the package was
    built, so loading it parses no YAML. A ``path`` is validated in full.

    Raises:
        DataValidationError: When the data at ``path`` has problems; it carries every one.
    """
    if path is not None:
        require_path(path, "load(): path")
    if path is None:
        prebuilt = bundled_library()
        if prebuilt is not None:
            return prebuilt
        path = default_data_path()
    # The checker, and with it the YAML reader, is imported only to validate a tree: loading the
    # prebuilt bundle of an installed package needs neither (a script's start-up stays short).
    from coalition_kit.check.tree import validate_tree

    validation = validate_tree(path)
    validation.report.raise_for_problems()
    return library_from_models(validation.dataset.models())


def library_from_models(models: Iterable[AnyEntity]) -> Library:
    """Sort validated models into a ``Library`` by their kind."""
    entities = list(models)
    return Library(
        organizations=[m for m in entities if isinstance(m, Organization)],
        letters=[m for m in entities if isinstance(m, Letter)],
        campaigns=[m for m in entities if isinstance(m, Campaign)],
        missions=[m for m in entities if isinstance(m, Mission)],
    )
