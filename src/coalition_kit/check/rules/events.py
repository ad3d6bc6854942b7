"""Events: unique ids within a campaign, a time zone for every clock time, ends after starts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from coalition_kit.check.dataset import Entity
from coalition_kit.check.rules.registry import RuleContext, entity_rule
from coalition_kit.models import Campaign
from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem


@entity_rule(
    "events-well-formed", "Event ids are unique in a campaign; timed events have a time zone."
)
def events_well_formed(
    entity: Entity[Any], model: Campaign, context: RuleContext
) -> Iterator[Problem]:
    """Report duplicate event ids, clock times without a time zone, and ends before starts."""
    campaign = model
    seen: set[str] = set()
    for index, event in enumerate(campaign.events):
        base = ("events", index)
        if event.id in seen:
            yield entity.problem(
                (*base, "id"), Code.EVENT_ID_DUPLICATE, f"another event is already '{event.id}'"
            )
        seen.add(event.id)
        timed = any(value and "T" in value for value in (event.start, event.end))
        if (timed or (event.recurrence and event.recurrence.time)) and event.timezone is None:
            yield entity.problem(
                base,
                Code.EVENT_TIMEZONE_MISSING,
                f"event '{event.id}' has a clock time but no 'timezone'",
            )
        if event.start and event.end and _comparable(event.end) < _comparable(event.start):
            yield entity.problem(
                (*base, "end"), Code.DATE_ORDER, f"event '{event.id}' ends before it starts"
            )


def _comparable(value: str) -> str:
    return value if "T" in value else f"{value}T00:00"
