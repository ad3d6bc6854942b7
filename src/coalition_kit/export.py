"""Exports of a library: a JSON bundle, CSV per kind, SQLite, iCalendar and vCard.

Exports show the public view of the data: a person's own contact details never leave it. Each
``to_*`` function returns the content; each ``export_*`` writes it atomically and refuses to
replace an existing file unless ``overwrite=True``. Every export lists entities in id order, so
the same data always gives the same bytes (the iCalendar stamp aside).
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import errno
import io
import json
import sqlite3
import tempfile
import types
import typing
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from coalition_kit.bundle import bundle_bytes
from coalition_kit.calendar_dates import event_start, next_occurrence
from coalition_kit.fileio import ensure_folder, write_atomically
from coalition_kit.library import Library, campaign_letter_ids, campaign_mission_ids
from coalition_kit.models import KINDS, AnyEntity, Campaign, Mission
from coalition_kit.models.campaign import Event, EventStatus, Frequency
from coalition_kit.models.mission import country_name
from coalition_kit.privacy import public_library

__all__ = [
    "export_csv",
    "export_ics",
    "export_json",
    "export_sqlite",
    "export_vcard",
    "to_csv",
    "to_ics",
    "to_json",
    "to_vcard",
]

PRODUCT_ID = "-//coalition-kit//coalition-kit//EN"


def to_json(library: Library) -> bytes:
    """Return every entity as one JSON document, kinds in order and entities sorted by id."""
    return bundle_bytes(public_library(library), indent=2)


def export_json(library: Library, path: Path, *, overwrite: bool = False) -> Path:
    """Write the JSON bundle of ``library`` to ``path``."""
    return write_atomically(path, to_json(library), overwrite=overwrite)


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``| None`` from a field's annotation."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            arguments = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(arguments) != 1:
                return annotation
            annotation = arguments[0]
        else:
            return annotation


def _is_scalar(annotation: Any) -> bool:
    inner = _unwrap(annotation)
    return isinstance(inner, type) and (
        issubclass(inner, str | int | bool | dt.date) or issubclass(inner, enum.Enum)
    )


def _columns(model: type[BaseModel]) -> list[tuple[str, bool]]:
    """The model's fields in order, each with whether it is a scalar (else stored as JSON)."""
    hints = typing.get_type_hints(model, include_extras=True)
    return [(name, _is_scalar(hints[name])) for name in model.model_fields]


def _cell(value: Any, scalar: bool) -> str | int | None:
    if value is None:
        return None
    if scalar:
        if isinstance(value, bool):
            return "true" if value else "false"
        return value if isinstance(value, int) else str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _rows(entities: Iterable[AnyEntity], columns: list[tuple[str, bool]]) -> Iterator[list[Any]]:
    for entity in entities:
        dumped = entity.model_dump(mode="json")
        yield [_cell(dumped[name], scalar) for name, scalar in columns]


def to_csv(library: Library) -> dict[str, str]:
    """Return one CSV text per kind (``organizations.csv`` ...): a row per entity.

    Text, number, date and choice fields are plain cells; lists and nested fields are JSON.
    """
    library = public_library(library)
    files = {}
    for kind in KINDS:
        columns = _columns(kind.model)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([name for name, _ in columns])
        for row in _rows(library[kind.folder].values(), columns):
            writer.writerow(["" if cell is None else cell for cell in row])
        files[f"{kind.folder}.csv"] = buffer.getvalue()
    return files


def export_csv(library: Library, directory: Path, *, overwrite: bool = False) -> list[Path]:
    """Write one CSV file per kind into ``directory``; nothing is written if one exists unasked."""
    files = to_csv(library)
    ensure_folder(directory)
    existing = [directory / name for name in files if (directory / name).exists()]
    if existing and not overwrite:
        raise FileExistsError(
            errno.EEXIST,
            "exists; pass overwrite=True (or --force) to replace it",
            str(existing[0]),
        )
    return [
        write_atomically(directory / name, text.encode("utf-8"), overwrite=overwrite)
        for name, text in files.items()
    ]


_LINK_TABLES = """
CREATE TABLE letter_signatories (
    letter_id TEXT NOT NULL REFERENCES letters(id),
    position INTEGER NOT NULL,
    organization_id TEXT REFERENCES organizations(id),
    name TEXT,
    PRIMARY KEY (letter_id, position)
);
CREATE TABLE organization_memberships (
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    coalition_id TEXT NOT NULL REFERENCES organizations(id),
    PRIMARY KEY (organization_id, coalition_id)
);
CREATE TABLE campaign_organizers (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    PRIMARY KEY (campaign_id, organization_id)
);
CREATE TABLE campaign_letters (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    letter_id TEXT NOT NULL REFERENCES letters(id),
    PRIMARY KEY (campaign_id, letter_id)
);
CREATE TABLE campaign_missions (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    mission_id TEXT NOT NULL REFERENCES missions(id),
    PRIMARY KEY (campaign_id, mission_id)
);
CREATE TABLE events (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    start TEXT,
    "end" TEXT,
    timezone TEXT,
    city TEXT,
    country TEXT,
    venue_name TEXT,
    mission_id TEXT REFERENCES missions(id),
    status TEXT NOT NULL,
    online INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, id)
);
CREATE TABLE contact_points (
    owner_kind TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    value TEXT,
    display TEXT,
    label TEXT,
    PRIMARY KEY (owner_kind, owner_id, position)
);
"""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create_entity_tables(connection: sqlite3.Connection) -> None:
    for kind in KINDS:
        columns = [
            f"{_quote(name)} TEXT" + (" PRIMARY KEY" if name == "id" else "")
            for name, _ in _columns(kind.model)
        ]
        connection.execute(f"CREATE TABLE {kind.folder} ({', '.join(columns)})")


def _insert_links(connection: sqlite3.Connection, library: Library) -> None:
    for letter in library.letters.values():
        connection.executemany(
            "INSERT INTO letter_signatories VALUES (?, ?, ?, ?)",
            [(letter.id, i, s.organization, s.name) for i, s in enumerate(letter.signatories)],
        )
    for organization in library.organizations.values():
        connection.executemany(
            "INSERT INTO organization_memberships VALUES (?, ?)",
            [(organization.id, coalition) for coalition in organization.member_of],
        )
    for campaign in library.campaigns.values():
        _insert_campaign_links(connection, campaign)
    for kind, entities in (("organization", library.organizations), ("mission", library.missions)):
        for entity in entities.values():
            connection.executemany(
                "INSERT INTO contact_points VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        kind,
                        entity.id,
                        i,
                        c.kind,
                        *_contact_value(c.model_dump(mode="json")),
                        c.label,
                    )
                    for i, c in enumerate(entity.contact_points)
                ],
            )


def _contact_value(contact: dict[str, Any]) -> tuple[str | None, str | None]:
    if "address" in contact:
        return json.dumps(contact["address"], ensure_ascii=False), None
    if "account" in contact:
        return contact["account"].get("url") or contact["account"].get("handle"), None
    return contact.get("value") or contact.get("url"), contact.get("display")


def _insert_campaign_links(connection: sqlite3.Connection, campaign: Campaign) -> None:
    connection.executemany(
        "INSERT INTO campaign_organizers VALUES (?, ?)",
        [(campaign.id, organization) for organization in dict.fromkeys(campaign.organizers)],
    )
    connection.executemany(
        "INSERT INTO campaign_letters VALUES (?, ?)",
        [(campaign.id, letter) for letter in campaign_letter_ids(campaign)],
    )
    connection.executemany(
        "INSERT INTO campaign_missions VALUES (?, ?)",
        [(campaign.id, mission) for mission in campaign_mission_ids(campaign)],
    )
    connection.executemany(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                campaign.id,
                e.id,
                e.title,
                e.kind.value,
                e.start,
                e.end,
                e.timezone,
                e.city,
                e.country,
                e.venue.name if e.venue else None,
                e.venue.mission if e.venue else None,
                e.status.value,
                int(e.online),
            )
            for e in campaign.events
        ],
    )


def export_sqlite(library: Library, path: Path, *, overwrite: bool = False) -> Path:
    """Write a SQLite database: a table per kind plus link tables, with foreign keys (Datasette).

    Text, number, date and choice fields are columns; lists and nested fields are JSON text, which
    SQLite's JSON functions read.
    """
    if path.exists() and not overwrite:
        raise FileExistsError(
            errno.EEXIST, "exists; pass overwrite=True (or --force) to replace it", str(path)
        )
    library = public_library(library)
    with tempfile.TemporaryDirectory() as folder:
        temporary = Path(folder) / "export.db"
        connection = sqlite3.connect(temporary)
        try:
            _create_entity_tables(connection)
            connection.executescript(_LINK_TABLES)
            for kind in KINDS:
                columns = _columns(kind.model)
                marks = ", ".join("?" for _ in columns)
                connection.executemany(
                    # Table names come from the fixed list of kinds, never from data.
                    f"INSERT INTO {kind.folder} VALUES ({marks})",  # noqa: S608
                    list(_rows(library[kind.folder].values(), columns)),
                )
            _insert_links(connection, library)
            connection.commit()
        finally:
            connection.close()
        return write_atomically(path, temporary.read_bytes(), overwrite=overwrite)


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


def to_ics(
    library: Library,
    *,
    campaigns: Iterable[Campaign] | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """Return an iCalendar file of every dated campaign event and every yearly day of action.

    Timed events carry their time zone (with VTIMEZONE definitions); all-day events are dates.
    Events that only recur daily without a first date are left out: a calendar needs a start.
    ``campaigns`` narrows the file to some campaigns (the library still names the venues).
    A calendar holds no contact details, so it needs no public view of the data.
    """
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    stamp = stamp or dt.datetime.now(dt.timezone.utc)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "coalition-kit campaign events")
    for campaign in library.campaigns.values() if campaigns is None else campaigns:
        if campaign.recurrence and campaign.recurrence.frequency is Frequency.YEARLY:
            recurrence = campaign.recurrence
            day = CalendarEvent()
            day.add("uid", f"{campaign.id}@coalition-kit")
            day.add("dtstamp", stamp)
            day.add("summary", recurrence.name or campaign.title)
            day.add("dtstart", next_occurrence(recurrence, dt.date(_first_year(campaign), 1, 1)))
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
            end = event_start(event.model_copy(update={"start": event.end})) if event.end else None
            if end is not None:
                entry.add("dtend", end)
            location = _location(event, library)
            if location:
                entry.add("location", location)
            entry.add(
                "description",
                "\n\n".join(
                    part for part in (event.description, f"Campaign: {campaign.title}") if part
                ),
            )
            if event.status is EventStatus.CANCELLED:
                entry.add("status", "CANCELLED")
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


def to_vcard(library: Library, *, include_closed: bool = False) -> str:
    """Return a vCard 3.0 file with one card per mission: name, address, e-mail, phone and fax.

    Closed, suspended and relocated missions are left out unless ``include_closed``.
    """
    import vobject

    library = public_library(library)
    cards = []
    for mission in library.missions.values():
        if not mission.is_open and not include_closed:
            continue
        cards.append(_vcard(vobject, mission).serialize())
    return "".join(cards)


def _vcard(vobject: Any, mission: Mission) -> Any:
    card = vobject.vCard()
    card.add("uid").value = f"{mission.id}@coalition-kit"
    card.add("fn").value = mission.display_name
    card.add("n").value = vobject.vcard.Name(family=mission.display_name)
    card.add("org").value = [mission.display_name]
    if mission.address:
        address = mission.address
        card.add("adr").value = vobject.vcard.Address(
            street="\n".join(address.lines),
            city=address.locality or "",
            region=address.region or "",
            code=address.postal_code or "",
            country=country_name(address.country),
        )
    for contact in mission.contact_points:
        if contact.kind == "email":
            email = card.add("email")
            email.value = contact.value
            email.type_param = "INTERNET"
        elif contact.kind in ("phone", "fax"):
            phone = card.add("tel")
            phone.value = contact.value
            phone.type_param = "FAX" if contact.kind == "fax" else "VOICE"
        elif contact.kind == "web-form":
            card.add("url").value = contact.url
    notes = (
        []
        if mission.is_open
        else [f"Status: {mission.status.state.value} since {mission.status.since}"]
    )
    notes += [f"Needs {need.field}" for need in mission.needs]
    if notes:
        card.add("note").value = "; ".join(notes)
    return card


def export_vcard(
    library: Library, path: Path, *, overwrite: bool = False, include_closed: bool = False
) -> Path:
    """Write the vCard file of ``library``'s missions to ``path``."""
    data = to_vcard(library, include_closed=include_closed).encode("utf-8")
    return write_atomically(path, data, overwrite=overwrite)
