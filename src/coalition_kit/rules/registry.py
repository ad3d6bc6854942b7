"""The table of registered rules and the function that runs them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from coalition_kit.dataset import Dataset
from coalition_kit.problems import Problem

__all__ = ["RULES", "Rule", "RuleContext", "rule", "run_rules"]


@dataclass(frozen=True)
class RuleContext:
    """What rules may need besides the data: today's date, for checks of dates in the future."""

    today: dt.date


RuleCheck = Callable[[Dataset, RuleContext], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A registered dataset-wide check."""

    id: str
    description: str
    check: RuleCheck


RULES: list[Rule] = []
"""Every registered rule, in the order they run."""


def rule(rule_id: str, description: str) -> Callable[[RuleCheck], RuleCheck]:
    """Register the decorated function as a rule with ``rule_id``."""

    def register(check: RuleCheck) -> RuleCheck:
        if any(existing.id == rule_id for existing in RULES):
            raise ValueError(f"rule {rule_id!r} is registered twice")
        RULES.append(Rule(rule_id, description, check))
        return check

    return register


def run_rules(dataset: Dataset, context: RuleContext) -> list[Problem]:
    """Run every registered rule over ``dataset`` and return all problems found."""
    problems: list[Problem] = []
    for registered in RULES:
        problems.extend(registered.check(dataset, context))
    return problems
