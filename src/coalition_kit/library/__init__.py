"""The validated library: entities by id, links both ways, queries, the prebuilt bundle, the public view.

``load()`` (in ``loading``) returns a ``Library`` (in ``library``), from the bundle an installed
package carries or from a data tree it validates first.
"""

from __future__ import annotations

from coalition_kit.library.library import Library
from coalition_kit.library.links import campaign_letter_ids, campaign_mission_ids
from coalition_kit.library.loading import default_data_path, library_from_models, load
from coalition_kit.library.maps import EntityMap, UnknownIdError
from coalition_kit.library.writing import WritePlan, resolve_country

__all__ = [
    "EntityMap",
    "Library",
    "UnknownIdError",
    "WritePlan",
    "campaign_letter_ids",
    "campaign_mission_ids",
    "default_data_path",
    "library_from_models",
    "load",
    "resolve_country",
]
