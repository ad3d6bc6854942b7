"""Build every generated page of the site from a library, in each of the site's languages.

The public part (home and action pages, campaigns, letters, organizations, missions) is built in
every language, ``page.md`` for English and ``page.ko.md`` for Korean, which the i18n plugin
serves at ``/`` and ``/ko/``; the part for contributors (data quality, schema, problem codes,
command line) in English. ``build_pages`` returns the pages as ``{path: text}`` (Markdown, paths
relative to ``docs/``) and the downloads as ``{path: bytes}``; nothing generated is committed.
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import Any

from coalition_kit.cli.parser import command_help
from coalition_kit.library import Library
from coalition_kit.library.routes import envelope
from coalition_kit.models import Campaign, Mission, Organization
from coalition_kit.models.contacts import EmailContact, PhoneContact, PostalContact, WebFormContact
from coalition_kit.models.shared import NameKind
from coalition_kit.outputs.ics_export import in_calendar
from coalition_kit.problems.codes import CATALOGUE
from coalition_kit.site.act import action_data, all_countries, region_name
from coalition_kit.site.campaigns import (
    acting_campaigns,
    current_campaigns,
    event_groups,
    main_campaign,
    recurs_on,
)
from coalition_kit.site.downloads import PARTS, downloads
from coalition_kit.site.i18n import DEFAULT_LANGUAGE, LANGUAGES, Words
from coalition_kit.site.quality import LISTED, quality_report
from coalition_kit.site.reference import schema_reference
from coalition_kit.site.render import Renderer, kinds_word, page_path
from coalition_kit.site.safe import html_text, json_script, link
from coalition_kit.site.translated import Localized, localized
from coalition_kit.support.processes import can_fork, usable_cores

__all__ = ["SitePages", "build_pages", "own_name"]

_INSTITUTIONS = {"government-body", "un-body", "intergovernmental"}


@dataclass
class SitePages:
    """The generated content: Markdown pages and binary downloads, by path under ``docs/``."""

    pages: dict[str, str] = field(default_factory=dict)
    downloads: dict[str, bytes] = field(default_factory=dict)


def own_name(organization: Organization, language: str) -> str | None:
    """The organization's own name in ``language``, if a source gives it (never a rendering)."""
    return next(
        (
            other.name
            for other in organization.other_names
            if other.language == language and other.kind is NameKind.OFFICIAL
        ),
        None,
    )


def _lead(campaign: Campaign, language: str) -> Localized:
    """The campaign's first paragraph, in ``language`` if translated: the one sentence of why."""
    summary = localized(campaign, "summary", language)
    return Localized(summary.strip().split("\n\n")[0], summary.language)


def _contacts(entity: Any, words: Words) -> list[dict[str, Any]]:
    rows = []
    for contact in entity.contact_points:
        if contact.visibility.value != "institutional":
            continue
        if isinstance(contact, EmailContact):
            value, word = link("mailto:" + contact.value, contact.value), words("mission_email")
        elif isinstance(contact, PhoneContact):
            word = words("mission_fax" if contact.kind == "fax" else "mission_phone")
            value = link("tel:" + contact.value, contact.display or contact.value)
        elif isinstance(contact, WebFormContact):
            value, word = link(contact.url), words("mission_web_form")
        elif isinstance(contact, PostalContact):
            address = contact.address
            parts = [*address.lines, address.locality or "", words.country(address.country)]
            value = html_text(", ".join(p for p in parts if p))
            word = words("mission_post")
        else:
            continue
        rows.append({"word": word, "value": value, "label": contact.label, "contact": contact})
    return rows


class _Site:
    """The pages of one language."""

    def __init__(self, library: Library, language: str, today: dt.date) -> None:
        self.library = library
        self.words = Words(language)
        self.today = today
        self.suffix = ".md" if language == DEFAULT_LANGUAGE else f".{language}.md"
        self.renderer = Renderer(library, self.words)
        self.html_renderer = Renderer(library, self.words, writes_html=True)  # entity, action
        self.current = current_campaigns(library, today)
        self.main = main_campaign(library, today)
        self.acting = acting_campaigns(library, today)
        self.countries = all_countries(self.words)
        self.plans: dict[str, Any] = {}
        self.cards: dict[str, dict[str, Any]] = {}  # the missions' cards on the action pages

    def path(self, name: str) -> str:
        return name.removesuffix(".md") + self.suffix

    def build(self, site: SitePages) -> None:
        render = self.renderer.render
        for campaign in self.acting:
            self.action_page(site, campaign)
        if self.main is not None:
            others = [
                (campaign, self.library.next_day_of(campaign.id, self.today))
                for campaign in self.current
                if campaign.id != self.main.id
            ]
            site.pages[self.path("index.md")] = render(
                "home.md.jinja",
                main=self.main,
                lead=_lead(self.main, self.words.language),
                countries=self.countries,
                others=others,
            )
        for organization in self.library.organizations.values():
            site.pages[page_path(organization, self.suffix)] = self.html_renderer.render(
                "organization.html.jinja",
                organization=organization,
                kind_word=kinds_word(self.words, organization),
                contacts=_contacts(organization, self.words),
                letters=self.library.letters_signed_by(organization.id),
                campaigns=self.library.campaigns_of(organization.id),
                members=self.library.members_of(organization.id),
                heading_text=own_name(organization, self.words.language) or organization.name,
            )
        for letter in self.library.letters.values():
            users = [c for c in self.library.campaigns_using(letter.id) if c in self.acting]
            site.pages[page_path(letter, self.suffix)] = self.html_renderer.render(
                "letter.html.jinja",
                letter=letter,
                kind_word=kinds_word(self.words, letter),
                campaigns=self.library.campaigns_using(letter.id),
                enclosed_in=self.library.letters_enclosing(letter.id),
                use_link=f"act/{users[0].id}.md" if users else None,
            )
        for campaign in self.library.campaigns.values():
            self.campaign_page(site, campaign)
        for mission in self.library.missions.values():
            self.mission_page(site, mission)
        self.index_pages(site)

    def action_page(self, site: SitePages, campaign: Campaign) -> None:
        data = action_data(self.library, campaign, self.words, self.today, cards=self.cards)
        plans = {code: plan[""] for code, plan in data["plans"].items()}
        if campaign is self.main:
            self.plans = plans
        letter = self.library.where_to_write(campaign.id, None).letter
        site.pages[self.path(f"act/{campaign.id}.md")] = self.html_renderer.render(
            "act.html.jinja",
            campaign=campaign,
            lead=_lead(campaign, self.words.language),
            countries=self.countries,
            plans=plans,
            missions=data["missions"],
            letter=letter if letter is not None and letter.body else None,
            view=data["letter"],
            has_optional=bool(
                letter and any(p["optional"] for t in data["letter"]["text"].values() for p in t)
            )
            if data["letter"]
            else False,
            posts=data["posts"],
            calendar=data["calendar"],
            next_day=data["next_day"],
            data=json_script("ck-act-data", data),
        )

    def campaign_page(self, site: SitePages, campaign: Campaign) -> None:
        history = campaign not in self.current
        period = self.words.partial_date(campaign.period) if campaign.period else ""
        act = campaign in self.acting
        site.pages[page_path(campaign, self.suffix)] = self.html_renderer.render(
            "campaign.html.jinja",
            campaign=campaign,
            history=history,
            period=period,
            act_link=f"act/{campaign.id}.md" if act else None,
            next_day=None if history else self.library.next_day_of(campaign.id, self.today),
            recurs_on=recurs_on(campaign, self.words),
            event_groups=event_groups(
                campaign,
                self.library,
                self.words,
                self.today,
                history=history,
                ref=self.html_renderer.ref,
                text=self.html_renderer.tx,
            ),
            calendar=f"campaigns/{campaign.id}.ics" if in_calendar(campaign) else None,
            letters=self.library.campaign_letters(campaign.id),
            translation=campaign.translations.get(self.words.language),
        )

    def mission_page(self, site: SitePages, mission: Mission) -> None:
        words = self.words
        status_word = {"closed": "mission_closed", "suspended": "mission_suspended"}.get(
            mission.status.state.value, "mission_relocated"
        )
        since = words.partial_date(mission.status.since) if mission.status.since else "?"
        write_link = None
        if self.main is not None and mission.host_country in self.plans:
            write_link = f"act/{self.main.id}.md"
        site.pages[page_path(mission, self.suffix)] = self.html_renderer.render(
            "mission.html.jinja",
            mission=mission,
            kind_word=kinds_word(words, mission),
            place=words.country(mission.host_country)
            + (f", {mission.city}" if mission.city else ""),
            status_line=words(status_word, date=since),
            contacts=_contacts(mission, words),
            envelope=envelope(mission) or "",
            write_link=write_link,
            districts=[region_name(code) for code in mission.consular_district],
            campaigns=self.library.campaigns_targeting(mission.id),
        )

    def index_pages(self, site: SitePages) -> None:
        words = self.words
        render = self.renderer.render
        missions = sorted(
            self.library.missions.values(),
            key=lambda m: (words.country(m.host_country).casefold(), m.city or "", m.id),
        )
        rows = [
            {
                "country": words.country(m.host_country),
                "name": m.display_name,
                "href": f"{m.id}/",
                "city": m.city or "",
                "ways": ", ".join(
                    dict.fromkeys(words(f"route_{route.kind.value}") for route in m.routes)
                ),
            }
            for m in missions
        ]
        site.pages[self.path("missions/index.md")] = render("missions.md.jinja", rows=rows)
        organizations = list(self.library.organizations.values())
        site.pages[self.path("organizations/index.md")] = render(
            "organizations.md.jinja",
            members=[o for o in organizations if o.kind.value not in _INSTITUTIONS],
            institutions=[o for o in organizations if o.kind.value in _INSTITUTIONS],
        )
        site.pages[self.path("letters/index.md")] = render(
            "letters.md.jinja",
            rows=[(letter, kinds_word(words, letter)) for letter in self.library.letters.values()],
        )
        history = [c for c in self.library.campaigns.values() if c not in self.current]
        site.pages[self.path("campaigns/index.md")] = render(
            "campaigns.md.jinja",
            current=self.current,
            history=[(c, words.partial_date(c.period) if c.period else "") for c in history],
        )


_PARALLEL_FROM = 2_000
"""Libraries with fewer entities than this are built in one process: forking costs more."""

# The library the forked workers of ``build_pages`` build from: inherited, never pickled.
_FORKED: Library | None = None


def _language_pages(language: str, day: dt.date) -> dict[str, str]:
    site = SitePages()
    assert _FORKED is not None
    _Site(_FORKED, language, day).build(site)
    return site.pages


def _download_part(part: str, day: dt.date, site_url: str | None) -> dict[str, bytes]:
    assert _FORKED is not None
    return downloads(_FORKED, day, site_url, (part,))


def build_pages(
    library: Library,
    *,
    today: dt.date | None = None,
    languages: tuple[str, ...] = LANGUAGES,
    site_url: str | None = None,
    lighthouse: dict[str, Any] | None = None,
    workers: int | None = None,
) -> SitePages:
    """Build every generated page and download of the site from ``library``.

    ``site_url`` (mkdocs' ``site_url``) makes the calendar files link to the campaign pages;
    without it they link to the campaigns' sources. ``lighthouse`` is the last measurement of
    the site (``benchmarks/lighthouse.py``), which the data quality page shows. With more than
    one of ``workers`` (every usable core by default), a large library's languages and
    downloads are built in that many forked processes at once.
    """
    global _FORKED  # noqa: PLW0603 - handed to the forked workers without pickling
    day = today or dt.date.today()
    site = SitePages()
    workers = usable_cores() if workers is None else workers
    large = sum(map(len, library.values())) >= _PARALLEL_FROM
    parallel = workers > 1 and can_fork() and large
    if parallel:
        _FORKED = library
        try:
            with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
                # The longest first: each language's pages, then the downloads in parts.
                pages = [pool.submit(_language_pages, language, day) for language in languages]
                files = [pool.submit(_download_part, part, day, site_url) for part in PARTS]
                for future in pages:
                    site.pages.update(future.result())
                for part in files:
                    site.downloads.update(part.result())
        finally:
            _FORKED = None
    else:
        for language in languages:
            _Site(library, language, day).build(site)
        site.downloads.update(downloads(library, day, site_url))
    contributors = Renderer(library, Words(DEFAULT_LANGUAGE))
    site.pages["contribute/quality.md"] = contributors.render(
        "quality.md.jinja",
        quality=quality_report(library, day),
        lighthouse=lighthouse,
        listed=LISTED,
    )
    site.pages["reference/schema.md"] = schema_reference()
    site.pages["reference/problem-codes.md"] = contributors.render(
        "problem-codes.md.jinja", catalogue=CATALOGUE
    )
    site.pages["reference/cli.md"] = contributors.render("cli.md.jinja", helps=command_help())
    return site
