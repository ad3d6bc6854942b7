"""The site's words in each of its languages, and dates, numbers and countries as each writes them.

The interface strings live in ``strings/<language>.yaml``, one catalogue per language, with the
same keys and the same ``{placeholders}`` (a test checks); a key missing from a translation
falls back to English. Dates, numbers and country names come from Babel (CLDR), so that Korean
pages write "2026년 9월 24일" and "캐나다" without a word of hand-made translation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "Words", "catalogue"]

DEFAULT_LANGUAGE = "en"
LANGUAGES = ("en", "ko")
"""The languages of the site: English first (the default, at the site's root), then Korean."""


@cache
def catalogue(language: str) -> dict[str, str]:
    """Return the interface strings of ``language``, by key."""
    text = files("coalition_kit.site").joinpath(f"strings/{language}.yaml").read_text("utf-8")
    loaded: dict[str, str] = yaml.safe_load(text)
    return loaded


@cache
def _locale(language: str) -> Any:
    # Parsed once: a large site asks for country names and dates a few hundred thousand times.
    from babel import Locale

    return Locale.parse(language)


@dataclass(frozen=True)
class Words:
    """The interface of one language: strings, dates, numbers and country names."""

    language: str

    def __call__(self, key: str, **values: Any) -> str:
        """Return the string ``key``, with ``{name}`` placeholders filled from ``values``."""
        text = catalogue(self.language).get(key) or catalogue(DEFAULT_LANGUAGE)[key]
        return text.format(**values) if values else text

    @property
    def root(self) -> str:
        """From a page of this language to the same place in the default language's site."""
        return "" if self.language == DEFAULT_LANGUAGE else "../"

    @property
    def locale(self) -> Any:
        """The Babel locale of the language."""
        return _locale(self.language)

    def date(self, value: dt.date) -> str:
        """Return a date as the language writes it in full: '24 September 2026', '2026년 9월 24일'."""
        from babel.dates import format_date

        return str(format_date(value, "long", locale=self.locale))

    def partial_date(self, value: str) -> str:
        """Return a date as precise as the source gives it: '2012', 'December 2013', a full date."""
        from babel.dates import format_skeleton

        parts = [int(part) for part in value.split("-")]
        if len(parts) == 1:
            return str(parts[0]) + self("year_suffix")
        if len(parts) == 2:
            day = dt.date(parts[0], parts[1], 1)
            return str(format_skeleton("yMMMM", day, locale=self.locale))
        return self.date(dt.date(parts[0], parts[1], parts[2]))

    def number(self, value: int) -> str:
        """Return a whole number with the language's grouping: 77,400."""
        from babel.numbers import format_decimal

        return str(format_decimal(value, locale=self.locale))

    def country(self, code: str) -> str:
        """Return a country's name in the language: 'Canada', '캐나다'."""
        names: dict[str, str] = self.locale.territories
        return names.get(code) or code

    def language_name(self, tag: str) -> str:
        """Return a language's name in this language: 'Korean', '한국어'."""
        from babel import Locale

        try:
            return str(Locale.parse(tag.replace("-", "_")).get_display_name(self.locale))
        except (ValueError, LookupError):
            return tag
