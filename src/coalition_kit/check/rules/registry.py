"""The table of rules and the functions that run them.

A rule checks either one entity at a time (``entity_rule``: it may run in a worker process,
beside the file's own checks) or the whole tree (``dataset_rule``: ids, links and facts only, so
it needs no models). An entity rule says which kinds it checks by the type of its ``model``
parameter: ``def check(entity, model: Letter, context)`` runs for letters only, and its body is
type-checked for them.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from coalition_kit.check.dataset import Dataset, Entity
from coalition_kit.models import KINDS, AnyEntity, Model
from coalition_kit.models.introspect import leaves
from coalition_kit.problems.report import Problem

__all__ = [
    "RULES",
    "DatasetRule",
    "EntityRule",
    "RuleContext",
    "dataset_rule",
    "entity_rule",
    "run_dataset_rules",
    "run_entity_rules",
]


@dataclass(frozen=True)
class RuleContext:
    """What rules may need besides the data: today's date, for checks of dates in the future."""

    today: dt.date


EntityCheck = Callable[[Entity[Any], Any, RuleContext], Iterable[Problem]]
DatasetCheck = Callable[[Dataset, RuleContext], Iterable[Problem]]
C = TypeVar("C", bound=Callable[..., Iterable[Problem]])


@dataclass(frozen=True)
class EntityRule:
    """A check of one valid entity of the given kinds."""

    id: str
    description: str
    kinds: tuple[type[Model], ...]
    check: EntityCheck


@dataclass(frozen=True)
class DatasetRule:
    """A check of the whole tree, from each entity's id, links and facts."""

    id: str
    description: str
    check: DatasetCheck


RULES: list[EntityRule | DatasetRule] = []
"""Every registered rule, in the order they run."""
_ENTITY_RULES: list[EntityRule] = []
_DATASET_RULES: list[DatasetRule] = []


def _register(found: EntityRule | DatasetRule) -> None:
    if any(existing.id == found.id for existing in RULES):
        raise ValueError(f"rule {found.id!r} is registered twice")
    RULES.append(found)


def _kinds_checked(check: Callable[..., Any]) -> tuple[type[Model], ...]:
    """The model classes named by the annotation of a check's ``model`` parameter."""
    annotation = typing.get_type_hints(check).get("model")
    models = tuple(leaf.type for leaf in leaves(annotation))
    known = {kind.model for kind in KINDS}
    if not models or not set(models) <= known:
        raise TypeError(
            f"rule {check.__name__}: annotate 'model' with the kinds it checks "
            "(Organization, Letter, Campaign, Mission, or a union of them)"
        )
    return models


def entity_rule(rule_id: str, description: str) -> Callable[[C], C]:
    """Register the decorated ``check(entity, model, context)`` as a rule of one entity.

    It runs for each valid entity whose model is of a kind its ``model`` annotation names.
    """

    def register(check: C) -> C:
        found = EntityRule(rule_id, description, _kinds_checked(check), check)
        _register(found)
        _ENTITY_RULES.append(found)
        return check

    return register


def dataset_rule(rule_id: str, description: str) -> Callable[[C], C]:
    """Register the decorated ``check(dataset, context)`` as a rule of the whole tree."""

    def register(check: C) -> C:
        found = DatasetRule(rule_id, description, check)
        _register(found)
        _DATASET_RULES.append(found)
        return check

    return register


def run_entity_rules(entity: Entity[Any], model: AnyEntity, context: RuleContext) -> list[Problem]:
    """Run the rules of ``model``'s kind on one valid entity."""
    problems: list[Problem] = []
    for registered in _ENTITY_RULES:
        if isinstance(model, registered.kinds):
            problems.extend(registered.check(entity, model, context))
    return problems


def run_dataset_rules(dataset: Dataset, context: RuleContext) -> list[Problem]:
    """Run every rule of the whole tree over ``dataset``."""
    problems: list[Problem] = []
    for registered in _DATASET_RULES:
        problems.extend(registered.check(dataset, context))
    return problems
