"""The project's public addresses, as ``pyproject.toml``'s ``[project.urls]`` gives them.

A test checks that the two agree; the schemas' ``$id`` are made from ``HOMEPAGE``.
"""

from __future__ import annotations

__all__ = ["HOMEPAGE", "SCHEMAS", "SOURCE"]

HOMEPAGE = "https://coalition-kit.github.io/coalition-kit/"
"""The hosted site: the action pages, the documentation and the downloads."""

SOURCE = "https://github.com/coalition-kit/coalition-kit"
"""The repository."""

SCHEMAS = HOMEPAGE + "schemas/"
"""Where the JSON Schemas are published: ``<SCHEMAS><kind>.schema.json``."""
