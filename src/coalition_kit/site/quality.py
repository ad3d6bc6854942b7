"""The data-quality report: what volunteers should check or find next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coalition_kit.contrib.stale import StaleEntry, is_stale, stale_entries
from coalition_kit.library import Library
from coalition_kit.models import AnyEntity, Mission

__all__ = ["LISTED", "TO_VERIFY", "QualityReport", "quality_report"]

TO_VERIFY = 40
"""How many entries the page lists to verify next (the command lists them all)."""

LISTED = 500
"""How many entries the page lists under each other heading; the heading gives the count.

A large tree has tens of thousands never verified: a page listing them all weighs megabytes
on a phone (and took seconds of each build), and ``coalition-kit stale`` lists them all.
"""


@dataclass(frozen=True)
class QualityReport:
    """Lists of entries that need a volunteer's attention."""

    to_verify: list[StaleEntry]
    """The first entries to check, ranked as ``coalition-kit stale`` ranks them."""
    to_verify_total: int
    missions_without_email: list[Mission]
    stale: list[AnyEntity]
    never_verified: list[AnyEntity]
    closed_missions: list[Mission]


def quality_report(library: Library, today: dt.date) -> QualityReport:
    """Return what needs checking in ``library`` as of ``today``."""
    entities: list[AnyEntity] = [entity for kind in library for entity in library[kind].values()]
    ranked = stale_entries(((entity, "") for entity in entities), today=today)
    return QualityReport(
        to_verify=ranked[:TO_VERIFY],
        to_verify_total=len(ranked),
        missions_without_email=[m for m in library.missions.values() if m.needs_email],
        stale=sorted(
            (entity for entity in entities if is_stale(entity, today=today)),
            key=lambda entity: (entity.last_verified or today, entity.id),
        ),
        never_verified=[entity for entity in entities if entity.last_verified is None],
        closed_missions=[mission for mission in library.missions.values() if not mission.is_open],
    )
