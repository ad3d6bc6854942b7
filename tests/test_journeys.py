"""Supporters' journeys in Chromium, from the home page to an opened e-mail or a printed letter.

For each country: choose it on the home page and press the button (click 1); on the action page
fill in the name and city (and the region where consulates have districts), then open the one
e-mail to every mission or print the letter for one mission (click 2). Choosing from a list and
typing are not counted as clicks. The recipients, subject and body of every e-mail link are
compared with what the Python API answers for the same reader; the page must show no console
error and ask nothing of another host.

The mail program and the print dialog are outside the page: a capture-phase listener records
the e-mail link that a click opens (the page's own handlers still run), and ``window.print``
records that it was called.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, Page, expect

import coalition_kit
from browsing import open_context, watch
from coalition_kit.library import Library
from coalition_kit.library.routes import envelope, mailto
from coalition_kit.models import Letter
from coalition_kit.outputs.letters import render_letter
from coalition_kit.site.campaigns import main_campaign
from conftest import DATA

MAILTO_LIMIT = 2000
OUTSIDE_THE_PAGE = """
window.__opened = [];
window.__printed = 0;
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a[href^='mailto:']");
  if (link) { window.__opened.push(link.href); event.preventDefault(); }
}, true);
window.print = () => { window.__printed += 1; };
"""


@dataclass(frozen=True)
class Reader:
    """A supporter: where they live and what they type."""

    country: str
    region: str | None
    name: str
    city: str


READERS = [
    Reader("US", "IL", "Jane Doe", "Evanston"),
    Reader("CA", None, "Marie Tremblay", "Montréal"),
    Reader("KR", None, "김민지", "서울"),
    Reader("DE", None, "Jürgen Groß", "Köln"),
    Reader("NO", None, "Kari Nordmann", "Tromsø"),
    Reader("BT", None, "Karma Wangmo", "Thimphu"),  # no Chinese mission: the UN missions only
]


@pytest.fixture(scope="module")
def library() -> Library:
    return coalition_kit.load(DATA)


@pytest.fixture
def reader_page(browser: Browser, site_url: str) -> Iterator[Page]:
    context = open_context(browser, site_url, locale="en-GB")
    page = context.new_page()
    page.add_init_script(OUTSIDE_THE_PAGE)
    problems = watch(page, site_url)
    yield page
    context.close()
    assert problems == []


def _letter(library: Library) -> tuple[str, Letter]:
    campaign = main_campaign(library, dt.date.today())
    assert campaign is not None
    letter = library.where_to_write(campaign.id, None).letter
    assert letter is not None
    return campaign.id, letter


def _arrive(page: Page, site_url: str, reader: Reader, campaign_id: str) -> int:
    """From the home page to the action page, filled in; return the clicks it took."""
    page.goto(site_url + "/")
    page.select_option("#ck-home-country", reader.country)
    page.get_by_role("button", name="Write your letter").click()
    expect(page).to_have_url(f"{site_url}/act/{campaign_id}/?country={reader.country}")
    expect(page.locator("#ck-country")).to_have_value(reader.country)
    if reader.region:
        page.select_option("#ck-region", f"{reader.country}-{reader.region}")
    page.get_by_label("Your name.").fill(reader.name)
    page.get_by_label("Your city or region.").fill(reader.city)
    return 1


def _opened(page: Page) -> list[str]:
    return list(page.evaluate("window.__opened"))


@pytest.mark.parametrize("reader", READERS, ids=[r.country for r in READERS])
def test_one_email_to_every_mission(
    reader_page: Page, site_url: str, library: Library, reader: Reader
) -> None:
    page = reader_page
    campaign_id, letter = _letter(library)
    clicks = _arrive(page, site_url, reader, campaign_id)
    plan = library.where_to_write(campaign_id, reader.country, region=reader.region)

    cards = page.locator("#ck-recipients-list > [data-mission]")
    expect(cards).to_have_count(len(plan.missions))
    assert cards.evaluate_all("cards => cards.map(c => c.dataset.mission)") == [
        m.id for m in plan.missions
    ]
    if reader.region == "IL":
        assert plan.missions[0].id == "cn-consulate-us-chicago"
    if not plan.local_missions:
        expect(page.locator("#ck-recipients-hint")).to_contain_text("No Chinese embassy")

    body = render_letter(letter, {"[Name]": reader.name, "[City/Region]": reader.city})
    expect(page.locator("#ck-letter-text")).to_have_value(body)
    subject = letter.subject or letter.title
    button = page.locator("#ck-email-all")
    if not plan.email_addresses:
        # No mission here has an e-mail address on file: the letter goes by post.
        expect(button).to_be_hidden()
        mission = next(m for m in plan.missions if envelope(m) is not None)
        page.locator(f"[data-mission='{mission.id}'] [data-route='post'] button").click()
        clicks += 1
        assert page.evaluate("window.__printed") == 1
        expect(page.locator("#ck-print .ck-print-letter")).to_have_text(body)
        assert clicks <= 3
        return
    full = mailto(plan.email_addresses, subject=subject, body=body)
    button.click()
    clicks += 1
    if len(full) <= MAILTO_LIMIT:
        assert _opened(page) == [full]
    else:
        # Too long for some mail programs: the link has the recipients and subject, and the
        # letter waits in the clipboard, as the page says.
        assert _opened(page) == [mailto(plan.email_addresses, subject=subject)]
        expect(page.locator("#ck-status")).to_contain_text("it was copied")
        assert page.evaluate("navigator.clipboard.readText()") == body
    assert clicks <= 3


@pytest.mark.parametrize("reader", READERS[:3], ids=[r.country for r in READERS[:3]])
def test_one_email_to_one_mission_and_a_printed_letter(
    reader_page: Page, site_url: str, library: Library, reader: Reader
) -> None:
    page = reader_page
    campaign_id, letter = _letter(library)
    _arrive(page, site_url, reader, campaign_id)
    plan = library.where_to_write(campaign_id, reader.country, region=reader.region)
    first = plan.missions[0]
    card = page.locator(f"[data-mission='{first.id}']")
    body = render_letter(letter, {"[Name]": reader.name, "[City/Region]": reader.city})
    subject = letter.subject or letter.title

    emails = [r.value for r in first.routes if r.kind.value == "email"]
    if emails:
        card.locator("[data-route='email'] a").first.click()
        full = mailto([emails[0]], subject=subject, body=body)
        short = mailto([emails[0]], subject=subject)
        assert _opened(page) == [full if len(full) <= MAILTO_LIMIT else short]

    post = card.locator("[data-route='post'] button")
    block = envelope(first)
    assert (post.count() == 1) == (block is not None)
    if block is not None:
        post.click()  # click 2: the letter, addressed, in the print view
        assert page.evaluate("window.__printed") == 1
        printed = page.locator("#ck-print")
        expect(printed.locator(".ck-print-address")).to_have_text(block)
        expect(printed.locator(".ck-print-letter")).to_have_text(body)
        page.emulate_media(media="print")
        expect(printed).to_be_visible()
        expect(page.locator("#ck-act")).to_be_hidden()
        expect(page.locator(".md-header")).to_be_hidden()


def test_a_shared_link_opens_the_page_filled_in_for_a_region(
    reader_page: Page, site_url: str, library: Library
) -> None:
    campaign_id, _ = _letter(library)
    reader_page.goto(f"{site_url}/act/{campaign_id}/?country=US&region=IL")
    expect(reader_page.locator("#ck-region")).to_have_value("US-IL")
    expect(reader_page.locator("#ck-recipients-list > [data-mission]").first).to_have_attribute(
        "data-mission", "cn-consulate-us-chicago"
    )
    reader_page.select_option("#ck-region", "US-NY")
    assert reader_page.url.endswith("?country=US&region=NY")


def test_an_edited_letter_is_what_is_sent(
    reader_page: Page, site_url: str, library: Library
) -> None:
    campaign_id, letter = _letter(library)
    reader = Reader("CA", None, "Kari Nordmann", "Tromsø")
    _arrive(reader_page, site_url, reader, campaign_id)
    box = reader_page.locator("#ck-letter-text")
    edited = "My own words.\n\n" + box.input_value()
    box.fill(edited)
    reader_page.get_by_label("Your name.").fill("Kari N.")  # still replaces the name
    expected = edited.replace("Kari Nordmann", "Kari N.")
    expect(box).to_have_value(expected)
    plan = library.where_to_write(campaign_id, "CA")
    reader_page.locator("#ck-email-all").click()
    subject = letter.subject or letter.title
    full = mailto(plan.email_addresses, subject=subject, body=expected)
    if len(full) <= MAILTO_LIMIT:
        assert _opened(reader_page) == [full]
    else:
        assert reader_page.evaluate("navigator.clipboard.readText()") == expected


def test_from_the_korean_home_page_to_a_korean_email(
    browser: Browser, site_url: str, library: Library
) -> None:
    context = open_context(browser, site_url, locale="ko-KR")
    page = context.new_page()
    page.add_init_script(OUTSIDE_THE_PAGE)
    problems = watch(page, site_url)
    campaign_id, letter = _letter(library)
    assert "ko" in letter.body, "the letter has a Korean translation"

    page.goto(site_url + "/ko/")
    expect(page.locator("#ck-home-country")).to_have_value("KR")  # the browser's region
    page.get_by_role("button", name="편지 쓰기").click()  # click 1
    expect(page).to_have_url(f"{site_url}/ko/act/{campaign_id}/?country=KR")
    expect(page.locator("#ck-letter-language")).to_have_value("ko")
    values = {"[Name]": "김민지", "[City/Region]": "서울"}
    for index, placeholder in enumerate(letter.placeholders, start=1):
        page.locator(f"#ck-value-{index}").fill(values[placeholder.token])
    body = render_letter(letter, values, language="ko")
    expect(page.locator("#ck-letter-text")).to_have_value(body)
    expect(page.locator("#ck-subject")).to_have_value(letter.subject_in("ko"))

    plan = library.where_to_write(campaign_id, "KR")
    assert plan.missions[0].id == "cn-embassy-kr"
    page.locator("#ck-email-all").click()  # click 2
    full = mailto(plan.email_addresses, subject=letter.subject_in("ko"), body=body)
    if len(full) <= MAILTO_LIMIT:
        assert _opened(page) == [full]
    else:
        assert _opened(page) == [mailto(plan.email_addresses, subject=letter.subject_in("ko"))]
        assert page.evaluate("navigator.clipboard.readText()") == body

    # The original stays one choice away, and the Chinese translation for Chinese officials.
    page.select_option("#ck-letter-language", "en")
    expect(page.locator("#ck-letter-text")).to_have_value(render_letter(letter, values))
    expect(page.locator("#ck-subject")).to_have_value(letter.subject_in("en"))
    if "zh-Hans" in letter.body:
        page.select_option("#ck-letter-language", "zh-Hans")
        expect(page.locator("#ck-letter-text")).to_have_value(
            render_letter(letter, values, language="zh-Hans")
        )
    context.close()
    assert problems == []
