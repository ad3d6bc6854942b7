"""Missions: a mission that is no longer open says since when, and its successor fits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from coalition_kit.check.dataset import Entity
from coalition_kit.check.rules.registry import RuleContext, entity_rule
from coalition_kit.models import Mission
from coalition_kit.models.mission import MissionState
from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem


@entity_rule(
    "mission-status-dated", "A closed, suspended or relocated mission has the date it took effect."
)
def mission_status_dated(
    entity: Entity[Any], model: Mission, context: RuleContext
) -> Iterator[Problem]:
    """Report missions that are no longer open but lack ``status.since``."""
    mission = model
    status = mission.status
    if status.state is not MissionState.OPEN and status.since is None:
        yield entity.problem(
            ("status", "state"),
            Code.MISSION_CLOSED_WITHOUT_DATE,
            f"the mission is {status.state.value} but 'status.since' is missing: "
            "add the date it took effect, and its source",
        )


@entity_rule(
    "mission-successor", "A successor is another mission, given only for one no longer open."
)
def mission_successor(
    entity: Entity[Any], model: Mission, context: RuleContext
) -> Iterator[Problem]:
    """Report a successor that is the mission itself, or one given for an open mission."""
    mission = model
    successor = mission.status.successor
    if successor is None:
        return
    if successor == mission.id:
        yield entity.problem(
            ("status", "successor"),
            Code.MISSION_SUCCESSOR_INVALID,
            "a mission cannot be its own successor",
        )
    elif mission.status.state is MissionState.OPEN:
        yield entity.problem(
            ("status", "successor"),
            Code.MISSION_SUCCESSOR_INVALID,
            "an open mission has no successor; set 'status.state' or remove 'successor'",
        )
