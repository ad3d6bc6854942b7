"""The bundled data: it validates, it says what the sources say, and it keeps private data out."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

import coalition_kit
from coalition_kit.check.tree import validate
from coalition_kit.library import Library
from coalition_kit.models.mission import MissionState
from coalition_kit.support.text import comparable
from conftest import DATA, REPO

SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def library() -> Library:
    return coalition_kit.load(DATA)


def test_the_whole_data_tree_validates() -> None:
    report = validate(DATA, today=dt.date.today())
    # One warning is known and kept: LiNK's post is longer than X allows, as LiNK published it;
    # the site offers it as a thread.
    assert [(Path(p.file).name, p.code.value, p.severity.value) for p in report.problems] == [
        ("link-urgent-call-2023.yaml", "social-post-too-long", "warning")
    ]
    assert report.files_checked == sum(1 for _ in DATA.glob("*/*.yaml"))


def test_every_entity_names_a_source_and_archived_copies_exist(library: Library) -> None:
    for kind in library:
        for entity in library[kind].values():
            assert entity.sources, entity.id
            for source in entity.sources:
                if source.archived_copy and SEEDS.is_dir():
                    assert (SEEDS.parent / source.archived_copy).is_file(), source.archived_copy


def test_the_28_signatories_of_the_october_2023_letter(library: Library) -> None:
    letter = library.letters["joint-letter-biden-2023"]
    signatories = [signatory.organization for signatory in letter.signatories]
    assert len(signatories) == len(set(signatories)) == 28
    assert all(org in library.organizations for org in signatories)
    assert signatories[0] == "human-rights-foundation"
    assert signatories[-1] == "council-for-human-rights-in-north-korea"
    assert letter.addressees[0].name == "Joe Biden"
    assert letter.cc[0].name == "Jeff Zients"


# What the data must never hold, kept here only as salted hashes so that the tests themselves
# (which the sdist ships) do not publish it: the 2023 letter's sender's own e-mail user name and
# mobile number, and the names of the two people that letter says were repatriated. Each entry:
# (how the data is read, length of the value so read, SHA-256 of SALT + the value).
SALT = b"coalition-kit private values v1:"
PRIVATE = [
    ("text", 10, "37404bfc6987182f9ae2efcd28802e82257af603bf2ea7d013b10741065a9081"),
    ("text", 11, "84fd556a6f5ecc5d11020aa9f2714451f1c1072c944319d44668111d5f28dc0b"),
    ("text", 9, "303b2427578fb48d084b86e12d3704b50e94be1f10088b4930780d9de34c80e1"),
    ("digits", 10, "c0e6eaf3f9a252694f16a1f33d33c524b97c3554232fd0308e61a73230e8b864"),
]


def _readings(text: str) -> dict[str, str]:
    """The data's text as names are compared (``comparable``), and its digits alone."""
    return {"text": comparable(text), "digits": "".join(c for c in text if c.isdigit())}


def private_values_in(text: str) -> int:
    """Count the private values found in ``text``, whatever their spacing, dashes or case."""
    readings = _readings(text)
    wanted = {(reading, length, digest) for reading, length, digest in PRIVATE}
    found = 0
    for reading, length, _digest in {(r, n, "") for r, n, _ in PRIVATE}:
        read = readings[reading]
        for start in range(len(read) - length + 1):
            window = read[start : start + length].encode()
            if (reading, length, hashlib.sha256(SALT + window).hexdigest()) in wanted:
                found += 1
    return found


def test_the_private_value_check_finds_what_it_looks_for() -> None:
    # A fictitious name hashed the same way is found however it is written.
    fictitious = comparable("Hong Gil-dong")
    digest = hashlib.sha256(SALT + fictitious.encode()).hexdigest()
    PRIVATE.append(("text", len(fictitious), digest))
    try:
        assert private_values_in("A letter naming HONG gil\u200bdong.") == 1
        assert private_values_in("A letter naming nobody.") == 0
    finally:
        PRIVATE.pop()


def test_private_contacts_and_withheld_names_are_not_in_the_data() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in DATA.rglob("*.yaml"))
    assert private_values_in(text) == 0


def test_houston_consulate_is_closed_since_july_2020_with_a_source(library: Library) -> None:
    houston = library.missions["cn-consulate-us-houston"]
    assert houston.status.state is MissionState.CLOSED
    assert houston.status.since is not None and houston.status.since.startswith("2020-07")
    assert houston.status.source is not None and houston.status.source.url


def test_missions_whose_email_was_hidden_are_marked_as_needing_one(library: Library) -> None:
    # The 2023 list hid these e-mails; the US embassy's and Canada's official ones have since
    # been found on their own pages, so they no longer need one.
    hidden_2023 = {
        "cn-consulate-us-new-york",
        "cn-consulate-us-los-angeles",
        "cn-consulate-us-san-francisco",
        "cn-consulate-us-chicago",
        "cn-embassy-kr",
        "cn-embassy-au",
        "cn-embassy-fr",
        "cn-embassy-de",
        "cn-embassy-jp",
        "cn-embassy-gb",
        "cn-un-mission-new-york",
        "cn-un-mission-geneva",
    }
    needing = {
        mission.id
        for mission in library.missions.values()
        if any(need.field == "email" for need in mission.needs)
    }
    assert needing == hidden_2023


def test_template_letter_to_wang_yi_declares_its_placeholders(library: Library) -> None:
    letter = library.letters["wang-yi-template-2023"]
    assert [placeholder.token for placeholder in letter.placeholders] == ["[Name]", "[City/Region]"]
    assert letter.body["en"][0] == "Dear Minister Wang Yi,"


def test_2012_sample_letter_keeps_its_three_optional_paragraphs(library: Library) -> None:
    letter = library.letters["nkfc-sample-letter-2012"]
    optional = [not isinstance(item, str) and item.optional for item in letter.body["en"]]
    assert optional.count(True) == 3


def test_2015_petition_encloses_justice_kirbys_letter(library: Library) -> None:
    letter = library.letters["snkrd-2015-petition-letter"]
    assert [enclosure.letter for enclosure in letter.enclosures] == ["kirby-letter-2013"]
    assert library.letters["kirby-letter-2013"].addressees[0].mission == "cn-un-mission-geneva"


def test_save_north_korean_refugees_day_recurs_every_24_september(library: Library) -> None:
    recurrence = library.campaigns["save-north-korean-refugees-day"].recurrence
    assert recurrence is not None
    assert (recurrence.month, recurrence.day) == (9, 24)


def test_fellows_events_have_time_zones_and_venues(library: Library) -> None:
    events = library.campaigns["link-advocacy-fellows-2024"].events
    assert len(events) == 9
    for event in events:
        assert event.timezone is not None
        assert event.start is not None and event.start.startswith("2024-")
