"""The headings of pages written as HTML, and their table of contents, as Python-Markdown makes them.

The entities' pages are rendered to HTML by their templates, not from Markdown, so the ids,
permanent links and table of contents that Python-Markdown's ``toc`` extension gives a heading
are made here, with that extension's own functions: the same ids (``slugify``, then ``unique``
within the page) and the same tokens, which mkdocs turns into the page's table of contents.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
from markupsafe import Markup
from mkdocs.structure.toc import TableOfContents, get_toc

if TYPE_CHECKING:
    from markdown.extensions.toc import _FlatTocToken

__all__ = ["Headings", "toc_of"]

_PERMALINK = '<a class="headerlink" href="#{id}" title="Permanent link">&para;</a>'
_HEADING = re.compile(
    r'<h([1-6]) id="([^"<>]*)">([^<]*)<a class="headerlink" href="#\2" title="Permanent link">'
    r"&para;</a></h\1>"
)


class Headings:
    """The headings of one page: each gets an id no other heading of the page has."""

    def __init__(self) -> None:
        """Start a page with no ids taken."""
        self._ids: set[str] = set()
        self._counters: dict[str, int] = {}

    def __call__(self, level: int, text: Any) -> Markup:
        """The heading of ``level`` with ``text``, its id and permanent link.

        ``text`` is plain text, or ``Markup`` of text alone (no elements); either is escaped as
        Python-Markdown escapes a heading's text.
        """
        if isinstance(text, Markup):
            if "<" in text:
                raise ValueError(f"a heading holds text only, not {str(text)!r}")
            text = html.unescape(str(text))
        inner = html.escape(" ".join(str(text).split()), quote=False)
        anchor = unique(slugify(html.unescape(inner), "-"), self._ids, self._counters)
        link = _PERMALINK.format(id=anchor)
        return Markup(f'<h{level} id="{anchor}">{inner}{link}</h{level}>')


def toc_of(content: str) -> TableOfContents:
    """The table of contents of a page whose headings ``Headings`` made, as mkdocs makes it."""
    tokens: list[_FlatTocToken] = [
        {"level": int(level), "id": anchor, "name": strip_tags(inner)}
        for level, anchor, inner in _HEADING.findall(content)
    ]
    return get_toc(nest_toc_tokens(tokens))
