"""What untrusted text may not carry: markup that runs or hides, links that run code, domains that lie.

Markdown is checked on the token stream markdown-it makes of it, the same parser the site renders
with, so that no spelling of a link or a tag (reference-style links, entity-encoded schemes,
autolinks, unclosed tags) slips past a pattern. Domains of links and e-mail addresses are checked
against Unicode's rules for look-alike text (UTS #39): no mixing of scripts within a label, and no
label written wholly in letters that imitate ASCII ones.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from urllib.parse import unquote

__all__ = [
    "SAFE_LINK_SCHEMES",
    "lookalike_domain",
    "markdown_problem",
    "tag_in_text",
    "unsafe_link",
]

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
"""The schemes a link in a text may use; relative links (``#part``, ``/page``) need none."""

# An HTML tag, closed or not, a comment, a doctype or a processing instruction starts like this.
_TAG_START = re.compile(r"<[A-Za-z/!?]")
# What browsers ignore inside a scheme ("java\tscript:"), removed before the scheme is read.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Markdown that may hold a link or a tag: without one of these, the text needs no parsing.
_MAY_HOLD_MARKUP = re.compile(r"[<\[&]|\]\(|\]:")

# Scripts that may share a domain label (UTS #39, "highly restrictive"): Latin with the Han
# family of each East Asian writing system, never Latin with Cyrillic or Greek.
_ALLOWED_SCRIPT_SETS = (
    frozenset({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "HAN", "BOPOMOFO"}),
    frozenset({"LATIN", "HAN", "HANGUL"}),
)
_NEUTRAL_SCRIPTS = frozenset({"COMMON", "INHERITED"})


def tag_in_text(text: str) -> str | None:
    """Return the start of an HTML tag in ``text`` (closed or not), or None."""
    found = _TAG_START.search(text)
    if found is None:
        return None
    end = text.find(">", found.start())
    tag = text[found.start() : end + 1 if end != -1 else len(text)]
    return tag[:40]


def unsafe_link(url: str) -> bool:
    """Return True when ``url``, as a link in a text, would run code or leave the web.

    Entities are already decoded by the Markdown parser; what browsers ignore inside a scheme
    (tabs, newlines, controls) and percent-encoding are removed before the scheme is read.
    """
    cleaned = _IGNORED_IN_SCHEME.sub("", unquote(url))
    scheme = _SCHEME.match(cleaned)
    if scheme is None:
        return False  # a relative link: '#part', '/page', 'page.html'
    return scheme.group(1).lower() not in SAFE_LINK_SCHEMES


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    # The site's own settings, with raw HTML on so that it shows up as tokens to refuse, and
    # every link kept (markdown-it drops 'javascript:' links silently; other renderers may not).
    parser = MarkdownIt("commonmark", {"html": True, "linkify": False, "breaks": True})
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    return parser


def _tokens(tokens: list[Any]) -> Any:
    for token in tokens:
        yield token
        if token.children:
            yield from _tokens(token.children)


def markdown_problem(text: str) -> tuple[str, str] | None:
    """Return ``("html", tag)`` or ``("link", url)`` for the first unsafe thing in ``text``.

    ``text`` is read as the site reads it (markdown-it, CommonMark): raw HTML blocks and inline
    tags, unclosed tags in the text, and links or images whose target would run code or leave
    the web, however they are spelled (inline, reference-style, autolink, entity-encoded).
    """
    if not _MAY_HOLD_MARKUP.search(text):
        return None
    environment: dict[str, Any] = {}
    tokens = _parser().parse(text, environment)
    for token in _tokens(tokens):
        if token.type in ("html_block", "html_inline"):
            return "html", token.content.strip()[:40]
        if token.type in ("link_open", "image"):
            target = str(token.attrGet("href") or token.attrGet("src") or "")
            if unsafe_link(target):
                return "link", target[:60]
        if token.type in ("text", "code_inline", "code_block", "fence"):
            tag = tag_in_text(token.content)
            if tag is not None:
                return "html", tag
    # Reference definitions no link uses are not tokens, but other renderers may still use them.
    for reference in environment.get("references", {}).values():
        if unsafe_link(str(reference.get("href", ""))):
            return "link", str(reference["href"])[:60]
    return None


def _scripts(label: str) -> frozenset[str]:
    from confusable_homoglyphs import categories

    return frozenset(categories.unique_aliases(label)) - _NEUTRAL_SCRIPTS


@cache
def _imitates_ascii(character: str) -> bool:
    """True for a non-ASCII character that looks like an ASCII letter or digit (or becomes one)."""
    import unicodedata

    from confusable_homoglyphs import confusables

    if unicodedata.normalize("NFKC", character).isascii():
        return True  # a fullwidth or other compatibility form of an ASCII character
    found = confusables.is_confusable(character, greedy=True) or []
    return any(
        glyph["c"].isascii() and glyph["c"].isalnum()
        for entry in found
        for glyph in entry["homoglyphs"]
    )


def lookalike_domain(domain: str) -> str | None:
    """Return why ``domain`` imitates another (mixed scripts, ASCII look-alikes), or None.

    Punycode labels (``xn--...``) are decoded first; ASCII labels are fine as they are.
    """
    for written in domain.rstrip(".").split("."):
        label = written
        if label.lower().startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except UnicodeError:
                return f"the label '{written}' is not valid punycode"
        if label.isascii():
            continue
        scripts = _scripts(label)
        if len(scripts) > 1 and not any(scripts <= allowed for allowed in _ALLOWED_SCRIPT_SETS):
            return f"'{label}' mixes {' and '.join(sorted(s.title() for s in scripts))} letters"
        letters = [character for character in label if character.isalnum()]
        imitating = [c for c in letters if not c.isascii() and _imitates_ascii(c)]
        if imitating and ("LATIN" in scripts or len(imitating) == len(letters)):
            return f"'{label}' holds letters that imitate ASCII ones ({''.join(imitating)[:10]})"
    return None
