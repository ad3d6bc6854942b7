"""Ids: unique within their kind across the whole tree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from coalition_kit.check.dataset import Dataset, Entity
from coalition_kit.check.rules.registry import RuleContext, dataset_rule
from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem


@dataset_rule("unique-ids", "No two files of one kind declare the same id.")
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


_LOOKALIKES = (("rn", "m"), ("vv", "w"), ("0", "o"), ("1", "l"), ("i", "l"), ("5", "s"), ("-", ""))


def skeleton(entity_id: str) -> str:
    """Reduce an id to what it looks like: characters easy to confuse become one."""
    for written, seen in _LOOKALIKES:
        entity_id = entity_id.replace(written, seen)
    return entity_id


@dataset_rule("distinct-ids", "No two ids of one kind differ only by look-alike characters.")
def distinct_ids(dataset: Dataset, context: RuleContext) -> Iterator[Problem]:
    """Report an id that looks like an earlier id of the same kind."""
    first: dict[tuple[str, str], Entity[Any]] = {}
    for entity in dataset.entities:
        if entity.id is None:
            continue
        key = (entity.kind.name, skeleton(entity.id))
        earlier = first.setdefault(key, entity)
        # Two missions in different places cannot pass for each other (cn-embassy-is, -ls).
        elsewhere = "place" in entity.facts and entity.facts["place"] != earlier.facts.get("place")
        if earlier is not entity and earlier.id != entity.id and not elsewhere:
            yield entity.problem(
                ("id",),
                Code.ID_LOOKALIKE,
                f"'{entity.id}' looks like '{earlier.id}' ({earlier.file}); choose a distinct id",
            )
