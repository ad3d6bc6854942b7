"""Plausibility: what is probably, not certainly, a mistake. These rules warn; they do not fail.

A letter dated decades ahead, a time zone that ignores summer time, a mission's number in
another country, the same mission under two ids, a letter to a mission closed before it was
written. The tree-wide ones read each entity's ``facts``, gathered where the file was checked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from coalition_kit.check.dataset import Dataset, Entity
from coalition_kit.check.rules.registry import RuleContext, dataset_rule, entity_rule
from coalition_kit.models import AnyEntity, Campaign, Letter, Mission
from coalition_kit.models.contacts import PhoneContact
from coalition_kit.models.mission import MissionState
from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem

__all__ = ["entity_facts"]

FAR_AHEAD = dt.timedelta(days=366)
"""How far ahead of today a letter's date may lie before it is called implausible."""

# Zones with one offset all year, or with the US rules of 1967 whatever the place: EST, MST,
# HST, EST5EDT, Etc/GMT+5 ... UTC is meant as what it is (an online event), so it is fine.
_FIXED_OFFSET = re.compile(
    r"^(?:[A-Z]{3,4}(?:[0-9]{1,2}[A-Z]{3,4})?|Etc/GMT[+-][0-9]{1,2}|GMT[+-]?[0-9]*)$"
)
_UTC = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Zulu", "Etc/Zulu", "Universal", "GMT"})


def entity_facts(model: AnyEntity) -> dict[str, Any]:
    """Return what the tree-wide rules of this module need of an entity, as plain values."""
    if isinstance(model, Mission):
        city = " ".join((model.city or "").casefold().split())
        return {
            "place": (model.sending_state, model.host_country, model.kind.value, city),
            "wikidata": model.wikidata,
            "closed_since": None if model.is_open else model.status.since,
            "state": model.status.state.value,
        }
    if isinstance(model, Letter):
        missions = [
            (("addressees", index, "mission"), party.mission)
            for index, party in enumerate(model.addressees)
            if party.mission
        ]
        return {"date": model.date, "missions": missions}
    return {}


def _earliest_day(partial: str) -> dt.date:
    parts = [int(part) for part in partial.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@entity_rule("letter-date-plausible", "A letter is not dated more than a year ahead.")
def letter_date_plausible(
    entity: Entity[Any], model: Letter, context: RuleContext
) -> Iterator[Problem]:
    """Warn about a letter dated more than a year after today (a mistyped year)."""
    if model.date is None:
        return
    if _earliest_day(model.date) > context.today + FAR_AHEAD:
        yield entity.problem(
            ("date",),
            Code.DATE_IMPLAUSIBLE,
            f"the letter is dated {model.date}, more than a year ahead; check the year",
        )


@entity_rule("timezones-follow-the-place", "Events use a place's time zone, not a fixed offset.")
def timezones_follow_the_place(
    entity: Entity[Any], model: Campaign, context: RuleContext
) -> Iterator[Problem]:
    """Warn about event time zones such as EST that keep one offset all year."""
    for index, event in enumerate(model.events):
        zone = event.timezone
        if zone and zone not in _UTC and _FIXED_OFFSET.match(zone):
            yield entity.problem(
                ("events", index, "timezone"),
                Code.TIMEZONE_FIXED_OFFSET,
                f"'{zone}' keeps one offset all year, so an event in summer shows an hour off; "
                "use the place's zone, such as 'America/New_York'",
            )


@entity_rule("mission-numbers-local", "A mission's phone and fax numbers are of its host country.")
def mission_numbers_local(
    entity: Entity[Any], model: Mission, context: RuleContext
) -> Iterator[Problem]:
    """Warn about a mission's number whose country code is another country's."""
    import phonenumbers

    for index, contact in enumerate(model.contact_points):
        if not isinstance(contact, PhoneContact):
            continue
        number = phonenumbers.parse(contact.value, None)
        if phonenumbers.is_valid_number_for_region(number, model.host_country):
            continue
        region = phonenumbers.region_code_for_number(number)
        if region not in ("001", None):
            yield entity.problem(
                ("contact_points", index, "value"),
                Code.PHONE_OTHER_COUNTRY,
                f"this number is a number of {region}, but the mission is in "
                f"{model.host_country}; check the country code",
            )


@dataset_rule("no-likely-duplicates", "No two missions share a place and kind, or a Wikidata item.")
def no_likely_duplicates(dataset: Dataset, context: RuleContext) -> Iterator[Problem]:
    """Warn about a mission that looks like an earlier one."""
    seen: dict[tuple[str, Any], Entity[Any]] = {}
    for entity in dataset.entities:
        facts = entity.facts
        if "place" not in facts or facts.get("state") != MissionState.OPEN.value:
            continue
        keys = [("place", facts["place"])]
        if facts["wikidata"]:
            keys.append(("wikidata", facts["wikidata"]))
        for key in keys:
            first = seen.setdefault(key, entity)
            if first is not entity:
                what = (
                    "the same Wikidata item" if key[0] == "wikidata" else "the same place and kind"
                )
                yield entity.problem(
                    ("id",),
                    Code.DUPLICATE_LIKELY,
                    f"this mission has {what} as '{first.id}' ({first.file}); merge them, or "
                    "say how they differ",
                )
                break


@dataset_rule(
    "letters-to-open-missions",
    "A letter is not addressed to a mission closed before the letter's date.",
)
def letters_to_open_missions(dataset: Dataset, context: RuleContext) -> Iterator[Problem]:
    """Warn about a letter to a mission that was no longer open on the letter's date."""
    closed: dict[str, tuple[str, str]] = {}
    letters: list[Entity[Any]] = []
    by_kind: dict[str, list[Entity[Any]]] = defaultdict(list)
    for entity in dataset.entities:
        by_kind[entity.kind.name].append(entity)
    for entity in by_kind["mission"]:
        since = entity.facts.get("closed_since")
        if since and entity.id is not None:
            closed[entity.id] = (entity.facts["state"], since)
    for entity in by_kind["letter"]:
        if entity.facts.get("date") and entity.facts.get("missions"):
            letters.append(entity)
    for entity in letters:
        date = entity.facts["date"]
        for path, mission_id in entity.facts["missions"]:
            if mission_id in closed and closed[mission_id][1] <= date:
                state, since = closed[mission_id]
                yield entity.problem(
                    path,
                    Code.LETTER_TO_CLOSED_MISSION,
                    f"the letter ({date}) is addressed to '{mission_id}', {state} since {since}; "
                    "check the date, the mission or its status",
                )
