"""Entries to check again: missions without an e-mail and entries not verified for long.

The list is ordered for a volunteer to work through: first the open missions supporters cannot
e-mail, then the entries never verified, then the ones verified longest ago.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coalition_kit.dataset import Dataset
from coalition_kit.models import KINDS, AnyEntity, Mission

__all__ = ["DEFAULT_DAYS", "StaleEntry", "stale_entries"]

DEFAULT_DAYS = 365
"""Entries older than this many days since their last check are listed."""


@dataclass(frozen=True)
class StaleEntry:
    """An entry that needs a check, and why."""

    kind: str
    id: str
    file: str
    reason: str
    last_verified: dt.date | None


def stale_entries(
    dataset: Dataset, *, today: dt.date, older_than: int = DEFAULT_DAYS
) -> list[StaleEntry]:
    """Return the entries to check, most useful first."""
    limit = today - dt.timedelta(days=older_than)
    order = {kind.name: index for index, kind in enumerate(KINDS)}
    no_email: list[StaleEntry] = []
    never: list[StaleEntry] = []
    old: list[StaleEntry] = []
    for entity in dataset.entities:
        model: AnyEntity | None = entity.model
        if model is None:
            continue
        verified = model.last_verified
        if isinstance(model, Mission) and model.needs_email:
            note = next((need.note for need in model.needs if need.field == "email"), None)
            reason = "no current e-mail address" + (f": {note}" if note else "")
            no_email.append(StaleEntry(entity.kind.name, model.id, entity.file, reason, verified))
        elif verified is None:
            never.append(
                StaleEntry(entity.kind.name, model.id, entity.file, "never verified", None)
            )
        elif verified < limit:
            days = (today - verified).days
            reason = f"last verified {verified.isoformat()}, {days} days ago"
            old.append(StaleEntry(entity.kind.name, model.id, entity.file, reason, verified))

    def by_kind(entry: StaleEntry) -> tuple[int, str]:
        return order[entry.kind], entry.id

    return (
        sorted(no_email, key=by_kind)
        + sorted(never, key=by_kind)
        + sorted(old, key=lambda entry: (entry.last_verified or today, *by_kind(entry)))
    )
