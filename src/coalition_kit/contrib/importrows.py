"""One row of the *Database of embassies and consulates*, as the mission it describes.

``draft_of`` maps a row to a mission: its kind, host country (ISO code), city, website, e-mail,
phone (E.164), coordinates, the countries it serves, its accounts and Wikidata item, each value
marked as imported. ``Draft.merge_into`` folds it into the mission file that may already exist,
never replacing what a person entered or verified.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coalition_kit.check.personal import free_mail_domain, is_mobile
from coalition_kit.contrib.draft import Draft
from coalition_kit.contrib.places import city_key, city_name, country_code
from coalition_kit.contrib.review import Review
from coalition_kit.models.mission import MissionKind
from coalition_kit.models.shared import Source

__all__ = ["Row", "draft_of", "mission_id"]
_KINDS = {
    "embassy": MissionKind.EMBASSY,
    "high commission": MissionKind.EMBASSY,
    "consulate general": MissionKind.CONSULATE_GENERAL,
    "consulate": MissionKind.CONSULATE,
    "permanent mission": MissionKind.PERMANENT_MISSION,
    "de facto embassy": MissionKind.REPRESENTATIVE_OFFICE,
    "representative office": MissionKind.REPRESENTATIVE_OFFICE,
    "liaison office": MissionKind.REPRESENTATIVE_OFFICE,
}
_ID_WORDS = {
    MissionKind.EMBASSY: "embassy",
    MissionKind.CONSULATE_GENERAL: "consulate",
    MissionKind.CONSULATE: "consulate",
    MissionKind.PERMANENT_MISSION: "un-mission",
    MissionKind.REPRESENTATIVE_OFFICE: "office",
    MissionKind.OTHER: "mission",
}


@dataclass(frozen=True)
class Row:
    """A row of the CSV: its number (from 1, the header aside) and its cells by column."""

    number: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        """Return the cell of ``column``, stripped ('' when empty or missing)."""
        return (self.values.get(column) or "").strip()


def draft_of(row: Row, state: str, dataset: Source, folder: Path, review: Review) -> Draft | None:
    """Return the mission a row describes, or None (with the reason on ``review``)."""
    host = country_code(row.get("country"))
    kind = _KINDS.get(row.get("type").casefold())
    if host is None or kind is None:
        why = f"unknown country '{row.get('country')}'" if host is None else "unknown kind"
        review.skipped.append({"row": row.number, "type": row.get("type"), "why": why})
        return None
    city = row.get("city") or None
    qid = row.get("QID").rsplit("/", 1)[-1] or None
    item = f"https://www.wikidata.org/wiki/{qid}" if qid else None
    base = {
        "id": "",
        "sending_state": state,
        "host_country": host,
        "kind": kind.value,
    }
    base["id"] = mission_id(state, host, kind, city, folder)
    fields = _fields(row, host, qid, review, base["id"])
    contacts = _contacts(row, host, item, review, base["id"])
    locator = {**dataset.model_dump(mode="json", exclude_none=True), "locator": f"row {row.number}"}
    sources = [locator]
    if item:
        sources.append({"title": f"Wikidata item {qid}", "publisher": "Wikidata", "url": item})
    dataset_record = dataset.model_dump(mode="json", exclude_none=True)
    return Draft(base["id"], base, fields, contacts, sources, dataset_record, item)


def mission_id(state: str, host: str, kind: MissionKind, city: str | None, folder: Path) -> str:
    """Return the id of the mission: an existing file's for the same place and kind, or new.

    New ids read ``cn-embassy-no`` (one embassy a country) and ``cn-consulate-de-munich``.
    """
    word = _ID_WORDS[kind]
    prefix = f"{state.lower()}-{word}-{host.lower()}"
    for path in sorted(folder.glob(f"{prefix}*.yaml")):
        stem = path.stem.removeprefix(prefix).lstrip("-")
        if kind is MissionKind.EMBASSY and stem == "":
            return path.stem
        if city and stem and city_key(stem) == city_key(city):
            return path.stem
    if kind is MissionKind.EMBASSY or not city:
        return prefix
    return f"{prefix}-{city_key(city)}"


def _fields(row: Row, host: str, qid: str | None, review: Review, mission: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if row.get("city"):
        fields["city"] = city_name(row.get("city"))
    website = row.get("website")
    if website.startswith(("http://", "https://")):
        fields["website"] = website
    elif website:
        review.notes.append(
            {"mission": mission, "field": "website", "why": f"not a web address: {website}"}
        )
    if row.get("latitude") and row.get("longitude"):
        fields["coordinates"] = {
            "latitude": float(row.get("latitude")),
            "longitude": float(row.get("longitude")),
        }
    served = [country_code(name) for name in row.get("jurisdictions").split("|") if name]
    unknown = [
        n
        for n, c in zip(row.get("jurisdictions").split("|"), served, strict=False)
        if n and c is None
    ]
    if unknown:
        review.notes.append(
            {"mission": mission, "field": "serves", "why": f"not countries: {', '.join(unknown)}"}
        )
    codes = list(dict.fromkeys(code for code in served if code))
    if codes and codes != [host]:
        fields["serves"] = codes
    if qid:
        fields["wikidata"] = qid
    accounts = []
    for platform, column in (("x", "twitter"), ("facebook", "facebook"), ("youtube", "youtube")):
        handle = row.get(column)
        if handle:
            accounts.append(
                {"platform": platform, "handle": f"@{handle}" if platform == "x" else handle}
            )
    if accounts:
        fields["social_accounts"] = accounts
    return fields


def _contacts(
    row: Row, host: str, item: str | None, review: Review, mission: str
) -> list[dict[str, Any]]:
    contacts: list[dict[str, Any]] = []
    email = row.get("email").removeprefix("mailto:")
    if email:
        contact: dict[str, Any] = {"kind": "email", "value": email, "imported": True}
        domain = free_mail_domain(email)
        if domain:
            _declare(contact, item, review, mission, f"an address at {domain}")
        contacts.append(contact)
    written = row.get("phone")
    if written:
        e164 = _e164(written, host)
        if e164:
            number = {"kind": "phone", "value": e164, "display": written, "imported": True}
            if is_mobile(e164):
                _declare(number, item, review, mission, "a mobile number")
            contacts.append(number)
        else:
            review.notes.append(
                {"mission": mission, "field": "phone", "why": f"not a valid number: {written}"}
            )
    return contacts


def _declare(
    contact: dict[str, Any], item: str | None, review: Review, mission: str, what: str
) -> None:
    """Declare an imported contact that looks personal as the mission's, with the evidence."""
    if item is not None:
        contact["visibility"] = "institutional"
        contact["published_by_owner"] = {
            "title": "Wikidata item of the mission, which records this contact",
            "publisher": "Wikidata",
            "url": item,
        }
    review.notes.append(
        {
            "mission": mission,
            "field": contact["kind"],
            "why": f"{what}, imported as the mission's own: check on the mission's site that "
            "it publishes it",
        }
    )


def _e164(written: str, host: str) -> str | None:
    import phonenumbers

    try:
        number = phonenumbers.parse(written, host)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
