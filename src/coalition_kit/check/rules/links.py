"""Links: every id that names another entity names one that exists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from coalition_kit.check.dataset import Dataset, Entity
from coalition_kit.check.rules.registry import RuleContext, dataset_rule, entity_rule
from coalition_kit.models import Campaign
from coalition_kit.models.refs import Ref, iter_marked
from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem
from coalition_kit.reading.document import NodePath
from coalition_kit.support.suggest import Suggester, hint

__all__ = ["entity_links"]


def entity_links(marked: Iterable[tuple[NodePath, Any, Any]]) -> list[tuple[NodePath, str, str]]:
    """Return where an entity names another: ``(path, kind, id)``, campaign events aside.

    ``marked`` is what ``iter_marked`` finds in the entity's model.
    """
    return [
        (path, marker.kind, value)
        for path, value, marker in marked
        if isinstance(marker, Ref) and marker.kind != "event"
    ]


@entity_rule("event-links-exist", "A campaign's actions name events the campaign has.")
def event_links_exist(
    entity: Entity[Any], model: Campaign, context: RuleContext
) -> Iterator[Problem]:
    """Report a call to action that names an event the campaign does not list."""
    event_ids = {event.id for event in model.events}
    suggester = Suggester(event_ids)
    for path, value, marker in entity.marked or iter_marked(model):
        if isinstance(marker, Ref) and marker.kind == "event" and value not in event_ids:
            yield entity.problem(
                path,
                Code.LINK_UNKNOWN,
                f"this campaign has no event '{value}'{hint(suggester.closest(value))}",
            )


@dataset_rule("links-exist", "Every link to an organization, letter, mission or campaign resolves.")
def links_exist(dataset: Dataset, context: RuleContext) -> Iterator[Problem]:
    """Report links whose target id is declared by no file of the target kind."""
    suggesters: dict[str, Suggester] = {}
    for entity in dataset.entities:
        for path, kind, value in entity.links:
            known = dataset.known_ids[kind]
            if value not in known:
                if kind not in suggesters:
                    suggesters[kind] = Suggester(known)
                yield entity.problem(
                    path,
                    Code.LINK_UNKNOWN,
                    f"no {kind} has the id '{value}'{hint(suggesters[kind].closest(value))}",
                )
