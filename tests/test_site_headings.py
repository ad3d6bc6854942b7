"""The headings of the pages written as HTML get the ids and contents Python-Markdown gives.

The entities' pages are written by their templates as HTML (``site/headings.py``); their
headings must carry the same ids, permanent links and table of contents as the same headings
written in Markdown and converted with the site's ``toc`` settings.
"""

from __future__ import annotations

from collections.abc import Iterable

import markdown
import pytest
from markupsafe import Markup
from mkdocs.structure.toc import AnchorLink, get_toc

from coalition_kit.site.headings import Headings, toc_of

_HEADINGS = [
    (1, "Chinese Embassy in Seoul"),
    (2, "How to reach it"),
    (2, "Sources"),
    (3, "Sources"),  # a second "sources" on the page: sources_1
    (2, "편지"),  # no Latin letters: Python-Markdown's "_1"
    (2, "서명한 곳 (28)"),
    (3, "São Tomé & Príncipe: <b>not bold</b>"),
    (2, 'Here\'s what "you" can do'),
    (2, "_1"),  # the id an earlier heading took
]


def _markdown(headings: list[tuple[int, str]]) -> tuple[str, list[dict[str, object]]]:
    converter = markdown.Markdown(
        extensions=["toc"], extension_configs={"toc": {"permalink": True}}
    )
    source = "\n\n".join(f"{'#' * level} {text.replace('<', '&lt;')}" for level, text in headings)
    return converter.convert(source), converter.toc_tokens  # type: ignore[attr-defined]


def _names(items: Iterable[AnchorLink]) -> list[tuple[int, str, str, object]]:
    return [(item.level, item.id, item.title, _names(item.children)) for item in items]


def test_headings_are_those_python_markdown_writes() -> None:
    heading = Headings()
    written = "\n".join(heading(level, text) for level, text in _HEADINGS)
    expected, _ = _markdown(_HEADINGS)
    assert written == expected
    assert 'id="sources_1"' in written and 'id="_1"' in written


def test_the_table_of_contents_is_the_one_mkdocs_makes_from_markdown() -> None:
    heading = Headings()
    written = "\n".join(heading(level, text) for level, text in _HEADINGS)
    _, tokens = _markdown(_HEADINGS)
    assert _names(toc_of(written)) == _names(get_toc(tokens))  # type: ignore[arg-type]
    assert len(toc_of(written)) == 1  # the h1, with every other heading below it


def test_a_heading_escapes_text_and_keeps_markup_made_here() -> None:
    heading = Headings()
    assert "&lt;script&gt;" in heading(2, "<script>alert(1)</script>")
    assert heading(2, Markup("Tom &amp; Jerry")).startswith('<h2 id="tom-jerry">Tom &amp; Jerry')
    with pytest.raises(ValueError, match="text only"):
        heading(2, Markup("<em>emphasis</em>"))


def test_each_page_starts_with_no_ids_taken() -> None:
    assert 'id="sources"' in Headings()(2, "Sources")
    assert 'id="sources"' in Headings()(2, "Sources")
