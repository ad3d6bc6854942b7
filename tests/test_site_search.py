"""The search plugin's sections, cut by our tokenizer and handlers, are those Material's parser cuts.

``site/search.py`` replaces the tokenizer of Material's section parser and makes its handlers
cheaper. The real site is compared whole in ``test_site_direct.py``; here, the corners of HTML
and of the handlers' rules.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from material.plugins.search import plugin as material_search

from coalition_kit.site import search
from coalition_kit.site.search import SectionParser, sections

MARKDOWN_OUTPUT = """<h1 id="embassy">Embassy &amp; consulate<a class="headerlink" href="#embassy" \
title="Permanent link">&para;</a></h1>
<p>Write to <a href="https://example.org/?a=1&amp;b=2" rel="nofollow noopener noreferrer">\
the embassy</a> &lt;today&gt; &#x27;now&#x27; &quot;please&quot;.<br />
Second line</p>
<div class="ck-envelope">EMBASSY<br>
515 ST. PATRICK STREET</div>
<details open><summary>More</summary><p>Hidden <em>text</em> <code>x &lt; y</code></p></details>
<h2 id="reach">How to reach it<a class="headerlink" href="#reach" title="Permanent link">\
&para;</a></h2>
<ul>
<li><strong>E-mail</strong>: <a href="mailto:a@example.org">a@example.org</a></li>
<li></li>
<li>   </li>
</ul>
<pre><code>  kept
    as is  </code></pre>
<div class="admonition tip">
<p class="admonition-title">Help wanted</p>
<h3 id="nested">A heading inside a block</h3>
<p>Its text.</p>
</div>
<p>After the block. <span lang="zh-Hans">中华人民共和国驻加拿大大使馆</span> 주한 중국대사관</p>
<div data-search-exclude><p>Not indexed</p></div>
<h2 id="sources">Sources<a class="headerlink" href="#sources" title="Permanent link">&para;</a></h2>
<p>Text &amp; more text &#169; &copy</p>
"""

MATERIAL = SectionParser.__mro__[1]
"""Material's own section parser."""

OUTSIDE_THE_GRAMMAR = [
    "<p>A comment <!-- here --> in it</p>",
    "<p class='single'>Single quotes</p>",
    "<p>A bare < sign</p>",
    "<!DOCTYPE html><p>x</p>",
    "<p a=unquoted>x</p>",
    "<p>x</p><script>never closed",
]


# The corners of Material's handlers: what is excluded (its elements are equal to any element
# with their tag), headings without ids or before the first h1, text before any heading, kept
# elements left empty, whitespace in and out of pre.
HANDLER_CORNERS = [
    'Text before any heading<h2 id="a">A</h2><p>after</p>',
    '<h2 id="a">A first h2</h2><p>x</p><h1 id="b">Then h1</h1><p>y</p>',
    '<h2>No id</h2><p>x</p><h3 id="c">C</h3>',
    "<p>open <span data-search-exclude>gone</span> still open</p><p>next</p>",
    "<div data-search-exclude>gone <div>nested</div> also</div><div><p>after</p></div>",
    "<p data-search-exclude>gone</p><p>the same tag, after</p>",
    '<div class="linenodiv"><pre>1\n2</pre></div><pre><code>x</code></pre>',
    "<ul><li> </li><li><sub>2</sub> and <sup>3</sup></li><li><code></code></li></ul>",
    "<pre>  a\n\n   b  </pre><p>  spaced \n  out  </p>\n\n\n<p>x</p>",
    '<div><h2 id="in">Inside</h2><p>text</p></div><p>outside again</p>',
    '<h2 id="t">Title <code>code</code> <a class="headerlink" href="#t">x</a></h2>',
    "<p>unclosed <em>emphasis</p><p>end</em> tag out of order</p>",
    # Scripts and styles are read whole, to their first closing tag, as HTMLParser reads them.
    '<div hidden><script type="application/json">{"a": "<b>"}</script></div><p>after</p>',
    "<p>x</p><SCRIPT>if (a<b) {}</ script ><p>y</p><style>p > a {}</style>",
    "<scripts>not a script</scripts><p>z</p>",
]


@pytest.fixture(autouse=True)
def _fresh_state() -> Iterator[None]:
    search.report()
    yield
    search.report()


def _material(html: str) -> list[tuple[Any, ...]]:
    reference = MATERIAL()
    reference.feed(html)
    reference.close()
    return sections(reference)


def _ours(html: str) -> list[tuple[Any, ...]]:
    parser = SectionParser()
    parser.feed(html)
    parser.close()
    return sections(parser)


def test_markdown_output_is_cut_as_material_cuts_it_by_the_fast_tokenizer() -> None:
    found = _ours(MARKDOWN_OUTPUT)
    assert found == _material(MARKDOWN_OUTPUT)
    assert [section[3] for section in found] == [None, "reach", "nested", "sources"]
    assert "Embassy &amp; consulate" in "".join(found[0][4])
    assert SectionParser.state.fast == 1 and SectionParser.state.trusted


@pytest.mark.parametrize("html", HANDLER_CORNERS)
def test_the_handlers_cut_as_material_s_do(html: str) -> None:
    search.report()
    SectionParser.state.fast = search.CHECK_EVERY + 1  # past the checks: only ours reads it
    assert _ours(html) == _material(html)
    assert SectionParser.state.trusted and SectionParser.state.fast == search.CHECK_EVERY + 2


@pytest.mark.parametrize("html", OUTSIDE_THE_GRAMMAR)
def test_html_outside_the_grammar_goes_to_material_whole(html: str) -> None:
    assert _ours(html) == _material(html)
    assert SectionParser.state.pages == 1 and SectionParser.state.fast == 0


def test_a_difference_found_by_a_check_sends_later_pages_to_material(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def drop_the_text(self: SectionParser, data: str) -> bool:
        self.handle_starttag("p", [])
        return True

    monkeypatch.setattr(SectionParser, "_dispatch", drop_the_text)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.coalition_kit"):
        # The first page is checked: the wrong sections are replaced by Material's.
        assert _ours(MARKDOWN_OUTPUT) == _material(MARKDOWN_OUTPUT)
    assert "differs from Material's" in caplog.text
    assert not SectionParser.state.trusted
    assert _ours('<h2 id="x">X</h2><p>y</p>') == _material('<h2 id="x">X</h2><p>y</p>')
    assert SectionParser.state.fast == 1  # the second page went to Material's parser


def test_pages_between_checks_are_not_parsed_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[object] = []

    def counted() -> object:
        made.append(1)
        return MATERIAL()

    monkeypatch.setattr(search, "_MaterialParser", counted)
    for _ in range(search.CHECK_EVERY + 1):
        _ours(MARKDOWN_OUTPUT)
    # Checked: the first three pages and the 500th after the first.
    assert len(made) == 4
    assert SectionParser.state.fast == search.CHECK_EVERY + 1


def test_installing_replaces_material_parser_unless_turned_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = material_search.Parser
    try:
        search.install()
        assert material_search.Parser is SectionParser
        monkeypatch.setenv("COALITION_KIT_SITE_FAST_SEARCH", "0")
        search.install()
        assert material_search.Parser is MATERIAL
    finally:
        material_search.Parser = original
