"""The prebuilt form of the data: every entity as JSON, in a stable order, with the digest of its source.

The wheel carries ``_bundle.json``, built from ``data/`` by the build hook after the data has
validated, so that an installed ``load()`` parses no YAML. The digest of the YAML files it was
built from is stored with it; the tests rebuild it from ``data/`` and compare.

Beside it, ``_bundle.sha256`` holds the digest of the bundle's own bytes. When they match, the
entities are built without re-running the format checks they passed at build time (``TRUSTED``):
every entity at about the cost of parsing the JSON. When they do not (a changed or damaged
bundle), every check runs again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from coalition_kit._version import __version__
from coalition_kit.library.library import Library
from coalition_kit.library.maps import EntityMap
from coalition_kit.models import KINDS, Campaign, Letter, Mission, Organization
from coalition_kit.models.base import TRUSTED
from coalition_kit.support.memory import paused_collector

__all__ = [
    "BUNDLE_DIGEST_FILE",
    "BUNDLE_FILE",
    "BUNDLE_FORMAT",
    "bundle_bytes",
    "bundle_dict",
    "bundle_digest",
    "bundled_library",
    "data_digest",
    "library_from_bundle",
]

BUNDLE_FORMAT = 1
"""The version of the bundle's layout; it changes when the layout does."""

BUNDLE_FILE = Path(__file__).parents[1] / "_bundle.json"
"""Where the installed package keeps its prebuilt data."""

BUNDLE_DIGEST_FILE = BUNDLE_FILE.with_name("_bundle.sha256")
"""The SHA-256 of ``BUNDLE_FILE``'s bytes, written with it at build time."""


def bundle_digest(raw: bytes) -> str:
    """Return the SHA-256 of a bundle's bytes, as written to ``BUNDLE_DIGEST_FILE``."""
    return hashlib.sha256(raw).hexdigest()


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


def library_from_bundle(raw: bytes, digest: str | None = None) -> Library:
    """Build a ``Library`` from bundle bytes; each entity's model is built on first access.

    With ``digest``, the SHA-256 the build recorded for these bytes, and when it matches, the
    models are built without the format checks the data passed at build time; otherwise each
    model is fully validated when first used.

    Raises:
        ValueError: When the bytes are not a bundle of the layout this version reads.
    """
    try:
        with paused_collector():
            data = json.loads(raw)
    except ValueError as error:
        raise ValueError(f"not a coalition-kit bundle: {error}") from None
    if not isinstance(data, dict) or data.get("format") != BUNDLE_FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise ValueError(f"not a coalition-kit bundle of format {BUNDLE_FORMAT} (found {found!r})")
    context = TRUSTED if digest is not None and bundle_digest(raw) == digest else None
    return Library.from_maps(
        EntityMap.lazy("organization", Organization, data["organizations"], context),
        EntityMap.lazy("letter", Letter, data["letters"], context),
        EntityMap.lazy("campaign", Campaign, data["campaigns"], context),
        EntityMap.lazy("mission", Mission, data["missions"], context),
    )


def bundled_library() -> Library | None:
    """Return the library prebuilt into the installed package, or None in a source checkout."""
    if not BUNDLE_FILE.is_file():
        return None
    digest = BUNDLE_DIGEST_FILE.read_text("ascii").strip() if BUNDLE_DIGEST_FILE.is_file() else None
    return library_from_bundle(BUNDLE_FILE.read_bytes(), digest)
