"""Text as people read it: invisible characters, names compared across spellings, Markdown escapes.

One definition of each, for the loader, the models, the privacy rules, the letters and the site.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

__all__ = [
    "BIDI",
    "BIDI_PATTERN",
    "CONTROL",
    "CONTROL_PATTERN",
    "FORBIDDEN_IN_FILE",
    "FORBIDDEN_IN_VALUE",
    "comparable",
    "escape_markdown",
    "unescape_markdown",
]

CONTROL_PATTERN = "[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]"
"""Controls no text needs (all but tab and line feed), as a pattern JSON Schema reads too."""
BIDI_PATTERN = "[\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c]"
"""Bidirectional controls, which can make text display differently from what it says."""
CONTROL = re.compile(CONTROL_PATTERN)
BIDI = re.compile(BIDI_PATTERN)
FORBIDDEN_IN_FILE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)
"""What YAML forbids in a file: controls but tab and line breaks, surrogates, non-characters."""
FORBIDDEN_IN_VALUE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""What no value may hold, even spelt as an escape ("\\x07") in double quotes."""

# Markdown's special characters, escaped in text that must read as written.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~])")
_MARKDOWN_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")


def escape_markdown(text: str) -> str:
    """Return ``text`` with every Markdown special character escaped, so it renders as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def unescape_markdown(text: str) -> str:
    """Return Markdown ``text`` with its backslash escapes removed: the text a reader sees."""
    return _MARKDOWN_ESCAPED.sub(r"\1", text)


@cache
def _hiding() -> Any:
    """Match what a name may hide behind: invisible characters, dashes and spaces.

    Default-ignorable code points are zero-width spaces and joiners, soft hyphens, variation
    selectors, Hangul fillers and the like.
    """
    import regex

    return regex.compile(r"[\p{Default_Ignorable_Code_Point}\p{Pd}\u2212\p{Z}\s]+")


def comparable(text: str) -> str:
    r"""Return ``text`` as names are compared: NFKC, case-folded, no invisible characters.

    Dashes and spaces are dropped too, so that "Hong Gil\\u200b-dong", "HONG GIL\\u2011DONG" and
    "Hong Gildong" compare equal.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return str(_hiding().sub("", folded))
