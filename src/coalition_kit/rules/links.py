"""Links: every id that names another entity names one that exists."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from coalition_kit.codes import Code
from coalition_kit.dataset import Dataset
from coalition_kit.models import Campaign, Model
from coalition_kit.models.refs import Ref, iter_marked
from coalition_kit.problems import Problem
from coalition_kit.rules.registry import RuleContext, rule


def _suggestion(value: str, candidates: set[str]) -> str:
    close = difflib.get_close_matches(value, sorted(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


@rule("links-exist", "Every link to an organization, letter, mission, campaign or event resolves.")
def links_exist(dataset: Dataset, context: RuleContext) -> Iterator[Problem]:
    """Report links whose target id is declared by no file of the target kind."""
    for entity, model in dataset.valid(Model):
        event_ids = {event.id for event in model.events} if isinstance(model, Campaign) else set()
        for path, value, marker in iter_marked(model):
            if not isinstance(marker, Ref):
                continue
            if marker.kind == "event":
                if value not in event_ids:
                    yield entity.problem(
                        path,
                        Code.LINK_UNKNOWN,
                        f"this campaign has no event '{value}'{_suggestion(value, event_ids)}",
                    )
                continue
            known = dataset.known_ids[marker.kind]
            if value not in known:
                yield entity.problem(
                    path,
                    Code.LINK_UNKNOWN,
                    f"no {marker.kind} has the id '{value}'{_suggestion(value, known)}",
                )
