"""Render letters with a reader's values, build ``mailto:`` links and check social posts.

Rendering is plain text substitution of declared placeholders in one pass: no template engine
runs, so text from data files (``{{ ... }}``, ``{name}``, ``<script>``) stays the text it is, and a
value that contains a placeholder token is never substituted again.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from enum import Enum

from coalition_kit.models import Letter
from coalition_kit.models.letter import (
    PLACEHOLDER_IN_TEXT,
    paragraph_is_optional,
    paragraph_text,
)
from coalition_kit.support.arguments import require, require_text_mapping
from coalition_kit.support.text import escape_markdown, unescape_markdown

__all__ = [
    "LetterFormat",
    "MissingValuesError",
    "RenderError",
    "UnknownLanguageError",
    "UnknownValuesError",
    "plain_text",
    "render_letter",
]


class LetterFormat(str, Enum):
    """The output format of a rendered letter."""

    TEXT = "text"
    MARKDOWN = "markdown"


class RenderError(ValueError):
    """A letter cannot be rendered with the values and options given."""


class MissingValuesError(RenderError):
    """Some placeholders have no value."""

    def __init__(self, letter_id: str, missing: Sequence[str]) -> None:
        """Name the letter and the placeholders left without a value."""
        self.missing = list(missing)
        super().__init__(
            f"letter '{letter_id}' needs a value for {', '.join(self.missing)}; "
            "pass them as values={'[Name]': ..., ...} (or by label: {'Name': ...})"
        )


class UnknownValuesError(RenderError):
    """Values were given for placeholders the letter does not declare."""

    def __init__(self, letter_id: str, unknown: Sequence[str], declared: Sequence[str]) -> None:
        """Name the values that match no placeholder, and the placeholders there are."""
        self.unknown = list(unknown)
        super().__init__(
            f"letter '{letter_id}' has no placeholder {', '.join(self.unknown)}; "
            f"its placeholders are {', '.join(declared) or 'none'}"
        )


class UnknownLanguageError(RenderError):
    """The letter has no text in the language asked for."""

    def __init__(self, letter_id: str, language: str, available: Sequence[str]) -> None:
        """Name the language asked for and the ones available."""
        super().__init__(
            f"letter '{letter_id}' has no text in '{language}'; "
            f"it is available in {', '.join(available) or 'no language'}"
        )


_LIST_LINE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def _normalise_values(letter: Letter, values: Mapping[str, str]) -> dict[str, str]:
    declared = [placeholder.token for placeholder in letter.placeholders]
    by_token: dict[str, str] = {}
    unknown = []
    for key, value in values.items():
        token = key if key.startswith("[") else f"[{key}]"
        if token in declared:
            by_token[token] = value
        else:
            unknown.append(key)
    if unknown:
        raise UnknownValuesError(letter.id, unknown, declared)
    return by_token


def _choose_paragraphs(
    letter: Letter, language: str, include_optional: bool | Collection[int]
) -> list[str]:
    if language not in letter.body:
        raise UnknownLanguageError(letter.id, language, letter.languages)
    chosen = []
    for index, item in enumerate(letter.body[language]):
        if paragraph_is_optional(item):
            keep = (
                include_optional
                if isinstance(include_optional, bool)
                else (index in include_optional)
            )
            if not keep:
                continue
        chosen.append(paragraph_text(item))
    return chosen


def _substitute(text: str, values: Mapping[str, str], markdown: bool, missing: list[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        token = f"[{match.group(1)}]"
        if token not in values:
            if token not in missing:
                missing.append(token)
            return match.group(0)
        value = values[token]
        return escape_markdown(value) if markdown else value

    return PLACEHOLDER_IN_TEXT.sub(replace, text)


def _as_markdown(paragraph: str) -> str:
    lines = paragraph.split("\n")
    if len(lines) == 1 or all(_LIST_LINE.match(line) for line in lines):
        return paragraph
    # A line break inside a paragraph (a signature block) is a hard break in Markdown.
    return "\\\n".join(lines)


def plain_text(paragraph: str) -> str:
    """Return a Markdown paragraph as plain text, its backslash escapes removed."""
    return unescape_markdown(paragraph)


def render_letter(
    letter: Letter,
    values: Mapping[str, str] | None = None,
    *,
    language: str | None = None,
    include_optional: bool | Collection[int] = True,
    format: LetterFormat | str = LetterFormat.TEXT,
) -> str:
    """Return the letter's text with the reader's values filled in.

    Args:
        letter: The letter to render.
        values: A value per placeholder, keyed by token (``"[Name]"``) or label (``"Name"``).
        language: A language the letter has (``"en"``); by default its first language.
        include_optional: True to keep every optional paragraph, False to leave them all out,
            or the indexes (in ``letter.body[language]``) of the optional paragraphs to keep.
        format: ``"text"`` (Markdown escapes removed) or ``"markdown"`` (values escaped).

    Raises:
        MissingValuesError: A placeholder in the chosen paragraphs has no value.
        UnknownValuesError: A value names no placeholder of the letter.
        UnknownLanguageError: The letter has no text in ``language``.
    """
    require(letter, Letter, "render_letter(): letter", "a Letter")
    values = require_text_mapping(
        values or {}, "render_letter(): values", "a mapping of placeholders to texts"
    )
    require(language, (str, type(None)), "render_letter(): language", "a language tag or None")
    require(
        include_optional,
        (bool, Collection),
        "render_letter(): include_optional",
        "True, False or the indexes of the optional paragraphs to keep",
    )
    output_format = LetterFormat(format)
    markdown = output_format is LetterFormat.MARKDOWN
    by_token = _normalise_values(letter, values)
    chosen_language = language or (letter.languages[0] if letter.languages else "en")
    paragraphs = _choose_paragraphs(letter, chosen_language, include_optional)
    missing: list[str] = []
    rendered = [_substitute(paragraph, by_token, markdown, missing) for paragraph in paragraphs]
    if missing:
        raise MissingValuesError(letter.id, missing)
    shaped = [_as_markdown(text) if markdown else plain_text(text) for text in rendered]
    return "\n\n".join(shaped) + "\n"
