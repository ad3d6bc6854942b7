"""Put untrusted text from data files into pages: escaped by default, sanitised when it is Markdown.

Every value a template prints is HTML-escaped and Markdown-escaped unless it is ``Markup`` made
here: Markdown fields are rendered with markdown-it (raw HTML off) and cleaned with nh3 (Ammonia),
and links are written only for http, https and mailto addresses.
"""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

from coalition_kit.support.text import escape_markdown

__all__ = [
    "SAFE_SCHEMES",
    "html_lines",
    "html_text",
    "inline",
    "json_script",
    "link",
    "markdown_block",
    "markdown_inline",
]

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
"""The only link schemes a page may carry."""

# Line breaks in data text are meant (signature blocks, addresses), so they are kept as <br>.
_RENDERER = MarkdownIt(
    "commonmark", {"html": False, "linkify": False, "typographer": False, "breaks": True}
)
_ALLOWED_TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "hr",
    "h3",
    "h4",
    "h5",
    "h6",
}


def inline(value: Any) -> str:
    """Escape ``value`` for a Markdown page: no HTML, no Markdown syntax survives."""
    return escape_markdown(html.escape(str(value), quote=False))


def html_text(value: Any) -> Markup:
    """Escape ``value`` for an HTML element of a page, where Markdown is not read.

    ``Markup`` is already safe HTML and passes as it is.
    """
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


def html_lines(value: str) -> Markup:
    """Escape text whose line breaks matter for an HTML element, breaks kept as ``<br>``."""
    return Markup("<br>\n".join(html.escape(line, quote=True) for line in value.split("\n")))


def safe_url(url: str) -> bool:
    """Return True when ``url`` may be a link on a page (http, https or mailto)."""
    try:
        return urlsplit(url.strip()).scheme.lower() in SAFE_SCHEMES
    except ValueError:
        return False


def link(url: str, text: str | None = None) -> Markup:
    """Return an HTML link to ``url``, or the escaped text alone if the scheme is not safe."""
    label = html.escape(text if text is not None else url, quote=False)
    if not safe_url(url):
        return Markup(label)
    external = "" if url.startswith("mailto:") else ' rel="nofollow noopener noreferrer"'
    return Markup(f'<a href="{html.escape(url, quote=True)}"{external}>{label}</a>')


def markdown_block(text: str, language: str | None = None) -> Markup:
    """Render a Markdown field from a data file to clean HTML, as a raw HTML block of the page.

    ``language`` marks a text in another language than the page's (``lang``).
    """
    rendered = _RENDERER.render(text)
    cleaned = nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes=set(SAFE_SCHEMES),
        link_rel="nofollow noopener noreferrer",
    )
    marked = f' lang="{html.escape(language, quote=True)}"' if language else ""
    return Markup(f'\n\n<div class="ck-markdown"{marked}>\n{cleaned.strip()}\n</div>\n\n')


def markdown_inline(text: str) -> Markup:
    """Render one line of Markdown (emphasis, links) to clean HTML, for inside an element."""
    cleaned = nh3.clean(
        _RENDERER.renderInline(text),
        tags=_ALLOWED_TAGS
        - {"p", "pre", "blockquote", "ul", "ol", "li", "hr", "h3", "h4", "h5", "h6"},
        attributes={"a": {"href", "title"}},
        url_schemes=set(SAFE_SCHEMES),
        link_rel=None,
    )
    return Markup(cleaned.strip())


def json_script(element_id: str, value: Any) -> Markup:
    """Embed ``value`` as JSON in a script element that no text inside can close or escape."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for character, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(character, escape)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(
        f'\n<div hidden>\n<script type="application/json" id="{element_id}">{text}</script>\n</div>\n'
    )
