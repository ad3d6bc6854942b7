"""The table of registered rules and the functions that run them.

A rule checks either one entity at a time (``scope="entity"``: it may run in a worker process,
beside the file's own checks) or the whole tree (``scope="dataset"``: ids and links only, so it
needs no models).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from coalition_kit.dataset import Dataset, Entity
from coalition_kit.models import AnyEntity
from coalition_kit.problems import Problem

__all__ = [
    "RULES",
    "Rule",
    "RuleContext",
    "rule",
    "run_dataset_rules",
    "run_entity_rules",
    "run_rules",
]


@dataclass(frozen=True)
class RuleContext:
    """What rules may need besides the data: today's date, for checks of dates in the future."""

    today: dt.date


EntityCheck = Callable[[Entity[Any], Any, RuleContext], Iterable[Problem]]
DatasetCheck = Callable[[Dataset, RuleContext], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A registered check, of one entity or of the whole tree."""

    id: str
    description: str
    check: Callable[..., Iterable[Problem]]
    scope: Literal["entity", "dataset"]


RULES: list[Rule] = []
"""Every registered rule, in the order they run."""


def rule(
    rule_id: str, description: str, *, scope: Literal["entity", "dataset"] = "entity"
) -> Callable[[Callable[..., Iterable[Problem]]], Callable[..., Iterable[Problem]]]:
    """Register the decorated function as a rule with ``rule_id``.

    An entity rule is called as ``check(entity, model, context)`` for each valid entity; a
    dataset rule as ``check(dataset, context)`` once.
    """

    def register(check: Callable[..., Iterable[Problem]]) -> Callable[..., Iterable[Problem]]:
        if any(existing.id == rule_id for existing in RULES):
            raise ValueError(f"rule {rule_id!r} is registered twice")
        RULES.append(Rule(rule_id, description, check, scope))
        return check

    return register


def run_entity_rules(entity: Entity[Any], model: AnyEntity, context: RuleContext) -> list[Problem]:
    """Run every entity rule on one valid entity."""
    problems: list[Problem] = []
    for registered in RULES:
        if registered.scope == "entity":
            problems.extend(registered.check(entity, model, context))
    return problems


def run_dataset_rules(dataset: Dataset, context: RuleContext) -> list[Problem]:
    """Run every dataset rule over ``dataset``."""
    problems: list[Problem] = []
    for registered in RULES:
        if registered.scope == "dataset":
            problems.extend(registered.check(dataset, context))
    return problems


def run_rules(dataset: Dataset, context: RuleContext) -> list[Problem]:
    """Run every rule: the entity rules on each valid entity, then the dataset rules."""
    problems: list[Problem] = []
    for entity in dataset.entities:
        if entity.model is not None:
            problems.extend(run_entity_rules(entity, entity.model, context))
    problems.extend(run_dataset_rules(dataset, context))
    return problems
