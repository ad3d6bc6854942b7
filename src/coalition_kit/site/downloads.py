"""The files the site offers for download, at stable addresses other projects can rely on.

The JSON bundle, the calendar of every event and one per campaign, the missions' vCards and
the JSON Schemas (whose ``$id`` is their address on the site).
"""

from __future__ import annotations

import datetime as dt

from coalition_kit.library import Library
from coalition_kit.models import KINDS, Campaign
from coalition_kit.outputs.ics_export import in_calendar, to_ics
from coalition_kit.outputs.json_export import to_json
from coalition_kit.outputs.schemas import render as render_schema
from coalition_kit.outputs.schemas import schema_file_name
from coalition_kit.outputs.vcard_export import to_vcard
from coalition_kit.site.i18n import DEFAULT_LANGUAGE, Words

__all__ = ["PARTS", "downloads"]

PARTS = ("cards", "campaign-calendars", "bundle", "calendar")
"""The downloads in parts a build can make at once, the longest first (at scale 1: 4.5, 1.9,
1.9 and 1.4 s): the missions' vCards, each campaign's calendar, the JSON bundle and the
schemas, the calendar of every event."""


def downloads(
    library: Library,
    today: dt.date,
    site_url: str | None,
    parts: tuple[str, ...] = PARTS,
) -> dict[str, bytes]:
    """The site's downloads of ``parts``, by path: calendars link to campaign pages given ``site_url``."""
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)
    base = site_url.rstrip("/") + "/" if site_url else None

    def page(campaign: Campaign) -> str:
        return f"{base}campaigns/{campaign.id}/"

    found: dict[str, bytes] = {}
    if "campaign-calendars" in parts:
        for campaign in library.campaigns.values():
            if in_calendar(campaign):
                found[f"campaigns/{campaign.id}.ics"] = to_ics(
                    library,
                    campaigns=[campaign],
                    stamp=stamp,
                    name=campaign.title,
                    page=page if base else None,
                )
    if "calendar" in parts:
        found["downloads/events.ics"] = to_ics(
            library,
            stamp=stamp,
            name=Words(DEFAULT_LANGUAGE)("site_name"),
            page=page if base else None,
        )
    if "bundle" in parts:
        found["downloads/coalition-kit.json"] = to_json(library)
        for kind in KINDS:
            found[f"schemas/{schema_file_name(kind)}"] = render_schema(kind).encode("utf-8")
    if "cards" in parts:
        found["downloads/missions.vcf"] = to_vcard(library).encode("utf-8")
    return found
