"""Build hook: refuse to build from invalid data or stale schemas; prebuild the data into the wheel.

The wheel gets ``coalition_kit/_bundle.json``, made from ``data/`` at build time, so the installed
``load()`` parses no YAML and the prebuilt form can never lag behind its source.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    """Validate the data and the schemas, then add the prebuilt bundle to the wheel."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Run before the wheel is assembled."""
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))
        from coalition_kit.check.tree import validate_tree
        from coalition_kit.library import library_from_models
        from coalition_kit.library.bundle import bundle_bytes, bundle_digest, data_digest
        from coalition_kit.outputs.schemas import stale_schemas

        stale = stale_schemas(root / "schemas")
        if stale:
            raise RuntimeError(
                "schemas/ is out of date; run 'coalition-kit schemas':\n" + "\n".join(stale)
            )
        validation = validate_tree(root / "data")
        if not validation.report.ok:
            problems = "\n".join(str(problem) for problem in validation.report)
            raise RuntimeError(f"the data has problems; the package is not built:\n{problems}")
        library = library_from_models(validation.dataset.models())
        output = Path(tempfile.mkdtemp(prefix="coalition-kit-bundle-")) / "_bundle.json"
        raw = bundle_bytes(library, data_digest(root / "data"))
        output.write_bytes(raw)
        build_data["force_include"][str(output)] = "coalition_kit/_bundle.json"
        # The bundle's own digest: an installed load() trusts the bytes only while they match.
        digest = output.with_name("_bundle.sha256")
        digest.write_text(bundle_digest(raw) + "\n", encoding="ascii")
        build_data["force_include"][str(digest)] = "coalition_kit/_bundle.sha256"
