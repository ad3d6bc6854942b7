"""The search plugin's sections of a page, cut from its HTML by a tokenizer made for the site's pages.

Material's search plugin cuts each page's HTML into sections (a heading and what follows it)
with a parser built on the standard library's ``HTMLParser``, whose tokenizer, in pure Python,
took about half of the plugin's time: a third of a millisecond per entity page, twelve seconds
per language of a large site. The pages it reads are regular (Python-Markdown's output and the
entity pages' templates): every ``<`` opens a tag, attributes are quoted with ``"`` or have no
value.

``SectionParser`` is Material's parser with its tokenizer replaced: one regular expression
splits such HTML into the same start tags, end tags and text that ``HTMLParser`` reports. Its
handlers are Material's, made cheaper without changing what they do: Material keeps the open
elements as objects that compare by tag name in Python, and asks of every tag and text whether
one of them is excluded, a heading or ``pre``; here the open elements' tag names are also kept
as strings, so those questions are asked in C. Scripts and styles are read whole, to their first
closing tag, as ``HTMLParser`` reads them. HTML outside the grammar (comments, single quotes, a
bare ``<``) goes to Material's own parser. The result is also compared
with Material's parser on the first pages of a build and on every 500th: a difference is logged
and every later page goes to Material's parser. ``COALITION_KIT_SITE_FAST_SEARCH=0`` leaves
every page to Material's parser.
"""

from __future__ import annotations

import html
import logging
import os
import re
from typing import Any

from material.plugins.search import plugin as material_search

__all__ = ["CHECK_EVERY", "SectionParser", "install", "report", "sections"]

log = logging.getLogger("mkdocs.plugins.coalition_kit")

CHECK_EVERY = 500
_CHECK_FIRST = 3

# A start tag's attributes: names, each with a value in double quotes or none.
_ATTRIBUTES = r"((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:=\"[^\"]*\")?)*)"
# A script or style element whole (HTMLParser reads its content as raw text, to the first
# closing tag), a start tag (name, attributes, "/" if it closes itself), an end tag, or text.
_TOKEN = re.compile(
    r"<((?i:script|style))" + _ATTRIBUTES + r"\s*>(.*?)(?i:</\s*\1\s*>)"
    r"|<(?:(?!(?i:script|style)[^a-zA-Z0-9])([a-zA-Z][a-zA-Z0-9]*)" + _ATTRIBUTES + r"\s*(/?)"
    r"|/([a-zA-Z][a-zA-Z0-9]*)\s*)>"
    r"|([^<]+)",
    re.DOTALL,
)
_ATTRIBUTE = re.compile(r"\s+([^\s=]+)(?:=\"([^\"]*)\")?")

_MaterialParser: type[Any] = material_search.Parser
_Element: type[Any] = material_search.Element
_Section: type[Any] = material_search.Section
_VOID: set[str] = material_search.void
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
_NEVER_UNSKIPPED = frozenset({"script", "style", "object"})


def _attributes(written: str) -> list[tuple[str, str | None]]:
    """The attributes of a start tag as ``HTMLParser`` reports them: names lowered, values read."""
    if not written:
        return []
    return [
        (pair[1].lower(), None if pair[2] is None else html.unescape(pair[2]))
        for pair in _ATTRIBUTE.finditer(written)
    ]


def sections(parser: Any) -> list[tuple[Any, ...]]:
    """What a parser found, to compare two parsers: each section's heading, id, title and text."""
    return [
        (section.el.tag, section.el.attrs, section.depth, section.id, section.title, section.text)
        for section in parser.data
    ]


class _State:
    """The pages parsed since the last report, those of them parsed the fast way, and trust."""

    pages = 0
    trusted = True
    fast = 0


class SectionParser(_MaterialParser):  # type: ignore[misc]
    """Material's section parser, with a tokenizer for the site's HTML and cheaper handlers."""

    state = _State()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Start as Material's parser does, with no element open."""
        super().__init__(*args, **kwargs)
        self.tags: list[str] = []  # the tag names of ``self.context``, the open elements

    def feed(self, data: str) -> None:
        """Read ``data``: by the fast tokenizer where it covers it, else by Material's parser."""
        state = self.state
        state.pages += 1
        if not state.trusted or not self._dispatch(data):
            self._take(_material_sections(data))
            return
        index = state.fast
        state.fast += 1
        if index < _CHECK_FIRST or index % CHECK_EVERY == 0:
            reference = _material_sections(data)
            if sections(reference) != sections(self):
                state.trusted = False
                log.info(
                    "The fast search parser differs from Material's on a page; "
                    "Material's parses every later page"
                )
                self._take(reference)

    def _take(self, other: Any) -> None:
        self.data, self.section = other.data, other.section

    def _dispatch(self, data: str) -> bool:
        """Hand the tokens of ``data`` to the handlers; False if some of it is outside the grammar.

        The tokens go to the handlers as they are found (a large page's would fill memory and
        keep the garbage collector busy); a page found outside the grammar is read again whole
        by Material's parser, whose sections replace these.
        """
        start, end, text_of = self.handle_starttag, self.handle_endtag, self.handle_data
        position = 0
        for token in _TOKEN.finditer(data):
            if token.start() != position:
                return False
            position = token.end()
            raw, raw_attributes, raw_text, name, attributes, closed, end_name, text = token.groups()
            if text is not None:
                text_of(html.unescape(text))
            elif end_name is not None:
                end(end_name.lower())
            elif raw is not None:
                raw = raw.lower()
                start(raw, _attributes(raw_attributes))
                if raw_text:
                    text_of(raw_text)
                end(raw)
            else:
                name = name.lower()
                start(name, _attributes(attributes))
                if closed:
                    end(name)
        return position == len(data)

    # The three handlers below do what Material's do (material/plugins/search/plugin.py, MIT),
    # statement for statement. Where Material asks ``element in self.context`` or
    # ``self.skip.intersection(self.context)``, whose elements are equal to anything with their
    # tag name, these ask the same of ``self.tags``.

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """An element opens: maybe a new section, maybe kept markup of the section."""
        attributes = dict(attrs)
        element = _Element(tag, attributes)
        if tag in _VOID:
            return
        self.context.append(element)
        self.tags.append(tag)
        if tag in _HEADINGS:
            depth = len(self.context)
            if "id" in attributes:
                if tag != "h1" and not self.data:
                    self.section = _Section(_Element("hx"), depth)
                    self.data.append(self.section)
                self.section = _Section(element, depth)
                if self.data:
                    self.section.id = attributes["id"]
                self.data.append(self.section)
        if not self.section:
            self.section = _Section(_Element("hx"))
            self.data.append(self.section)
        for key, value in attributes.items():
            if key == "data-search-exclude" or (key == "class" and value == "linenodiv"):
                self.skip.add(element)
                return
        if tag in self.keep and self.skip.isdisjoint(self.tags):
            if self.section.el.tag in self.tags:
                self.section.title.append(f"<{tag}>")
            else:
                self.section.text.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        """An element closes: maybe back to an outer section, maybe kept markup closed."""
        if not self.tags or self.tags[-1] != tag:
            return
        if self.section.depth > len(self.context):
            for section in reversed(self.data):
                if section.depth <= len(self.context):
                    self.section.depth = float("inf")
                    self.section = section
                    break
        element = self.context.pop()
        self.tags.pop()
        if element.tag in self.skip:
            if element.tag not in _NEVER_UNSKIPPED:
                self.skip.remove(element)
            return
        if tag in self.keep and self.skip.isdisjoint(self.tags):
            data = self.section.title if self.section.el.tag in self.tags else self.section.text
            index = data.index(f"<{tag}>")
            for i in range(index + 1, len(data)):
                if not data[i].isspace():
                    index = len(data)
                    break
            if len(data) > index:
                del data[index:]
            else:
                data.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        """Text: into the section's title (not its permalink) or text, whitespace collapsed."""
        tags = self.tags
        if not self.skip.isdisjoint(tags):
            return
        if "pre" not in tags:
            data = data.replace("\n", " ") if not data.isspace() else " "
        if not self.section:
            self.section = _Section(_Element("hx"))
            self.data.append(self.section)
        if self.section.el.tag in tags:
            permalink = any(
                element.tag == "a" and element.attrs.get("class") == "headerlink"
                for element in self.context
            )
            if not permalink:
                self.section.title.append(html.escape(data, quote=False))
        elif data.isspace():
            if not self.section.text or not self.section.text[-1].isspace() or "pre" in tags:
                self.section.text.append(data)
        else:
            self.section.text.append(html.escape(data, quote=False))


def _material_sections(data: str) -> Any:
    """Material's own parser, fed ``data``."""
    parser = _MaterialParser()
    parser.feed(data)
    parser.close()
    return parser


def install() -> None:
    """Make Material's search plugin cut pages with ``SectionParser``, unless turned off."""
    wanted = os.environ.get("COALITION_KIT_SITE_FAST_SEARCH", "1") != "0"
    material_search.Parser = SectionParser if wanted else _MaterialParser


def report() -> None:
    """Log how this build's pages were cut into search sections, and start counting anew."""
    state = SectionParser.state
    if state.pages:
        log.info(
            "Cut %d pages into search sections: %d by the fast tokenizer, the rest by "
            "Material's parser",
            state.pages,
            state.fast,
        )
    SectionParser.state = _State()
