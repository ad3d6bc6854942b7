"""The prebuilt form of the data: every entity as JSON, in a stable order, with the digest of its source.

The wheel carries ``_bundle.json``, built from ``data/`` by the build hook after the data has
validated, so that an installed ``load()`` parses no YAML. The digest of the YAML files it was
built from is stored with it; the tests rebuild it from ``data/`` and compare.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from coalition_kit._version import __version__
from coalition_kit.models import KINDS, Campaign, Letter, Mission, Organization

if TYPE_CHECKING:
    from coalition_kit.library import Library

__all__ = [
    "BUNDLE_FILE",
    "BUNDLE_FORMAT",
    "bundle_bytes",
    "bundle_dict",
    "bundled_library",
    "data_digest",
    "library_from_bundle",
]

BUNDLE_FORMAT = 1
"""The version of the bundle's layout; it changes when the layout does."""

BUNDLE_FILE = Path(__file__).parent / "_bundle.json"
"""Where the installed package keeps its prebuilt data."""


class _Bundle(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    format: Literal[1]
    organizations: list[Organization]
    letters: list[Letter]
    campaigns: list[Campaign]
    missions: list[Mission]


def data_digest(root: Path) -> str:
    """Return the SHA-256 of the data files under ``root`` (their paths and bytes, in order)."""
    digest = hashlib.sha256()
    for kind in KINDS:
        for path in sorted((root / kind.folder).rglob("*.yaml")):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def bundle_dict(library: Library, source_digest: str | None = None) -> dict[str, Any]:
    """Return the bundle of ``library`` as plain JSON values, entities sorted by id."""
    bundle: dict[str, Any] = {
        "format": BUNDLE_FORMAT,
        "coalition_kit": __version__,
        "source_digest": source_digest,
    }
    for kind in KINDS:
        bundle[kind.folder] = [
            entity.model_dump(mode="json", exclude_none=True)
            for entity in library[kind.folder].values()
        ]
    return bundle


def bundle_bytes(
    library: Library, source_digest: str | None = None, *, indent: int | None = None
) -> bytes:
    """Return the bundle of ``library`` as UTF-8 JSON; compact unless ``indent`` is given."""
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(
        bundle_dict(library, source_digest),
        ensure_ascii=False,
        indent=indent,
        separators=separators,
    )
    return (text + "\n").encode("utf-8")


def library_from_bundle(raw: bytes) -> Library:
    """Build a ``Library`` from bundle bytes, validating every entity against its model.

    Raises:
        ValueError: When the bundle's layout is not one this version reads.
    """
    from coalition_kit.library import Library

    try:
        bundle = _Bundle.model_validate_json(raw)
    except ValidationError as error:
        raise ValueError(f"not a coalition-kit bundle of format {BUNDLE_FORMAT}: {error}") from None
    return Library(bundle.organizations, bundle.letters, bundle.campaigns, bundle.missions)


def bundled_library() -> Library | None:
    """Return the library prebuilt into the installed package, or None in a source checkout."""
    if not BUNDLE_FILE.is_file():
        return None
    return library_from_bundle(BUNDLE_FILE.read_bytes())
