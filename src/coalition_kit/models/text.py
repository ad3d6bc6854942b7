"""Text fields: one line of plain text, or Markdown.

Neither may carry markup, invisible characters or links to anything but the web and e-mail.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, WithJsonSchema

from coalition_kit.models.base import fail, unless_trusted
from coalition_kit.models.safety import markdown_problem, tag_in_text
from coalition_kit.problems.codes import Code
from coalition_kit.support.text import BIDI, BIDI_PATTERN, CONTROL, CONTROL_PATTERN

__all__ = ["MARKDOWN_MAX", "ONE_LINE_MAX", "Markdown", "OneLine"]


# Markup that text fields must not carry: HTML tags (closed or not) and comments, and links whose
# target would run code or leave the web. The models check the token stream markdown-it makes of
# a text (see ``safety``); the JSON Schemas carry patterns that refuse the same hostile inputs.
HTML_TAG_PATTERN = r"<[A-Za-z/!?]"
# A link to another scheme: inline ('](javascript:'), a reference definition ('[1]: javascript:'),
# and a colon spelt as an entity ('&#58;'), which no text of ours needs.
_UNSAFE_TARGET = "\\s*<?\\s*(?!https?:|mailto:|#|/)[a-zA-Z][a-zA-Z0-9+.-]*:"
UNSAFE_LINK_PATTERNS = (
    f"\\]\\({_UNSAFE_TARGET}",
    f"(?:^|\\n) {{0,3}}\\[[^\\]]+\\]:{_UNSAFE_TARGET}",
    "&(?:#0*58|#[xX]0*3[aA]|colon);",
)
_NO_MARKUP = {
    "not": {
        "anyOf": [
            {"pattern": HTML_TAG_PATTERN},
            *({"pattern": pattern} for pattern in UNSAFE_LINK_PATTERNS),
            {"pattern": CONTROL_PATTERN},
            {"pattern": BIDI_PATTERN},
        ]
    }
}


_INVISIBLE = (
    (CONTROL, Code.CONTROL_CHARACTER, "an invisible control character"),
    (BIDI, Code.BIDI_CONTROL, "an invisible character that reorders text"),
)


_SUSPICIOUS = re.compile(f"{CONTROL_PATTERN}|{BIDI_PATTERN}|<|\\[|&")


def _check_no_markup(value: str, *, markdown: bool) -> None:
    if not _SUSPICIOUS.search(value):
        return
    for pattern, code, what in _INVISIBLE:
        found = pattern.search(value)
        if found:
            raise fail(
                code,
                "this text holds {what} (U+{point}); delete it",
                what=what,
                point=f"{ord(found.group()):04X}",
            )
    problem = markdown_problem(value) if markdown else None
    tag = tag_in_text(value) if not markdown else None
    if problem is not None and problem[0] == "html":
        tag = problem[1]
    if tag is not None:
        raise fail(
            Code.TEXT_HTML,
            "'{tag}': HTML is not accepted in text; write plain text (Markdown where the field "
            "takes it)",
            tag=tag,
        )
    if problem is not None:
        raise fail(
            Code.URL_INVALID,
            "a link in this text goes to '{target}'; links must start with https://, http:// "
            "or mailto:",
            target=problem[1],
        )


ONE_LINE_MAX = 1_000
"""The longest one-line text (a name, a title): ten times the longest real title."""
MARKDOWN_MAX = 100_000
"""The longest Markdown text (a paragraph, a summary): a long report's worth."""


def _check_length(value: str, limit: int) -> None:
    if len(value) > limit:
        raise fail(
            Code.VALUE_TOO_LONG,
            "this text is {length} characters long; the limit is {limit}",
            length=f"{len(value):,}",
            limit=f"{limit:,}",
        )


def _check_one_line(value: str) -> str:
    _check_length(value, ONE_LINE_MAX)
    if not value.strip():
        raise fail(Code.VALUE_EMPTY, "this text is empty")
    if "\n" in value or "\r" in value:
        raise fail(Code.TEXT_MULTILINE, "this field holds one line of text; remove the line break")
    _check_no_markup(value, markdown=False)
    return value


OneLine = Annotated[
    str,
    AfterValidator(unless_trusted(_check_one_line)),
    WithJsonSchema(
        {
            "type": "string",
            "minLength": 1,
            "maxLength": ONE_LINE_MAX,
            "pattern": r"^[^\r\n]*\S[^\r\n]*$",
            **_NO_MARKUP,
        }
    ),
]
"""One line of non-blank text: a name, a title, a label. No HTML."""


def _check_markdown(value: str) -> str:
    _check_length(value, MARKDOWN_MAX)
    if not value.strip():
        raise fail(Code.VALUE_EMPTY, "this text is empty")
    _check_no_markup(value, markdown=True)
    return value


Markdown = Annotated[
    str,
    AfterValidator(unless_trusted(_check_markdown)),
    WithJsonSchema(
        {
            "type": "string",
            "minLength": 1,
            "maxLength": MARKDOWN_MAX,
            "pattern": r"\S",
            "contentMediaType": "text/markdown",
            **_NO_MARKUP,
        }
    ),
]
"""Non-blank Markdown text, without HTML. Untrusted all the same: the site escapes it."""
