"""coalition-kit: the coalition's validated data on North Korean refugees' protection, as a library.

Public names are imported lazily, so that ``import coalition_kit`` stays cheap and imports no
YAML, templating or documentation library; they load on first use::

    import coalition_kit

    library = coalition_kit.load("data")
    library.missions["cn-embassy-ca"]
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from coalition_kit._version import __version__

if TYPE_CHECKING:
    from coalition_kit.check.tree import validate
    from coalition_kit.library import Library, UnknownIdError, WritePlan, load
    from coalition_kit.library.routes import mailto
    from coalition_kit.models import Campaign, Letter, Mission, Organization
    from coalition_kit.outputs.letters import render_letter
    from coalition_kit.problems.report import DataValidationError, Problem, Report

__all__ = [
    "Campaign",
    "DataValidationError",
    "Letter",
    "Library",
    "Mission",
    "Organization",
    "Problem",
    "Report",
    "UnknownIdError",
    "WritePlan",
    "__version__",
    "load",
    "mailto",
    "render_letter",
    "validate",
]

_LAZY = {
    "Campaign": "coalition_kit.models",
    "DataValidationError": "coalition_kit.problems.report",
    "Letter": "coalition_kit.models",
    "Library": "coalition_kit.library",
    "Mission": "coalition_kit.models",
    "Organization": "coalition_kit.models",
    "Problem": "coalition_kit.problems.report",
    "Report": "coalition_kit.problems.report",
    "UnknownIdError": "coalition_kit.library",
    "WritePlan": "coalition_kit.library",
    "load": "coalition_kit.library",
    "mailto": "coalition_kit.library.routes",
    "render_letter": "coalition_kit.outputs.letters",
    "validate": "coalition_kit.check.tree",
}


def __getattr__(name: str) -> Any:
    """Import a public name on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'coalition_kit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public names, imported or not."""
    return sorted(set(globals()) | set(__all__))
