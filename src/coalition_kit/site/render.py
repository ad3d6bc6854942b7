"""The template environment of the site's pages: escaping, Markdown, links and words.

Every value a template prints is escaped by the environment's ``finalize`` unless it is
``Markup`` made here (links, rendered Markdown). Each environment speaks one language: ``t`` and
``words`` give its strings, dates, numbers and country names.

Templates named ``*.md.jinja`` write Markdown, which mkdocs converts. Those named
``*.html.jinja`` (the entities' pages, tens of thousands in a large tree, and the action pages)
write the page's HTML itself: values are escaped for HTML, links are relative to the page, and
``heading`` gives the ids and permanent links Python-Markdown would (``headings.py``).
"""

from __future__ import annotations

import html
import json
import re
from functools import partial
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from pydantic import BaseModel

from coalition_kit._project import SOURCE
from coalition_kit.library import Library
from coalition_kit.models import AnyEntity, Campaign, Letter, Mission, Organization, kind_of
from coalition_kit.models.campaign import (
    AttendAction,
    DonateAction,
    FollowAction,
    PetitionAction,
    SocialPostAction,
    WriteAction,
)
from coalition_kit.models.letter import paragraph_is_optional, paragraph_text
from coalition_kit.outputs.social import check_social_post
from coalition_kit.site.headings import Headings
from coalition_kit.site.i18n import Words
from coalition_kit.site.safe import (
    html_lines,
    html_text,
    inline,
    link,
    markdown_block,
    markdown_inline,
)
from coalition_kit.site.translated import (
    ORIGINAL_LANGUAGE,
    Localized,
    localized,
    translation_note,
)
from coalition_kit.support.text import unescape_markdown

__all__ = ["PAGE_ROOT", "Renderer", "entity_title", "fix_links", "page_path", "tidy"]

PAGE_ROOT = "../../"
"""From an entity's or action page (``missions/cn-embassy-kr/``, ``act/<campaign>/``) to the
root of its language's site."""

_PLATFORMS = {
    "x": "X",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "linkedin": "LinkedIn",
    "wechat": "WeChat",
    "kakaotalk": "KakaoTalk",
}
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def entity_title(entity: AnyEntity) -> str:
    """Return the name a page shows for an entity."""
    if isinstance(entity, Organization):
        return entity.name
    if isinstance(entity, Mission):
        return entity.display_name
    return entity.title


def page_path(entity: AnyEntity, suffix: str = ".md") -> str:
    """Return the page of an entity under ``docs/``: ``missions/cn-embassy-ca.md``."""
    return f"{kind_of(entity).folder}/{entity.id}{suffix}"


def _finalize(value: Any) -> str:
    """Escape every value a template prints, unless it is Markup built by this package."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return inline(value)


def fix_links(entity: AnyEntity) -> dict[str, str]:
    """Where a reader corrects an entry: its file in GitHub's editor, and a prefilled issue form."""
    folder = kind_of(entity).folder
    contacts = isinstance(entity, Mission | Organization)
    form = "outdated-contact.yml" if contacts else "correction.yml"
    title = ("Outdated contact: " if contacts else "Correction: ") + entity_title(entity)
    query = urlencode({"template": form, "title": title, "entry": f"{folder}/{entity.id}"})
    return {
        "edit": f"{SOURCE}/edit/main/data/{folder}/{entity.id}.yaml",
        "report": f"{SOURCE}/issues/new?{query}",
        "contacts": "yes" if contacts else "",
    }


def _finalize_html(value: Any) -> str:
    """Escape every value an HTML template prints, unless it is Markup built by this package."""
    if value is None:
        return ""
    return str(html_text(value))


def _front_matter_title(value: Any, *, writes_html: bool = False) -> Markup:
    """A page title or description for the front matter: one JSON string, HTML-escaped.

    mkdocs puts it into ``<title>``, the meta tags and the navigation without escaping it, and
    reads no Markdown there, so the escapes in ``Markup`` (Markdown's, or HTML's in a template
    that ``writes_html``) are taken out first.
    """
    if isinstance(value, Markup):
        text = html.unescape(str(value)) if writes_html else unescape_markdown(str(value))
    else:
        text = str(value)
    return Markup(json.dumps(html.escape(text)))


def _plain(text: str) -> str:
    """Markdown as one line of plain text: links keep their words, escapes go."""
    return " ".join(unescape_markdown(_MARKDOWN_LINK.sub(r"\1", text)).split())


class Renderer:
    """Renders the page templates of one language over a library.

    With ``writes_html``, the templates are the entities' and action pages, written as HTML
    (``*.html.jinja``).
    """

    def __init__(self, library: Library, words: Words, *, writes_html: bool = False) -> None:
        """Prepare the environment for ``library`` in the language of ``words``."""
        self.library = library
        self.words = words
        self.writes_html = writes_html
        self.environment = Environment(
            loader=PackageLoader("coalition_kit.site", "templates"),
            autoescape=False,
            finalize=_finalize_html if writes_html else _finalize,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # a renderer lives for one build: no file is checked again
        )
        self.environment.filters.update(
            markdown=self.markdown,
            plain=_plain,
            inline_markdown=markdown_inline,
            h=html_text,
            lines=html_lines,
            country=lambda code: words.country(code) if code else "",
            platform=lambda name: _PLATFORMS.get(name, name.title()),
            attr=html_text,
            # mkdocs puts a page's title into <title> and the navigation without escaping it.
            front_matter_title=partial(_front_matter_title, writes_html=writes_html),
            trusted=Markup,
        )
        self.environment.globals.update(
            t=self.th if writes_html else self.t,
            th=self.th,
            tx=self.tx,
            translation_note=lambda translation, original: translation_note(
                words, translation, original
            ),
            words=words,
            pdate=words.partial_date,
            ref=self.ref,
            url=self.url,
            link=link,
            fix_links=fix_links,
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
            action_word=lambda action: words(f"action_{action.kind.replace('-', '_')}"),
        )
        if writes_html:
            # The entity pages' macros, made once: imported by each page, they would be looked
            # up and checked for new globals 47,000 times in a large build.
            macros = self.environment.get_template("_macros.html.jinja").module
            self.environment.globals["m"] = macros

    def t(self, key: str, **values: Any) -> Markup:
        """The string ``key`` for a Markdown part of a page: data values escaped, links kept."""
        escaped = {k: v if isinstance(v, Markup) else Markup(inline(v)) for k, v in values.items()}
        return Markup(self.words(key, **escaped))

    def th(self, key: str, **values: Any) -> Markup:
        """The string ``key`` for inside an HTML element or attribute, escaped for HTML."""
        escaped = {k: v if isinstance(v, Markup) else html_text(v) for k, v in values.items()}
        return Markup(
            html_text(self.words(key)).format(**escaped) if values else html_text(self.words(key))
        )

    def tx(self, entity: BaseModel, path: str) -> Localized:
        """The text at ``path`` of ``entity`` in the page's language if translated, else as written."""
        return localized(entity, path, self.words.language)

    def markdown(self, text: str, language: str | None = None) -> Markup:
        """A Markdown field as HTML, marked with its language when it is not the page's.

        The language is ``language``, else the text's own (a translated text knows it), else
        the language the data is written in.
        """
        language = language or getattr(text, "language", None) or ORIGINAL_LANGUAGE
        return markdown_block(text, language if language != self.words.language else None)

    def url(self, path: str) -> str:
        """The address of ``path`` (under ``docs/``) from an entity's or action page.

        A page (``act/campaign.md``, ``letters/index.md``) is the same language's; a download
        (``campaigns/x.ics``) is the one file every language shares.
        """
        if path.endswith(".md"):
            return PAGE_ROOT + (path.removesuffix(".md") + "/").removesuffix("index/")
        return f"{PAGE_ROOT}{self.words.root}{path}"

    def ref(self, kind: str, entity_id: str, text: str | None = None) -> Markup:
        """A link to the page of an entity, or its name as text if there is no such entity."""
        escape = html_text if self.writes_html else inline
        mapping = self.library[kind]
        if entity_id not in mapping:
            return Markup(escape(text or entity_id))
        entity = mapping[entity_id]
        title = entity_title(entity)
        if isinstance(entity, Campaign | Letter):
            title = localized(entity, "title", self.words.language)
        label = escape(text or title)
        if self.writes_html:
            return Markup(f'<a href="{self.url(page_path(entity))}">{label}</a>')
        return Markup(f"[{label}](/{page_path(entity)})")

    def render(self, template: str, **context: Any) -> str:
        """Render ``template`` with ``context`` and tidy its blank lines."""
        if self.writes_html:
            page = self.environment.get_template(template).render(heading=Headings(), **context)
            return _tidy_html(page)
        return tidy(self.environment.get_template(template).render(**context))


_BLANK_LINES = re.compile(r"\n{3,}")
_PREFORMATTED = re.compile(r"(<pre[\s>].*?</pre>)", re.S)


def _tidy_html(page: str) -> str:
    """One blank line between the blocks of an HTML page; preformatted text kept as it is."""
    parts = _PREFORMATTED.split(page)
    parts[::2] = [_BLANK_LINES.sub("\n\n", part) for part in parts[::2]]
    return "".join(parts).strip("\n") + "\n"


_BLOCK_START = re.compile(r"^(#{1,6} |!!! |\| |- |\d+\. |> |\[.*\]\(.*\)\{)")


def tidy(markdown: str) -> str:
    """Give every block of generated Markdown its blank lines, and no runs of them.

    Templates stay readable without counting newlines: a heading, table, list, quote or
    admonition that starts right after other text gets the blank line Markdown needs. Raw HTML
    lines are left as they are.
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
            and not previous.startswith("<")
        ) or (previous.startswith("    ") and line.strip() and not line.startswith("    ")):
            lines.append("")
        if line.strip() or (previous.strip() if lines else False):
            lines.append(line)
    return "\n".join(lines).strip("\n") + "\n"


def kinds_word(words: Words, entity: Campaign | Letter | Mission | Organization) -> str:
    """The plain word for an entity's kind: 'Embassy', 'Joint letter', 'Coalition'."""
    if isinstance(entity, Mission):
        return words(f"kind_{entity.kind.value.replace('-', '_')}")
    if isinstance(entity, Letter):
        return words(f"letter_kind_{entity.kind.value.replace('-', '_')}")
    if isinstance(entity, Organization):
        return words(f"org_kind_{entity.kind.value.replace('-', '_')}")
    return words("campaigns_title")
