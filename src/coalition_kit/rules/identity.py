"""Ids: unique within their kind across the whole tree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from coalition_kit.codes import Code
from coalition_kit.dataset import Dataset, Entity
from coalition_kit.problems import Problem
from coalition_kit.rules.registry import RuleContext, rule


@rule("unique-ids", "No two files of one kind declare the same id.")
def unique_ids(dataset: Dataset, context: RuleContext) -> Iterator[Problem]:
    """Report every file whose id an earlier file of the same kind already declared."""
    first: dict[tuple[str, str], Entity[Any]] = {}
    for entity in dataset.entities:
        if entity.id is None:
            continue
        key = (entity.kind.name, entity.id)
        if key in first:
            yield entity.problem(
                ("id",),
                Code.ID_DUPLICATE,
                f"{entity.kind.name} id '{entity.id}' is already declared in {first[key].file}",
            )
        else:
            first[key] = entity
