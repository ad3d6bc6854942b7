"""Entries to check again, ranked by how many supporters a check would help.

One definition, for ``coalition-kit stale`` and the site's data-quality page. Missions come
first, by reach: those a current campaign names, then the only open mission of a country (every
supporter there depends on it), then embassies, then the other consulates; organizations,
letters and campaigns follow. Within a rank, the most urgent first: a mission with no way to
deliver a letter, then one without an e-mail address, then values copied from a data set that
nobody has checked, then entries never verified, then those verified longest ago.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from coalition_kit.models import AnyEntity, Campaign, Mission, kind_of
from coalition_kit.models.campaign import CampaignStatus, WriteAction
from coalition_kit.models.mission import MissionKind

__all__ = ["DEFAULT_DAYS", "Reach", "StaleEntry", "is_stale", "stale_entries"]

DEFAULT_DAYS = 365
"""Entries older than this many days since their last check are listed."""


class Reach(IntEnum):
    """How many supporters an entry serves, most first."""

    NAMED = 0
    """A mission a current campaign names."""
    ONLY_ONE = 1
    """The only open mission in its country."""
    EMBASSY = 2
    """An embassy (with consulates beside it)."""
    OTHER_MISSION = 3
    """A consulate, or a mission that is not open."""
    OTHER = 4
    """An organization, a letter or a campaign."""


def is_stale(entity: AnyEntity, *, today: dt.date, older_than: int = DEFAULT_DAYS) -> bool:
    """Return True when ``entity`` was last verified more than ``older_than`` days before today."""
    verified = entity.last_verified
    return verified is not None and (today - verified).days > older_than


@dataclass(frozen=True)
class StaleEntry:
    """An entry that needs a check, why, and how many supporters it serves."""

    kind: str
    id: str
    file: str
    reason: str
    last_verified: dt.date | None
    reach: Reach = Reach.OTHER

    def as_dict(self) -> dict[str, str | None]:
        """Return the entry as JSON-ready values."""
        return {
            "kind": self.kind,
            "id": self.id,
            "file": self.file,
            "reason": self.reason,
            "reach": self.reach.name.lower().replace("_", "-"),
            "last_verified": self.last_verified.isoformat() if self.last_verified else None,
        }


def _current(campaign: Campaign, today: dt.date) -> bool:
    if campaign.status is CampaignStatus.ENDED or campaign.period is not None:
        return False
    return campaign.end is None or campaign.end >= today


def _named(entities: list[AnyEntity], today: dt.date) -> set[str]:
    """The missions current campaigns name, as targets or in their calls to write."""
    named: set[str] = set()
    for campaign in entities:
        if isinstance(campaign, Campaign) and _current(campaign, today):
            named.update(campaign.targets.missions if campaign.targets else [])
            for action in campaign.calls_to_action:
                if isinstance(action, WriteAction):
                    named.update(action.missions)
    return named


def _reach(entity: AnyEntity, named: set[str], open_per_country: Counter[tuple[str, str]]) -> Reach:
    if not isinstance(entity, Mission):
        return Reach.OTHER
    if entity.id in named:
        return Reach.NAMED
    if not entity.is_open:
        return Reach.OTHER_MISSION
    if open_per_country[(entity.sending_state, entity.host_country)] == 1:
        return Reach.ONLY_ONE
    return Reach.EMBASSY if entity.kind is MissionKind.EMBASSY else Reach.OTHER_MISSION


def _why(entity: AnyEntity, today: dt.date, older_than: int) -> tuple[int, str] | None:
    """How urgent a check is (lower first) and why, or None when the entry needs none."""
    verified = entity.last_verified
    if isinstance(entity, Mission) and entity.is_open:
        if not entity.routes:
            return 0, "no way to deliver a letter: no e-mail, fax, address, website or account"
        if entity.needs_email:
            note = next((need.note for need in entity.needs if need.field == "email"), None)
            return 1, "no current e-mail address" + (f": {note}" if note else "")
        if verified is None and entity.imported is not None:
            return 2, "values copied from a data set that nobody has checked"
    if verified is None:
        return 3, "never verified"
    if is_stale(entity, today=today, older_than=older_than):
        return 4, f"last verified {verified.isoformat()}, {(today - verified).days} days ago"
    return None


def stale_entries(
    entities: Iterable[tuple[AnyEntity, str]],
    *,
    today: dt.date,
    older_than: int = DEFAULT_DAYS,
) -> list[StaleEntry]:
    """Return the entries to check, most useful first, from ``(entity, file)`` pairs."""
    pairs = list(entities)
    models = [model for model, _ in pairs]
    named = _named(models, today)
    open_per_country = Counter(
        (m.sending_state, m.host_country) for m in models if isinstance(m, Mission) and m.is_open
    )
    ranked: list[tuple[tuple[int, int, int, int, str], StaleEntry]] = []
    order: dict[str, int] = {}
    for model, file in pairs:
        kind = kind_of(model)
        order.setdefault(kind.name, len(order))
        why = _why(model, today, older_than)
        if why is None:
            continue
        urgency, reason = why
        reach = _reach(model, named, open_per_country)
        entry = StaleEntry(kind.name, model.id, file, reason, model.last_verified, reach)
        # Among entries verified long ago, the oldest check first.
        age = model.last_verified.toordinal() if model.last_verified else 0
        ranked.append(((reach, urgency, age, order[kind.name], model.id), entry))
    return [entry for _, entry in sorted(ranked, key=lambda pair: pair[0])]
