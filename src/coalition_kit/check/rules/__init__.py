"""Rules: checks that need more than one field, or more than one file.

Each rule is a small function registered with an id and a description (``registry``): an
entity rule checks one valid entity of the kinds its ``model`` annotation names, and may run in
a worker process; a dataset rule checks the whole tree from ids, links and facts. Importing this
package registers every rule module below.
"""

from __future__ import annotations

from coalition_kit.check.rules.links import entity_links
from coalition_kit.check.rules.plausibility import entity_facts
from coalition_kit.check.rules.registry import (
    RULES,
    DatasetRule,
    EntityRule,
    RuleContext,
    run_dataset_rules,
    run_entity_rules,
)

# Importing the rule modules registers their rules.
from coalition_kit.check.rules import (  # noqa: F401  isort: skip
    dates,
    events,
    identity,
    letters,
    links,
    missions,
    plausibility,
    translations,
    privacy,
    social,
)

__all__ = [
    "RULES",
    "DatasetRule",
    "EntityRule",
    "RuleContext",
    "entity_facts",
    "entity_links",
    "run_dataset_rules",
    "run_entity_rules",
]
