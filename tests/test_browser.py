"""The built site in real headless Chromium: browsing, filtering, search, phones, focus, hostile text.

The journeys from the home page to a sent letter are in ``test_journeys.py``; accessibility
(axe-core) is in ``test_accessibility.py``. Fixtures are in ``browsing.py``.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

import coalition_kit
from browsing import open_context, watch
from coalition_kit.library.routes import mailto
from coalition_kit.outputs.letters import render_letter
from conftest import DATA, EXAMPLES


def test_from_home_to_an_organization_and_its_letter(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    page.get_by_role("navigation", name="Tabs").get_by_role("link", name="Organizations").click()
    expect(page.locator("h1")).to_contain_text("Organizations")

    page.locator("article").get_by_role("link", name="Liberty in North Korea", exact=True).click()
    expect(page.locator("h1")).to_contain_text("Liberty in North Korea")
    page.get_by_role("link", name="Urgent Letter for Rescuing NK refugees").click()
    expect(page.locator("h1")).to_contain_text("Urgent Letter for Rescuing NK refugees")
    expect(page.locator("article h2#signatories-28 + ol > li")).to_have_count(28)


def test_the_missions_filter_ignores_accents_and_case(page: Page, site_url: str) -> None:
    page.goto(site_url + "/missions/")
    page.get_by_label("Filter the list").fill("dusseldorf")
    rows = page.locator("article table tbody tr:visible")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Düsseldorf")


def test_site_search_finds_a_mission(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    page.wait_for_load_state("networkidle")  # the search index is loaded by a worker
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Montrose", delay=50)
    expect(page.locator(".md-search-result__item").first).to_contain_text("Houston", timeout=15_000)


@pytest.mark.parametrize("path", ["/", "/act/link-urgent-call-2023/?country=US", "/missions/"])
def test_a_phone_never_scrolls_sideways(browser: Browser, site_url: str, path: str) -> None:
    context = open_context(browser, site_url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    problems = watch(page, site_url)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 390
    assert problems == []


def test_every_control_shows_the_keyboard_focus(page: Page, site_url: str) -> None:
    page.goto(site_url + "/act/link-urgent-call-2023/?country=CA")
    for selector in ("#ck-country", "#ck-value-1", "#ck-subject", "#ck-letter-text", "#ck-share"):
        control = page.locator(selector)
        control.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # focus that came from the keyboard
        outline = control.evaluate(
            "e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth"
        )
        assert outline.split()[0] != "none" and outline.split()[1] != "0px", selector


def test_the_home_page_starts_at_the_browsers_country(browser: Browser, site_url: str) -> None:
    context = open_context(browser, site_url, locale="en-CA")
    page = context.new_page()
    problems = watch(page, site_url)
    page.goto(site_url + "/")
    expect(page.locator("#ck-home-country")).to_have_value("CA")
    # A shared link with ?country= goes straight to the action page, filled in.
    page.goto(site_url + "/?country=NO")
    expect(page).to_have_url(site_url + "/act/link-urgent-call-2023/?country=NO")
    expect(page.locator("#ck-country")).to_have_value("NO")
    context.close()
    assert problems == []


def test_tricky_text_survives_the_action_page(browser: Browser, tricky_url: str) -> None:
    context = open_context(browser, tricky_url)
    page = context.new_page()
    problems = watch(page, tricky_url)
    page.goto(tricky_url + "/act/tricky-campaign/?country=CA")
    page.get_by_label("Your name & 'title'").fill('Kim "Q" <b>&')
    letter = coalition_kit.load(EXAMPLES / "tricky").letters["tricky-letter"]
    body = render_letter(letter, {"Name": 'Kim "Q" <b>&'})
    expected = mailto(["embassy@example.org"], subject=letter.subject or letter.title, body=body)
    link = page.locator("[data-mission='tricky-mission'] [data-route='email'] a")
    expect(link).to_have_attribute("href", expected)
    expect(page.locator("#ck-letter-text")).to_have_value(body)
    assert (
        'Please Kim "Q" <b>&: [not a placeholder]' in page.locator("#ck-letter-text").input_value()
    )
    context.close()
    assert problems == []


def test_a_korean_search_finds_the_campaign_an_organization_and_the_action_page(
    page: Page, site_url: str
) -> None:
    library = coalition_kit.load(DATA)
    campaign = library.campaigns["link-urgent-call-2023"]
    title = campaign.translations["ko"].texts["title"]  # 긴급: 강제송환 위기에 처한 북한 난민들
    page.goto(site_url + "/ko/")
    page.wait_for_load_state("networkidle")  # the search index is loaded by a worker
    search = page.locator("input.md-search__input")
    search.click()
    results = page.locator(".md-search-result__list")
    for query, found in (
        ("강제송환", title),  # a word of the campaign's Korean headline
        ("성통만사", "PSCORE"),  # an organization by its Korean short name
        ("편지 쓰기", "중국 공관에 편지 쓰기"),  # the action page
    ):
        search.fill(query)  # typing Hangul goes through an input method: fill, then a key
        search.press("End")
        expect(results).to_contain_text(found, timeout=15_000)
