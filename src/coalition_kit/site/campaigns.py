"""Which campaigns the site puts forward, and a campaign's events as a page lists them.

The events come upcoming first, past ones apart, in the reader's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from coalition_kit.library import Library
from coalition_kit.library.dates import event_start
from coalition_kit.models import Campaign
from coalition_kit.models.campaign import CampaignStatus, WriteAction
from coalition_kit.models.event import Event, EventStatus, Frequency
from coalition_kit.site.i18n import Words
from coalition_kit.site.safe import html_text

__all__ = [
    "acting_campaigns",
    "current_campaigns",
    "event_groups",
    "main_campaign",
    "recurs_on",
]


def current_campaigns(library: Library, today: dt.date) -> list[Campaign]:
    """The campaigns that ask something of supporters now (not history)."""
    return [
        campaign
        for campaign in library.active_campaigns(today)
        if campaign.period is None and campaign.status is not CampaignStatus.ENDED
    ]


def main_campaign(library: Library, today: dt.date) -> Campaign | None:
    """The campaign the home page leads to: the newest current one whose letter can be sent."""

    def newest(campaign: Campaign) -> str:
        return max((source.published or "" for source in campaign.sources), default="")

    acting = acting_campaigns(library, today)
    return max(acting, key=newest) if acting else None


def acting_campaigns(library: Library, today: dt.date) -> list[Campaign]:
    """The current campaigns whose letter supporters can send: each has an action page."""
    acting = []
    for campaign in current_campaigns(library, today):
        if not any(isinstance(action, WriteAction) for action in campaign.calls_to_action):
            continue
        letter = library.where_to_write(campaign.id, None).letter
        if letter is not None and letter.body:
            acting.append(campaign)
    return acting


def recurs_on(campaign: Campaign, words: Words) -> str:
    """The day a yearly campaign recurs on, in the reader's words: '24 September'."""
    recurrence = campaign.recurrence
    if recurrence is None or recurrence.frequency is not Frequency.YEARLY:
        return ""
    from babel.dates import format_skeleton

    assert recurrence.month is not None and recurrence.day is not None
    return str(
        format_skeleton(
            "MMMMd", dt.date(2024, recurrence.month, recurrence.day), locale=words.locale
        )
    )


def _when(event: Event, words: Words) -> str:
    if event.start is None and event.recurrence is not None:
        time = event.recurrence.time or ""
        return words("campaign_every_day", time=time) + (
            f" ({event.timezone})" if event.timezone else ""
        )
    start = event_start(event)
    if isinstance(start, dt.datetime):
        from babel.dates import format_datetime

        text = str(format_datetime(start, "medium", tzinfo=start.tzinfo, locale=words.locale))
        return text + (f" ({event.timezone})" if event.timezone else "")
    if isinstance(start, dt.date):
        return words.date(start)
    return ""


def _where(event: Event, library: Library, words: Words, ref: Any) -> Markup:
    parts: list[str] = []
    if event.online:
        parts.append(html_text(words("campaign_online")))
    if event.venue is not None:
        if event.venue.name:
            parts.append(html_text(event.venue.name))
        if event.venue.mission and event.venue.mission in library.missions:
            parts.append(str(ref("missions", event.venue.mission)))
        if event.venue.address is not None:
            parts.append(html_text(", ".join(event.venue.address.lines)))
    if event.city:
        parts.append(html_text(event.city))
    if event.country:
        parts.append(html_text(words.country(event.country)))
    return Markup(", ".join(parts))


def _is_past(event: Event, today: dt.date) -> bool:
    if event.start is None:
        return False
    return dt.date.fromisoformat((event.end or event.start)[:10]) < today


def event_groups(
    campaign: Campaign,
    library: Library,
    words: Words,
    today: dt.date,
    *,
    history: bool,
    ref: Callable[[str, str], Markup],
    text: Callable[[Campaign, str], str],
) -> list[tuple[str, list[dict[str, Any]]]]:
    """The campaign's events as (heading, events): upcoming ones, then past ones.

    In a campaign that is history, every event is past, recurring ones included. ``ref`` links
    to an entity's page (HTML); ``text`` gives a text of the campaign in the page's language.
    """
    status_words = {
        EventStatus.CANCELLED: words("campaign_event_cancelled"),
        EventStatus.POSTPONED: words("campaign_event_postponed"),
        EventStatus.FULL: words("campaign_event_full"),
    }
    upcoming: list[dict[str, Any]] = []
    past: list[dict[str, Any]] = []
    for event in campaign.events:
        entry = {
            "title": text(campaign, f"events.{event.id}.title"),
            "when": _when(event, words),
            "where": _where(event, library, words, ref),
            "status": status_words.get(event.status, ""),
        }
        (past if history or _is_past(event, today) else upcoming).append(entry)
    groups = []
    if upcoming:
        groups.append((words("campaign_events"), upcoming))
    if past:
        groups.append((words("campaign_past_events"), past))
    return groups
