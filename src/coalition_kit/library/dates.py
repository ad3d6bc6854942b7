"""Dates of recurring days and of campaign events: the next 24 September, an event's start."""

from __future__ import annotations

import calendar
import datetime as dt
from zoneinfo import ZoneInfo

from coalition_kit.models.event import Event, Frequency, Recurrence

__all__ = ["event_start", "next_occurrence"]


def _yearly_date(year: int, month: int, day: int) -> dt.date:
    # 29 February falls on 28 February in years that lack it.
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def next_occurrence(recurrence: Recurrence, after: dt.date) -> dt.date:
    """Return the first day on or after ``after`` on which ``recurrence`` falls."""
    if recurrence.frequency is Frequency.DAILY:
        return after
    if recurrence.frequency is Frequency.WEEKLY:
        assert recurrence.weekday is not None
        return after + dt.timedelta(days=(recurrence.weekday - after.isoweekday()) % 7)
    assert recurrence.month is not None and recurrence.day is not None
    this_year = _yearly_date(after.year, recurrence.month, recurrence.day)
    if this_year >= after:
        return this_year
    return _yearly_date(after.year + 1, recurrence.month, recurrence.day)


def event_start(event: Event) -> dt.datetime | dt.date | None:
    """Return an event's start: an aware datetime when it has a time, a date for an all-day event."""
    if event.start is None:
        return None
    if "T" not in event.start:
        return dt.date.fromisoformat(event.start)
    start = dt.datetime.fromisoformat(event.start)
    return start.replace(tzinfo=ZoneInfo(event.timezone)) if event.timezone else start
