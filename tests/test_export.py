"""Every export, read back with the standard tool for its format and compared with the library.

The tabular exports (CSV with its data package, SQLite for Datasette) are in test_tabular.py.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import cast

import icalendar
import pytest
import vobject

import coalition_kit
from coalition_kit.library import Library
from coalition_kit.models import KINDS
from coalition_kit.outputs.csv_export import export_csv
from coalition_kit.outputs.ics_export import export_ics, to_ics
from coalition_kit.outputs.json_export import export_json, to_json
from coalition_kit.outputs.sqlite_export import export_sqlite
from coalition_kit.outputs.vcard_export import export_vcard, to_vcard
from conftest import DATA

STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def library() -> Library:
    return coalition_kit.load(DATA)


def test_json_bundle_round_trips_every_entity(library: Library) -> None:
    bundle = json.loads(to_json(library))
    assert bundle["format"] == 1
    for kind in KINDS:
        entities = bundle[kind.folder]
        assert [entity["id"] for entity in entities] == sorted(library[kind.folder])
        for entity in entities:
            assert kind.model.model_validate(entity) == library[kind.folder][entity["id"]]
    assert to_json(library) == to_json(coalition_kit.load(DATA)), "the order must be stable"


@pytest.mark.parametrize(
    ("epoch", "expected"),
    [("1700000000", dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc)), ("soon", None)],
)
def test_icalendar_stamps_from_source_date_epoch_where_set(
    library: Library, monkeypatch: pytest.MonkeyPatch, epoch: str, expected: dt.datetime | None
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    calendar = icalendar.Calendar.from_ical(to_ics(library))
    stamps = {event.decoded("dtstamp") for event in calendar.walk("VEVENT")}
    if expected is not None:
        assert stamps == {expected}
    else:  # not a number of seconds: ignored, the time of making it
        (stamp,) = stamps
        assert stamp >= before


def test_icalendar_events_and_yearly_day(library: Library) -> None:
    calendar = icalendar.Calendar.from_ical(to_ics(library, stamp=STAMP))
    events = {str(event["uid"]): event for event in calendar.walk("VEVENT")}
    talk = events["link-advocacy-fellows-2024.new-haven-2024-04-22@coalition-kit"]
    start = talk.decoded("dtstart")
    assert start == dt.datetime(2024, 4, 22, 13, 30, tzinfo=start.tzinfo)
    assert start.utcoffset() == dt.timedelta(hours=-4)
    assert "53 Wall St" in str(talk["location"])
    day = events["save-north-korean-refugees-day@coalition-kit"]
    assert day.decoded("dtstart") == dt.date(2015, 9, 24)
    rrule = cast(icalendar.vRecur, day["rrule"])
    assert rrule["FREQ"] == ["YEARLY"] and rrule["BYMONTH"] == [9] and rrule["BYMONTHDAY"] == [24]
    vigil = events["save-north-korean-refugees-day.washington-vigil-2015@coalition-kit"]
    assert "Chinese Embassy (Washington, DC)" in str(vigil["location"])
    dated = sum(1 for c in library.campaigns.values() for e in c.events if e.start)
    yearly = sum(1 for c in library.campaigns.values() if c.recurrence)
    assert len(events) == dated + yearly
    assert {str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")} >= {
        "America/New_York",
        "America/Chicago",
    }


def test_vcard_of_open_missions(library: Library) -> None:
    text = to_vcard(library)
    cards = list(vobject.readComponents(text))
    assert len(cards) == len(library.find_missions(is_open=True))
    embassy = next(c for c in cards if c.uid.value == "urn:coalition-kit:mission:cn-embassy-us")
    # An organization's card: KIND:org, its name in FN and ORG, no person's N, no notes.
    assert embassy.version.value == "4.0" and embassy.kind.value == "org"
    assert embassy.fn.value == "Chinese Embassy (Washington, DC)"
    assert embassy.org.value == ["Chinese Embassy (Washington, DC)"]
    assert "n" not in embassy.contents and "NOTE" not in text
    mission = library.missions["cn-embassy-us"]
    emails = embassy.contents["email"]
    assert [email.value for email in emails] == [
        contact.value
        for contact in mission.contact_points
        if contact.kind == "email" and contact.visibility.value == "institutional"
    ]
    preferred = [email.value for email in emails if email.params.get("PREF") == ["1"]]
    assert preferred == [route.value for route in mission.routes if route.kind.value == "email"]
    faxes = [tel.value for tel in embassy.contents["tel"] if "fax" in tel.params["TYPE"]]
    assert faxes[0] == "tel:+12024952138"
    assert embassy.adr.value.code == "20008" and embassy.url.value == mission.website
    assert embassy.geo.value.startswith("geo:38.")
    assert "urn:coalition-kit:mission:cn-consulate-us-houston" not in {c.uid.value for c in cards}
    with_closed = to_vcard(library, include_closed=True)
    assert len(list(vobject.readComponents(with_closed))) == len(library.missions)
    assert "NOTE:Closed since 2020-07-24." in with_closed


def test_exports_never_overwrite_unasked_and_write_atomically(
    library: Library, tmp_path: Path
) -> None:
    target = tmp_path / "out.json"
    target.write_text("the user's own file", encoding="utf-8")
    for export, path in (
        (export_json, target),
        (export_ics, target),
        (export_vcard, target),
        (export_sqlite, target),
    ):
        with pytest.raises(FileExistsError):
            export(library, path)
    assert target.read_text(encoding="utf-8") == "the user's own file"
    export_json(library, target, overwrite=True)
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == 1
    (tmp_path / "csv").mkdir()
    (tmp_path / "csv" / "letters.csv").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        export_csv(library, tmp_path / "csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv", "out.json"], (
        "no temporary left behind"
    )
    assert [p.name for p in (tmp_path / "csv").iterdir()] == ["letters.csv"], "nothing written half"
