"""The data behind a take-action page: whom each reader writes to, the letter, the posts."""

from __future__ import annotations

from typing import Any

from coalition_kit.library import Library
from coalition_kit.models import Campaign, Letter, Mission
from coalition_kit.models.campaign import SocialPostAction
from coalition_kit.models.letter import paragraph_is_optional, paragraph_text
from coalition_kit.models.mission import MissionKind, country_name
from coalition_kit.outputs.social import check_social_post

__all__ = ["action_data"]

# Pages are reached from /act/<campaign>/, so links to other pages go up two levels.
_UP = "../../"


def _mission_data(mission: Mission) -> dict[str, Any]:
    emails = [c.value for c in mission.contact_points if c.kind == "email"]
    faxes = [
        {"value": c.value, "display": c.display or c.value}
        for c in mission.contact_points
        if c.kind == "fax"
    ]
    address = []
    if mission.address:
        address = [
            *mission.address.lines,
            " ".join(
                part
                for part in (
                    mission.address.locality,
                    mission.address.region,
                    mission.address.postal_code,
                )
                if part
            ),
            country_name(mission.address.country),
        ]
    return {
        "name": mission.display_name,
        "page": f"{_UP}missions/{mission.id}/",
        "emails": emails,
        "faxes": faxes,
        "address": [line for line in address if line],
    }


def _letter_data(letter: Letter) -> dict[str, Any]:
    return {
        "id": letter.id,
        "title": letter.title,
        "subject": letter.subject or letter.title,
        "page": f"{_UP}letters/{letter.id}/",
        "languages": {
            language: [
                {"markdown": paragraph_text(item), "optional": paragraph_is_optional(item)}
                for item in items
            ]
            for language, items in letter.body.items()
        },
        "placeholders": [
            {
                "token": placeholder.token,
                "label": placeholder.token[1:-1],
                "description": placeholder.description,
                "example": placeholder.example or "",
            }
            for placeholder in letter.placeholders
        ],
    }


def action_data(library: Library, campaign: Campaign) -> dict[str, Any]:
    """Return what the take-action page's script needs, as plain JSON values."""
    state = campaign.targets.sending_state if campaign.targets else None
    countries = sorted(
        {
            mission.host_country
            for mission in library.find_missions(sending_state=state, is_open=True)
            if mission.kind is not MissionKind.PERMANENT_MISSION
        }
        if state
        else set(),
        key=country_name,
    )
    plans = {code: library.where_to_write(campaign.id, code) for code in countries}
    any_plan = library.where_to_write(campaign.id, None)  # what every reader shares
    used = {m.id: m for plan in [*plans.values(), any_plan] for m in plan.missions}
    letter = any_plan.letter
    posts = []
    for action in campaign.calls_to_action:
        if isinstance(action, SocialPostAction):
            check = check_social_post(action)
            posts.append(
                {
                    "platform": action.platform.value,
                    "text": check.text,
                    "length": check.length,
                    "limit": check.limit,
                    "fits": check.fits,
                    "parts": list(check.parts),
                }
            )
    return {
        "campaign": {"id": campaign.id, "title": campaign.title},
        "state": country_name(state) if state else None,
        "countries": [{"code": code, "name": country_name(code)} for code in countries],
        "local": {code: [m.id for m in plan.local_missions] for code, plan in plans.items()},
        "shared": [mission.id for mission in any_plan.shared_missions],
        "missions": {mission_id: _mission_data(m) for mission_id, m in sorted(used.items())},
        "letter": _letter_data(letter) if letter and letter.body else None,
        "channels": [channel.value for channel in any_plan.channels],
        "posts": posts,
        "calendar": f"{_UP}campaigns/{campaign.id}.ics"
        if campaign.events or campaign.recurrence
        else None,
    }
