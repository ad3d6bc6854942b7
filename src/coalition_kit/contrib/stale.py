"""Entries to check again: missions without an e-mail and entries not verified for long.

One definition of "stale", for ``coalition-kit stale`` and the site's data-quality page. The list
is ordered for a volunteer to work through: first the open missions supporters cannot e-mail,
then the entries never verified, then the ones verified longest ago.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from coalition_kit.models import AnyEntity, Mission, kind_of

__all__ = ["DEFAULT_DAYS", "StaleEntry", "is_stale", "stale_entries"]

DEFAULT_DAYS = 365
"""Entries older than this many days since their last check are listed."""


def is_stale(entity: AnyEntity, *, today: dt.date, older_than: int = DEFAULT_DAYS) -> bool:
    """Return True when ``entity`` was last verified more than ``older_than`` days before today."""
    verified = entity.last_verified
    return verified is not None and (today - verified).days > older_than


@dataclass(frozen=True)
class StaleEntry:
    """An entry that needs a check, and why."""

    kind: str
    id: str
    file: str
    reason: str
    last_verified: dt.date | None

    def as_dict(self) -> dict[str, str | None]:
        """Return the entry as JSON-ready values."""
        return {
            "kind": self.kind,
            "id": self.id,
            "file": self.file,
            "reason": self.reason,
            "last_verified": self.last_verified.isoformat() if self.last_verified else None,
        }


def stale_entries(
    entities: Iterable[tuple[AnyEntity, str]],
    *,
    today: dt.date,
    older_than: int = DEFAULT_DAYS,
) -> list[StaleEntry]:
    """Return the entries to check, most useful first, from ``(entity, file)`` pairs."""
    no_email: list[StaleEntry] = []
    never: list[StaleEntry] = []
    old: list[StaleEntry] = []
    order: dict[str, int] = {}
    for model, file in entities:
        kind = kind_of(model)
        order.setdefault(kind.name, len(order))
        verified = model.last_verified
        if isinstance(model, Mission) and model.needs_email:
            note = next((need.note for need in model.needs if need.field == "email"), None)
            reason = "no current e-mail address" + (f": {note}" if note else "")
            no_email.append(StaleEntry(kind.name, model.id, file, reason, verified))
        elif verified is None:
            never.append(StaleEntry(kind.name, model.id, file, "never verified", None))
        elif is_stale(model, today=today, older_than=older_than):
            days = (today - verified).days
            reason = f"last verified {verified.isoformat()}, {days} days ago"
            old.append(StaleEntry(kind.name, model.id, file, reason, verified))

    def by_kind(entry: StaleEntry) -> tuple[int, str]:
        return order[entry.kind], entry.id

    return (
        sorted(no_email, key=by_kind)
        + sorted(never, key=by_kind)
        + sorted(old, key=lambda entry: (entry.last_verified or today, *by_kind(entry)))
    )
