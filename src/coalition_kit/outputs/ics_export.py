"""The iCalendar export: campaign events and yearly days of action, with their time zones.

A calendar holds no contact details, so it needs no public view of the data.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from coalition_kit.library import Library
from coalition_kit.library.dates import event_start, next_occurrence
from coalition_kit.models import Campaign
from coalition_kit.models.event import Event, EventStatus, Frequency
from coalition_kit.models.mission import country_name
from coalition_kit.support.files import write_atomically

__all__ = ["DEFAULT_LENGTH", "PRODUCT_ID", "export_ics", "in_calendar", "to_ics"]

PRODUCT_ID = "-//coalition-kit//coalition-kit//EN"

DEFAULT_LENGTH = dt.timedelta(hours=2)
"""How long a timed event whose source gives no end is shown: calendars need an end."""

# RFC 5545 STATUS of each event status. A full event still takes place; a postponed one has
# no date yet that anyone can rely on.
_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.FULL: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}


def _location(event: Event, library: Library) -> str | None:
    parts: list[str] = []
    if event.venue:
        if event.venue.name:
            parts.append(event.venue.name)
        elif event.venue.mission and event.venue.mission in library.missions:
            parts.append(library.missions[event.venue.mission].display_name)
        if event.venue.address:
            parts.extend(event.venue.address.lines)
    if event.city:
        parts.append(event.city)
    if event.country:
        parts.append(country_name(event.country))
    return ", ".join(dict.fromkeys(parts)) or None


def _first_year(campaign: Campaign) -> int:
    years = [int(event.start[:4]) for event in campaign.events if event.start]
    years += [campaign.start.year] if campaign.start else []
    years += [int(source.published[:4]) for source in campaign.sources if source.published]
    return min(years) if years else dt.date.today().year


@cache
def _vtimezone(tzid: str) -> Any:
    """The VTIMEZONE of an IANA zone; building one takes a while, so each is built once."""
    from icalendar import Timezone

    return Timezone.from_tzid(tzid)


def in_calendar(campaign: Campaign) -> bool:
    """True when the campaign has something a calendar can show: a yearly day or a dated event."""
    yearly = campaign.recurrence is not None and campaign.recurrence.frequency is Frequency.YEARLY
    return yearly or any(event_start(event) is not None for event in campaign.events)


def _url(campaign: Campaign, event: Event | None, page: Callable[[Campaign], str] | None) -> str:
    """Where a reader of the calendar learns more: the event's page, the campaign's, a source."""
    if event is not None and event.rsvp is not None and event.rsvp.url:
        return event.rsvp.url
    if page is not None:
        return page(campaign)
    return next((source.url for source in campaign.sources if source.url), "")


def _end(event: Event, start: dt.date | dt.datetime) -> dt.date | dt.datetime:
    """The end the source gives, or the default length (a timed event) or the day (all-day)."""
    end = event_start(event.model_copy(update={"start": event.end})) if event.end else None
    if end is not None and not isinstance(end, dt.datetime) and not isinstance(start, dt.datetime):
        return max(end, start) + dt.timedelta(days=1)  # an all-day DTEND is the day after
    if end is not None and end > start:
        return end
    if isinstance(start, dt.datetime):
        return start + DEFAULT_LENGTH
    return start + dt.timedelta(days=1)


def _default_stamp() -> dt.datetime:
    """When the file is made: ``SOURCE_DATE_EPOCH`` where set (a reproducible build), else now.

    See https://reproducible-builds.org/specs/source-date-epoch/; a value that is not a whole
    number of seconds is ignored.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc)


def to_ics(
    library: Library,
    *,
    campaigns: Iterable[Campaign] | None = None,
    stamp: dt.datetime | None = None,
    name: str = "coalition-kit campaign events",
    page: Callable[[Campaign], str] | None = None,
) -> bytes:
    """Return an iCalendar file of every dated campaign event and every yearly day of action.

    Timed events carry their time zone (with VTIMEZONE definitions); all-day events are dates.
    Every event has an end: the source's, else ``DEFAULT_LENGTH`` for a timed event and the
    whole day for an all-day one; a STATUS (CONFIRMED, TENTATIVE for a postponed event,
    CANCELLED) and a URL (its registration page, else ``page(campaign)``, else the campaign's
    first source). Events that only recur daily without a first date are left out: a calendar
    needs a start. ``campaigns`` narrows the file to some campaigns (the library still names the
    venues); ``name`` is the calendar's name. A calendar holds no contact details, so it needs
    no public view of the data. Every entry's DTSTAMP is ``stamp``, else ``SOURCE_DATE_EPOCH``
    where set, else now.
    """
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    stamp = stamp or _default_stamp()
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for campaign in library.campaigns.values() if campaigns is None else campaigns:
        if campaign.recurrence and campaign.recurrence.frequency is Frequency.YEARLY:
            recurrence = campaign.recurrence
            day = CalendarEvent()
            day.add("uid", f"{campaign.id}@coalition-kit")
            day.add("dtstamp", stamp)
            day.add("summary", recurrence.name or campaign.title)
            first = next_occurrence(recurrence, dt.date(_first_year(campaign), 1, 1))
            day.add("dtstart", first)
            day.add("dtend", first + dt.timedelta(days=1))
            day.add("status", "CONFIRMED")
            if url := _url(campaign, None, page):
                day.add("url", url)
            day.add(
                "rrule",
                {"freq": "yearly", "bymonth": recurrence.month, "bymonthday": recurrence.day},
            )
            day.add("description", campaign.summary)
            calendar.add_component(day)
        for event in campaign.events:
            start = event_start(event)
            if start is None:
                continue
            entry = CalendarEvent()
            entry.add("uid", f"{campaign.id}.{event.id}@coalition-kit")
            entry.add("dtstamp", stamp)
            entry.add("summary", event.title)
            entry.add("dtstart", start)
            entry.add("dtend", _end(event, start))
            entry.add("status", _STATUS[event.status])
            if url := _url(campaign, event, page):
                entry.add("url", url)
            location = _location(event, library)
            if location:
                entry.add("location", location)
            entry.add(
                "description",
                "\n\n".join(
                    part for part in (event.description, f"Campaign: {campaign.title}") if part
                ),
            )
            calendar.add_component(entry)
    for tzid in sorted(
        {
            str(c["dtstart"].params.get("TZID"))
            for c in calendar.walk("VEVENT")
            if "TZID" in c["dtstart"].params
        }
    ):
        calendar.add_component(_vtimezone(tzid))
    return bytes(calendar.to_ical())


def export_ics(
    library: Library, path: Path, *, overwrite: bool = False, stamp: dt.datetime | None = None
) -> Path:
    """Write the iCalendar file of ``library``'s events to ``path``."""
    return write_atomically(path, to_ics(library, stamp=stamp), overwrite=overwrite)
