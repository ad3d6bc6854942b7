"""Dataset-wide rules: checks that need more than one field, or more than one file.

Each rule is a small function registered with an id and a description; ``run_rules`` runs them
all, in registration order, over the entities whose files validated.
"""

from __future__ import annotations

from coalition_kit.rules.links import entity_links
from coalition_kit.rules.plausibility import entity_facts
from coalition_kit.rules.registry import (
    RULES,
    Rule,
    RuleContext,
    run_dataset_rules,
    run_entity_rules,
    run_rules,
)

# Importing the rule modules registers their rules.
from coalition_kit.rules import (  # noqa: F401  isort: skip
    dates,
    events,
    identity,
    letters,
    links,
    missions,
    plausibility,
    privacy,
    social,
)

__all__ = [
    "RULES",
    "Rule",
    "RuleContext",
    "entity_facts",
    "entity_links",
    "run_dataset_rules",
    "run_entity_rules",
    "run_rules",
]
