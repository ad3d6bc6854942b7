"""The data behind an action page: whom a reader in each country writes to, and how.

Every answer comes from the library (``where_to_write`` and the missions' routes), computed here
for every country and, where consulates have districts, for every region of that country, so
that the page's script looks answers up and never decides anything itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from coalition_kit.library import Library
from coalition_kit.library.routes import deliveries
from coalition_kit.models import Campaign, Letter, Mission
from coalition_kit.models.campaign import SocialPostAction
from coalition_kit.models.letter import paragraph_is_optional, paragraph_text
from coalition_kit.models.mission import RouteKind
from coalition_kit.outputs.ics_export import in_calendar
from coalition_kit.outputs.social import check_social_post
from coalition_kit.site.i18n import DEFAULT_LANGUAGE, Words
from coalition_kit.site.render import PAGE_ROOT
from coalition_kit.site.translated import localized, translation_note

__all__ = ["JS_STRINGS", "action_data", "all_countries", "region_name", "regions_of"]

JS_STRINGS = (
    "js_no_local",
    "js_write_to",
    "js_shared",
    "js_email_one",
    "js_email_all",
    "js_email_long",
    "js_print",
    "js_fax",
    "js_post",
    "js_web",
    "js_paste",
    "js_social",
    "js_copy",
    "js_copied",
    "js_copy_failed",
    "js_fill_in",
    "js_no_route",
    "js_share",
    "js_link_copied",
    "js_printing",
    "js_page",
    "act_letter_translation",
)


def all_countries(words: Words) -> list[tuple[str, str]]:
    """Every country, as (ISO code, name in the page's language), in the language's order."""
    import pycountry

    names = [(country.alpha_2, words.country(country.alpha_2)) for country in pycountry.countries]
    return sorted(names, key=lambda entry: entry[1].casefold())


def regions_of(missions: list[Mission]) -> list[str]:
    """The regions (ISO 3166-2) whose consulate the missions' districts tell apart."""
    return sorted({code for mission in missions for code in mission.consular_district})


def region_name(code: str) -> str:
    """The ISO 3166-2 name of a region ('US-IL' gives 'Illinois'), or the code if unknown."""
    import pycountry

    found = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]
    return str(found.name) if found is not None else code


def _mission_card(mission: Mission, words: Words) -> dict[str, Any]:
    routes = []
    for delivery in deliveries(mission):
        routes.append(
            {
                "kind": delivery.kind.value,
                "text": delivery.text,
                "link": delivery.link,
                "label": delivery.label,
                "envelope": delivery.envelope,
            }
        )
    return {
        "name": mission.display_name,
        "page": f"{PAGE_ROOT}missions/{mission.id}/",
        "place": words.country(mission.host_country)
        + (f", {mission.city}" if mission.city else ""),
        "emails": [r["text"] for r in routes if r["kind"] == RouteKind.EMAIL.value],
        "routes": routes,
    }


def _letter_data(letter: Letter, words: Words) -> dict[str, Any]:
    original = letter.original_language or DEFAULT_LANGUAGE
    return {
        "id": letter.id,
        "page": f"{PAGE_ROOT}letters/{letter.id}/",
        # The reader's language first when the letter has it; the original is always offered.
        "language": words.language if words.language in letter.body else original,
        "languages": [
            {"tag": language, "name": words.language_name(language)} for language in letter.body
        ],
        "subjects": {language: letter.subject_in(language) for language in letter.body},
        "notes": {
            language: translation_note(words, translation, original)
            for language, translation in letter.translations.items()
            if language in letter.body
        },
        "text": {
            language: [
                {"markdown": paragraph_text(item), "optional": paragraph_is_optional(item)}
                for item in items
            ]
            for language, items in letter.body.items()
        },
        "placeholders": [
            {
                "token": p.token,
                "description": localized(letter, f"placeholders.{i}.description", words.language),
                "example": p.example or "",
            }
            for i, p in enumerate(letter.placeholders)
        ],
    }


def _posts(campaign: Campaign) -> list[dict[str, Any]]:
    posts = []
    for action in campaign.calls_to_action:
        if isinstance(action, SocialPostAction):
            check = check_social_post(action)
            posts.append({"platform": action.platform.value, "parts": list(check.parts)})
    return posts


def action_data(
    library: Library,
    campaign: Campaign,
    words: Words,
    today: dt.date,
    *,
    cards: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Return what the action page's script needs, as plain JSON values.

    ``cards`` keeps the missions' cards (in the language of ``words``) from one campaign's page
    to the next: many campaigns show the same missions.
    """
    cards = {} if cards is None else cards
    plans: dict[str, dict[str, list[str]]] = {}
    used: dict[str, Mission] = {}
    everyone = library.where_to_write(campaign.id, None)
    for mission in everyone.shared_missions:
        used[mission.id] = mission
    state = campaign.targets.sending_state if campaign.targets else None
    hosts = library.countries_reached(state) if state else []
    region_names: dict[str, list[tuple[str, str]]] = {}
    for code in hosts:
        plan = library.where_to_write(campaign.id, code)
        if not plan.local_missions:
            continue
        plans[code] = {"": [m.id for m in plan.local_missions]}
        used.update({m.id: m for m in plan.local_missions})
        regions = regions_of(plan.local_missions)
        if regions:
            region_names[code] = [(r, region_name(r)) for r in regions]
            for region in regions:
                by_region = library.where_to_write(campaign.id, code, region=region)
                plans[code][region] = [m.id for m in by_region.local_missions]
    for mission_id, mission in used.items():
        if mission_id not in cards:
            cards[mission_id] = _mission_card(mission, words)
    letter = everyone.letter
    next_day = library.next_day_of(campaign.id, today)
    return {
        "campaign": campaign.id,
        "plans": plans,
        "regions": {code: [list(pair) for pair in pairs] for code, pairs in region_names.items()},
        "shared": [m.id for m in everyone.shared_missions],
        "missions": {i: cards[i] for i in sorted(used)},
        "letter": _letter_data(letter, words) if letter and letter.body else None,
        "posts": _posts(campaign),
        # Downloads exist once, at the site's root: a page in another language is a level deeper.
        "calendar": f"{PAGE_ROOT}{words.root}campaigns/{campaign.id}.ics"
        if in_calendar(campaign)
        else None,
        "next_day": words.date(next_day) if next_day else None,
        "strings": {key: words(key) for key in JS_STRINGS},
    }
