"""Dates: nothing is verified or retrieved in the future; nothing ends before it starts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from coalition_kit.codes import Code
from coalition_kit.dataset import Dataset
from coalition_kit.models import Campaign, Model
from coalition_kit.models.refs import NotFuture, iter_marked
from coalition_kit.problems import Problem
from coalition_kit.rules.registry import RuleContext, rule


@rule("no-future-checks", "Verification and retrieval dates are not in the future.")
def no_future_checks(dataset: Dataset, context: RuleContext) -> Iterator[Problem]:
    """Report every date marked as a past action that lies after today."""
    for entity, model in dataset.valid(Model):
        for path, value, marker in iter_marked(model):
            if (
                isinstance(marker, NotFuture)
                and isinstance(value, dt.date)
                and value > context.today
            ):
                yield entity.problem(
                    path,
                    Code.DATE_IN_FUTURE,
                    f"{path[-1]} {value.isoformat()} is in the future; "
                    "nobody can have checked it yet",
                )


@rule("campaign-dates-ordered", "A campaign does not end before it starts.")
def campaign_dates_ordered(dataset: Dataset, context: RuleContext) -> Iterator[Problem]:
    """Report campaigns whose end date comes before their start date."""
    for entity, campaign in dataset.valid(Campaign):
        if campaign.start and campaign.end and campaign.end < campaign.start:
            yield entity.problem(
                ("end",),
                Code.DATE_ORDER,
                f"the campaign ends ({campaign.end}) before it starts ({campaign.start})",
            )
