"""Dates: nothing is verified or retrieved in the future; nothing ends before it starts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from coalition_kit.check.dataset import Entity
from coalition_kit.check.rules.registry import RuleContext, entity_rule
from coalition_kit.models import AnyEntity, Campaign
from coalition_kit.models.refs import NotFuture, iter_marked
from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem


@entity_rule("no-future-checks", "Verification and retrieval dates are not in the future.")
def no_future_checks(
    entity: Entity[Any], model: AnyEntity, context: RuleContext
) -> Iterator[Problem]:
    """Report every date marked as a past action that lies after today."""
    for path, value, marker in entity.marked or iter_marked(model):
        if isinstance(marker, NotFuture) and isinstance(value, dt.date) and value > context.today:
            yield entity.problem(
                path,
                Code.DATE_IN_FUTURE,
                f"{path[-1]} {value.isoformat()} is in the future; nobody can have checked it yet",
            )


@entity_rule("campaign-dates-ordered", "A campaign does not end before it starts.")
def campaign_dates_ordered(
    entity: Entity[Any], model: Campaign, context: RuleContext
) -> Iterator[Problem]:
    """Report campaigns whose end date comes before their start date."""
    campaign = model
    if campaign.start and campaign.end and campaign.end < campaign.start:
        yield entity.problem(
            ("end",),
            Code.DATE_ORDER,
            f"the campaign ends ({campaign.end}) before it starts ({campaign.start})",
        )
