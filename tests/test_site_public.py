"""The public part of the built site speaks to supporters: plain words, its own descriptions,
history shown as history, calendars that calendars read, and a light action page."""

from __future__ import annotations

import datetime as dt
import gzip
import re
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import pytest

import coalition_kit
from coalition_kit._project import SOURCE
from coalition_kit.outputs.ics_export import in_calendar
from coalition_kit.site.campaigns import acting_campaigns, main_campaign
from conftest import DATA, REPO

# The contributors' part; everything else is public.
CONTRIBUTORS = ("contribute/", "reference/", "examples/", "benchmarks/")
# Words of the data files that public pages must never show (issue 13's list and its kind).
INTERNAL = re.compile(
    r"Last verified|seeds/|\.yaml\b|archived copy|Kind: |Wanted: |Post on x\b|\bngo\b|"
    r"government-body|un-body|consulate-general\b|\bcn-(?:embassy|consulate|un-mission)-|"
    r"\bnull\b|\bNone\b(?! on file)|\{[a-z_]+\}|\\[\\`*_{}\[\]()#+.!-]"
)


class _Page(HTMLParser):
    """The visible text of a page's article, its meta tags and its empty table headers."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.meta: dict[str, str] = {}
        self.empty_headers = 0
        self._hidden = 0
        self._article = 0
        self._header: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("script", "style", "noscript", "template"):
            self._hidden += 1
        if tag == "article":
            self._article += 1
        if tag == "meta":
            key = values.get("name") or values.get("property")
            if key:
                self.meta[key] = values.get("content") or ""
        if tag == "th":
            self._header = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript", "template"):
            self._hidden -= 1
        if tag == "article":
            self._article -= 1
        if tag == "th" and self._header is not None:
            self.empty_headers += not "".join(self._header).strip()
            self._header = None

    def handle_data(self, data: str) -> None:
        if self._header is not None:
            self._header.append(data)
        if self._article and not self._hidden:
            self.text.append(data)

    @property
    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())


def _read(page: Path) -> _Page:
    parsed = _Page()
    parsed.feed(page.read_text(encoding="utf-8"))
    return parsed


@pytest.fixture(scope="module")
def public_pages(built_site: Path) -> dict[str, _Page]:
    pages = {}
    for page in sorted(built_site.rglob("index.html")):
        relative = page.relative_to(built_site).as_posix().removeprefix("ko/")
        if relative.startswith(CONTRIBUTORS) or relative.startswith("search/"):
            continue
        pages[page.relative_to(built_site).as_posix()] = _read(page)
    return pages


def test_public_pages_show_no_internal_words(public_pages: dict[str, _Page]) -> None:
    found = {
        path: [match.group(0) for match in INTERNAL.finditer(page.visible)]
        for path, page in public_pages.items()
    }
    assert {path: words for path, words in found.items() if words} == {}
    assert all(page.empty_headers == 0 for page in public_pages.values())


def test_every_public_page_has_its_own_description_and_open_graph_tags(
    public_pages: dict[str, _Page],
) -> None:
    descriptions: dict[tuple[bool, str], list[str]] = {}
    for path, page in public_pages.items():
        assert page.meta.get("description"), path
        assert page.meta.get("og:title") and page.meta.get("og:description"), path
        assert "&amp;" not in page.meta["og:title"], path  # escaped once, not twice
        # Within one language: a Korean page may share an English text from the data.
        descriptions.setdefault((path.startswith("ko/"), page.meta["description"]), []).append(path)
    shared = {text: paths for text, paths in descriptions.items() if len(paths) > 1}
    assert shared == {}


def test_coalition_members_are_listed_apart_from_the_institutions_they_write_to(
    built_site: Path,
) -> None:
    page = _read(built_site / "organizations" / "index.html").visible
    members, institutions = page.split("Institutions the campaigns write to")
    assert "Liberty in North Korea" in members and "PSCORE" in members
    assert "Chinese Foreign Ministry" in institutions
    assert "United Nations High Commissioner for Refugees" in institutions
    assert "Chinese Foreign Ministry" not in members


def test_history_is_shown_as_history_without_action_buttons(built_site: Path) -> None:
    html = (built_site / "campaigns" / "nkfc-appeal-2012" / "index.html").read_text("utf-8")
    text = _read(built_site / "campaigns" / "nkfc-appeal-2012" / "index.html").visible
    assert "This campaign is history (2012)" in text
    assert "/act/" not in html and "md-button--primary" not in html
    assert "Past events" in text
    home = (built_site / "index.html").read_text("utf-8")
    assert "nkfc-appeal-2012" not in home


def test_the_home_page_leads_to_the_current_campaign_without_javascript(
    built_site: Path,
) -> None:
    library = coalition_kit.load(DATA)
    main = main_campaign(library, dt.date.today())
    assert main is not None
    home = (built_site / "index.html").read_text("utf-8")
    assert f'<form class="ck-where" action="act/{main.id}/" method="get">' in home
    assert home.count("<option value=") >= 240  # every country
    act = (built_site / "act" / main.id / "index.html").read_text("utf-8")
    # Without JavaScript the missions of each country are plain links.
    noscript = act[act.index("<noscript>") : act.index("</noscript>")]
    assert 'href="../../missions/cn-consulate-us-chicago/"' in noscript


def test_calendar_files_are_ones_calendars_show_well(built_site: Path) -> None:
    library = coalition_kit.load(DATA)
    for campaign in library.campaigns.values():
        path = built_site / "campaigns" / f"{campaign.id}.ics"
        if not in_calendar(campaign):  # no events, or none with a date (a daily gathering)
            assert not path.exists()
            continue
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        events = list(calendar.walk("VEVENT"))
        assert events, campaign.id
        for event in events:
            assert "DTEND" in event or "DURATION" in event, event.get("SUMMARY")
            assert str(event["URL"]).startswith("http"), event.get("SUMMARY")
            assert str(event["STATUS"]) in {"CONFIRMED", "CANCELLED", "TENTATIVE"}


def test_the_action_page_transfers_under_300_kb(built_site: Path) -> None:
    library = coalition_kit.load(DATA)
    for campaign in acting_campaigns(library, dt.date.today()):
        page = built_site / "act" / campaign.id / "index.html"
        html = page.read_text("utf-8")
        files = [page] + [
            (page.parent / reference).resolve()
            for reference in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html)
            if not reference.startswith("http")
        ]
        raw = sum(file.stat().st_size for file in files)
        sent = sum(len(gzip.compress(file.read_bytes())) for file in files)
        print(f"{campaign.id}: {raw / 1000:.0f} kB, {sent / 1000:.0f} kB compressed")
        assert sent < 300_000


def test_every_entity_page_offers_a_correction_and_an_edit_without_installing_anything(
    built_site: Path,
) -> None:
    library = coalition_kit.load(DATA)
    for folder in ("organizations", "letters", "campaigns", "missions"):
        for entity_id in library[folder]:
            for prefix in ("", "ko/"):
                html = (built_site / prefix / folder / entity_id / "index.html").read_text("utf-8")
                edit = f"{SOURCE}/edit/main/data/{folder}/{entity_id}.yaml"
                assert f'<a href="{edit}" rel="noopener">' in html, (prefix, folder, entity_id)
                form = (
                    "outdated-contact.yml"
                    if folder in ("organizations", "missions")
                    else ("correction.yml")
                )
                assert f"{SOURCE}/issues/new?template={form}&amp;title=" in html
                assert f"&amp;entry={folder}%2F{entity_id}" in html
    # The forms the links open exist, and ask for the entry the link fills in.
    for form in ("outdated-contact.yml", "correction.yml"):
        text = (REPO / ".github" / "ISSUE_TEMPLATE" / form).read_text(encoding="utf-8")
        assert "id: entry" in text and "id: source" in text
