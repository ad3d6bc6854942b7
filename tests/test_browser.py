"""The built site in real headless Chromium (Debian's, driven by Playwright).

From the home page to an organization, a letter and a take-action page; the reader types a name
once and the mailto link must be exactly what ``coalition_kit.outputs.letters`` builds. Any console error,
failed request or request to another host fails the test.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

import coalition_kit
from coalition_kit.library.routes import mailto
from coalition_kit.outputs.letters import render_letter
from conftest import DATA, EXAMPLES

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# As root, in a closed network: no sandbox, no background connections to Google.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    yield from _serve(built_site)


@pytest.fixture(scope="module")
def tricky_url(tricky_site: Path) -> Iterator[str]:
    yield from _serve(tricky_site)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Debian's chromium is needed: apt-get install -y chromium (scripts/test does it)"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _watch(page: Page) -> list[str]:
    """Collect console errors, page errors and dialogs (an alert would mean injected script)."""
    problems: list[str] = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", lambda dialog: problems.append(f"dialog: {dialog.message}"))
    return problems


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    problems = _watch(opened)
    # A request cut short by the next navigation is not a failure of the site.
    opened.on(
        "requestfailed",
        lambda request: (
            None
            if "ERR_ABORTED" in (request.failure or "")
            else problems.append(f"failed: {request.url} ({request.failure})")
        ),
    )
    opened.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((site_url, "data:", "blob:"))
            else problems.append(f"request to another host: {request.url}")
        ),
    )
    yield opened
    context.close()
    assert problems == []


def test_from_home_to_an_organization_a_letter_and_a_take_action_page(
    page: Page, site_url: str
) -> None:
    library = coalition_kit.load(DATA)
    page.goto(site_url + "/")
    page.locator("article").get_by_role("link", name="Organizations").click()
    expect(page.locator("h1")).to_contain_text("Organizations")

    page.get_by_placeholder("Filter organizations").fill("PSCORE")
    expect(page.locator("article table tbody tr:visible")).to_have_count(1)
    page.get_by_placeholder("Filter organizations").fill("")
    page.locator("article table th", has_text="Name").click()
    expect(page.locator("article table th", has_text="Name")).to_have_attribute(
        "aria-sort", "ascending"
    )

    page.locator("article").get_by_role("link", name="Liberty in North Korea", exact=True).click()
    expect(page.locator("h1")).to_contain_text("Liberty in North Korea")
    page.get_by_role("link", name="Urgent Letter for Rescuing NK refugees").click()
    expect(page.locator("h1")).to_contain_text("Urgent Letter for Rescuing NK refugees")
    expect(page.locator("article h2#signatories-28 + ol > li")).to_have_count(28)

    page.goto(site_url + "/")
    page.locator("article").get_by_role("link", name="Take action").click()
    page.get_by_role(
        "link", name="North Korean Refugees in China in Grave Danger of Repatriation"
    ).click()
    expect(page.locator("h1")).to_contain_text("Take action")

    page.select_option("#ck-country", "US")
    page.get_by_label("Your name.").fill("Jane Doe")
    link = page.locator("li[data-mission='cn-embassy-us'] a.ck-mailto")
    letter = library.letters["nkfc-sample-letter-2012"]
    emails = ["WEBMASTER@CHINA-EMBASSY.ORG", "chinaembpress_us@mfa.gov.cn"]
    expected = mailto(
        emails, subject=letter.title, body=render_letter(letter, {"Name": "Jane Doe"})
    )
    expect(link).to_have_attribute("href", expected)
    assert "Jane Doe" in unquote(expected)

    page.locator("#ck-optional input[type=checkbox]").first.uncheck()
    shorter = render_letter(letter, {"Name": "Jane Doe"}, include_optional={3, 4})
    expect(link).to_have_attribute("href", mailto(emails, subject=letter.title, body=shorter))
    expect(page.locator("#ck-letter-text")).to_have_text(shorter)
    expect(page.locator("li[data-mission='cn-consulate-us-houston']")).to_have_count(0)
    expect(page.locator("#ck-calendar")).to_have_attribute(
        "href", "../../campaigns/nkfc-appeal-2012.ics"
    )


def test_take_action_without_a_local_mission_lists_the_shared_ones(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "/act/link-urgent-call-2023/")
    page.select_option("#ck-country", "CA")
    expect(page.locator("#ck-missions > li")).to_have_count(6)
    expect(page.locator("#ck-missions > li").first).to_contain_text("Embassy of China in Ottawa")
    page.select_option("#ck-country", "")
    expect(page.locator("#ck-missions > li")).to_have_count(2)
    expect(page.locator("#ck-hint")).to_contain_text("No mission of China in your country")
    expect(page.locator(".ck-post")).to_have_count(2)


def test_site_search_finds_a_mission(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    page.wait_for_load_state("networkidle")  # the search index is loaded by a worker
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Montrose", delay=50)
    expect(page.locator(".md-search-result__item").first).to_contain_text("Houston", timeout=15_000)


def test_tricky_text_survives_the_take_action_page(browser: Browser, tricky_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    problems = _watch(page)
    page.goto(tricky_url + "/act/tricky-campaign/")
    page.select_option("#ck-country", "CA")
    page.get_by_label("Your name & 'title'").fill('Kim "Q" <b>&')
    letter = coalition_kit.load(EXAMPLES / "tricky").letters["tricky-letter"]
    expected = mailto(
        ["embassy@example.org"],
        subject=letter.title,
        body=render_letter(letter, {"Name": 'Kim "Q" <b>&'}),
    )
    expect(page.locator("li[data-mission='tricky-mission'] a.ck-mailto")).to_have_attribute(
        "href", expected
    )
    expect(page.locator("#ck-letter-text")).to_contain_text(
        'Please Kim "Q" <b>&: [not a placeholder]'
    )
    context.close()
    assert problems == []
