"""The data-quality report: what volunteers should check or find next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coalition_kit.contrib.stale import is_stale
from coalition_kit.library import Library
from coalition_kit.models import AnyEntity, Mission

__all__ = ["QualityReport", "quality_report"]


@dataclass(frozen=True)
class QualityReport:
    """Lists of entries that need a volunteer's attention."""

    missions_without_email: list[Mission]
    stale: list[AnyEntity]
    never_verified: list[AnyEntity]
    closed_missions: list[Mission]


def quality_report(library: Library, today: dt.date) -> QualityReport:
    """Return what needs checking in ``library`` as of ``today``."""
    entities: list[AnyEntity] = [entity for kind in library for entity in library[kind].values()]
    return QualityReport(
        missions_without_email=[m for m in library.missions.values() if m.needs_email],
        stale=sorted(
            (entity for entity in entities if is_stale(entity, today=today)),
            key=lambda entity: (entity.last_verified or today, entity.id),
        ),
        never_verified=[entity for entity in entities if entity.last_verified is None],
        closed_missions=[mission for mission in library.missions.values() if not mission.is_open],
    )
