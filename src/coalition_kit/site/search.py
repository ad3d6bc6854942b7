"""The search plugin's sections of a page, cut from its HTML by a tokenizer made for Markdown's output.

Material's search plugin cuts each page's HTML into sections (a heading and what follows it)
with a parser built on the standard library's ``HTMLParser``, whose tokenizer, in pure Python,
takes about half of the plugin's time: a third of a millisecond per entity page, twelve seconds
per language of a large site. The pages it reads are Python-Markdown's output, well formed and
regular: every ``<`` opens a tag, attributes are quoted with ``"`` or have no value.

``SectionParser`` is Material's parser with only its tokenizer replaced: one regular expression
splits such HTML into the same start tags, end tags and text that ``HTMLParser`` reports, and
hands them to Material's own handlers, so that the sections come out the same. HTML outside
that grammar (comments, scripts and styles, single quotes, a bare ``<``) goes to ``HTMLParser``
whole. The result is also compared with Material's parser on the first pages of a build and on
every 500th: a difference is logged and every later page goes to Material's parser.
``COALITION_KIT_SITE_FAST_SEARCH=0`` leaves every page to Material's parser.
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

# A start tag (name, attributes, "/" if it closes itself), an end tag (name) or text.
_TOKEN = re.compile(
    r"<(?:([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:=\"[^\"]*\")?)*)\s*(/?)"
    r"|/([a-zA-Z][a-zA-Z0-9]*)\s*)>|([^<]+)"
)
_ATTRIBUTE = re.compile(r"\s+([^\s=]+)(?:=\"([^\"]*)\")?")
# Elements whose content HTMLParser reads as raw text: they go to it.
_RAW_TEXT = re.compile(r"<(?:script|style)\b", re.IGNORECASE)

_MaterialParser: type[Any] = material_search.Parser


def _tokens(data: str) -> list[re.Match[str]] | None:
    """The tokens of ``data``, or None if some of it is outside the grammar."""
    if _RAW_TEXT.search(data):
        return None
    tokens = []
    position = 0
    for token in _TOKEN.finditer(data):
        if token.start() != position:
            return None
        tokens.append(token)
        position = token.end()
    return tokens if position == len(data) else None


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
    """Material's section parser, with a tokenizer for the HTML Python-Markdown writes."""

    state = _State()

    def feed(self, data: str) -> None:
        """Read ``data``: by the fast tokenizer where it covers it, else by ``HTMLParser``."""
        state = self.state
        tokens = _tokens(data) if state.trusted else None
        state.pages += 1
        if tokens is None:
            super().feed(data)
            return
        index = state.fast
        self._dispatch(tokens)
        state.fast += 1
        if index < _CHECK_FIRST or index % CHECK_EVERY == 0:
            reference = _MaterialParser()
            reference.feed(data)
            reference.close()
            if sections(reference) != sections(self):
                state.trusted = False
                log.info(
                    "The fast search parser differs from Material's on a page; "
                    "Material's parses every later page"
                )
                self.data, self.section = reference.data, reference.section

    def _dispatch(self, tokens: list[re.Match[str]]) -> None:
        start, end, data = self.handle_starttag, self.handle_endtag, self.handle_data
        for token in tokens:
            name, attributes, closed, end_name, text = token.groups()
            if text is not None:
                data(html.unescape(text))
            elif end_name is not None:
                end(end_name.lower())
            else:
                name = name.lower()
                start(
                    name,
                    [
                        (pair[1].lower(), None if pair[2] is None else html.unescape(pair[2]))
                        for pair in _ATTRIBUTE.finditer(attributes)
                    ]
                    if attributes
                    else [],
                )
                if closed:
                    end(name)


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
