"""Build every generated page of the site from a library.

One page per entity, index pages, take-action pages, the data-quality page, the schema reference
and the problem codes.

``build_pages`` returns the pages as ``{path: text}`` (Markdown, paths relative to ``docs/``) and
the downloads as ``{path: bytes}``; the mkdocs hook adds them to the build, so no generated page is
ever committed.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from coalition_kit.cli.parser import command_help
from coalition_kit.library import Library
from coalition_kit.models import AnyEntity, Campaign, Letter, Mission, Organization
from coalition_kit.models.campaign import (
    AttendAction,
    DonateAction,
    FollowAction,
    PetitionAction,
    SocialPostAction,
    WriteAction,
)
from coalition_kit.models.letter import paragraph_is_optional, paragraph_text
from coalition_kit.models.mission import country_name
from coalition_kit.outputs.ics_export import to_ics
from coalition_kit.outputs.json_export import to_json
from coalition_kit.outputs.social import check_social_post
from coalition_kit.problems.codes import CATALOGUE
from coalition_kit.site.act import action_data
from coalition_kit.site.quality import quality_report
from coalition_kit.site.reference import schema_reference
from coalition_kit.site.safe import inline, json_script, link, markdown_block, multiline

__all__ = ["FOLDERS", "SitePages", "build_pages", "entity_title", "page_path"]

FOLDERS = {
    Organization: "organizations",
    Letter: "letters",
    Campaign: "campaigns",
    Mission: "missions",
}


@dataclass
class SitePages:
    """The generated content: Markdown pages and binary downloads, by path under ``docs/``."""

    pages: dict[str, str] = field(default_factory=dict)
    downloads: dict[str, bytes] = field(default_factory=dict)


def entity_title(entity: AnyEntity) -> str:
    """Return the name a page shows for an entity."""
    if isinstance(entity, Organization):
        return entity.name
    if isinstance(entity, Mission):
        return entity.display_name
    return entity.title


def page_path(entity: AnyEntity) -> str:
    """Return the page of an entity under ``docs/``: ``missions/cn-embassy-ca.md``."""
    return f"{FOLDERS[type(entity)]}/{entity.id}.md"


def _finalize(value: Any) -> str:
    """Escape every value a template prints, unless it is Markup built by this package."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return inline(value)


class _Renderer:
    def __init__(self, library: Library, today: dt.date) -> None:
        self.library = library
        self.today = today
        self.environment = Environment(
            loader=PackageLoader("coalition_kit.site", "templates"),
            autoescape=False,
            finalize=_finalize,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.environment.filters.update(
            markdown=markdown_block,
            multiline=multiline,
            country=lambda code: country_name(code) if code else "",
            attr=lambda value: Markup(html.escape(str(value), quote=True)),
            # mkdocs puts a page's title into <title> and the navigation without escaping it.
            front_matter_title=lambda value: Markup(json.dumps(html.escape(str(value)))),
            trusted=Markup,
        )
        self.environment.globals.update(
            ref=self.ref,
            link=link,
            library=library,
            text_of=paragraph_text,
            is_optional=paragraph_is_optional,
            isinstance=isinstance,
            WriteAction=WriteAction,
            SocialPostAction=SocialPostAction,
            PetitionAction=PetitionAction,
            AttendAction=AttendAction,
            DonateAction=DonateAction,
            FollowAction=FollowAction,
            check_social_post=check_social_post,
        )

    def ref(self, kind: str, entity_id: str, text: str | None = None) -> Markup:
        """A link to the page of an entity, or its id as text if there is no such entity."""
        mapping = self.library[kind]
        if entity_id not in mapping:
            return Markup(inline(text or entity_id))
        entity = mapping[entity_id]
        label = inline(text or entity_title(entity))
        return Markup(f"[{label}](/{page_path(entity)})")

    def render(self, template: str, **context: Any) -> str:
        return tidy(self.environment.get_template(template).render(**context))


_BLOCK_START = re.compile(r"^(#{1,6} |!!! |\| |- |\d+\. |> |\[.*\]\(.*\)\{)")


def tidy(markdown: str) -> str:
    """Give every block of generated Markdown its blank lines, and no runs of them.

    Templates stay readable without counting newlines: a heading, table, list, quote or
    admonition that starts right after other text gets the blank line Markdown needs.
    """
    lines: list[str] = []
    fenced = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if fenced or line.startswith("```"):
            lines.append(line)
            continue
        previous = lines[-1] if lines else ""
        starts_block = bool(_BLOCK_START.match(line))
        same_block = previous[:2] == line[:2] and starts_block and not line.startswith(("#", "!!!"))
        inside_admonition = previous.startswith(("!!! ", "    ")) and line.startswith("    ")
        if (
            line.strip()
            and previous.strip()
            and starts_block
            and not same_block
            and not inside_admonition
        ) or (previous.startswith("    ") and line.strip() and not line.startswith("    ")):
            lines.append("")
        if line.strip() or (previous.strip() if lines else False):
            lines.append(line)
    return "\n".join(lines).strip("\n") + "\n"


def build_pages(library: Library, *, today: dt.date | None = None) -> SitePages:
    """Build every generated page and download of the site from ``library``."""
    day = today or dt.date.today()
    renderer = _Renderer(library, day)
    site = SitePages()
    render = renderer.render
    site.pages["index.md"] = render("home.md.jinja", today=day)
    for organization in library.organizations.values():
        site.pages[page_path(organization)] = render(
            "organization.md.jinja",
            organization=organization,
            letters=library.letters_signed_by(organization.id),
            campaigns=library.campaigns_of(organization.id),
            members=library.members_of(organization.id),
        )
    for letter in library.letters.values():
        site.pages[page_path(letter)] = render(
            "letter.md.jinja",
            letter=letter,
            campaigns=library.campaigns_using(letter.id),
            enclosed_in=library.letters_enclosing(letter.id),
        )
    for campaign in library.campaigns.values():
        site.pages[page_path(campaign)] = render(
            "campaign.md.jinja",
            campaign=campaign,
            letters=library.campaign_letters(campaign.id),
            next_day=library.next_day_of(campaign.id, day),
        )
        site.pages[f"act/{campaign.id}.md"] = render(
            "act.md.jinja",
            campaign=campaign,
            data=json_script("ck-act-data", action_data(library, campaign)),
        )
        site.downloads[f"campaigns/{campaign.id}.ics"] = to_ics(
            library, campaigns=[campaign], stamp=_stamp(day)
        )
    for mission in library.missions.values():
        site.pages[page_path(mission)] = render(
            "mission.md.jinja", mission=mission, campaigns=library.campaigns_targeting(mission.id)
        )
    for folder, template in (
        ("organizations", "organizations.md.jinja"),
        ("letters", "letters.md.jinja"),
        ("campaigns", "campaigns.md.jinja"),
        ("missions", "missions.md.jinja"),
    ):
        site.pages[f"{folder}/index.md"] = render(template)
    site.pages["act/index.md"] = render("act-index.md.jinja")
    site.pages["quality.md"] = render("quality.md.jinja", quality=quality_report(library, day))
    site.pages["reference/schema.md"] = schema_reference()
    site.pages["reference/problem-codes.md"] = render("problem-codes.md.jinja", catalogue=CATALOGUE)
    site.pages["reference/cli.md"] = render("cli.md.jinja", helps=command_help())
    site.downloads["downloads/coalition-kit.json"] = to_json(library)
    site.downloads["downloads/events.ics"] = to_ics(library, stamp=_stamp(day))
    return site


def _stamp(day: dt.date) -> dt.datetime:
    # The build date, so that a rebuild on the same day gives the same bytes.
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
