"""The texts of an entry in a page's language: its translation where there is one, else the original.

Campaign texts are written in English in the data unless a translation says otherwise; a
letter's original is the first language of its body. A text shown on a page of another
language than its own carries that language (``Localized.language``), so that the page can mark
it with ``lang`` for screen readers and search.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from coalition_kit.models.translation import Translation, TranslationMethod, text_at
from coalition_kit.site.i18n import DEFAULT_LANGUAGE, Words

__all__ = ["ORIGINAL_LANGUAGE", "Localized", "localized", "translation_note"]

ORIGINAL_LANGUAGE = DEFAULT_LANGUAGE
"""The language the data's texts are written in, unless a translation says otherwise."""


class Localized(str):
    """A text that knows its language."""

    language: str

    def __new__(cls, text: str, language: str) -> Localized:
        """Make ``text``, in ``language``."""
        made = super().__new__(cls, text)
        made.language = language
        return made


def _translation(entity: BaseModel, language: str) -> Translation | None:
    translations: dict[str, Translation] = getattr(entity, "translations", {})
    return translations.get(language)


def localized(entity: BaseModel, path: str, language: str) -> Localized:
    """The text at ``path`` of ``entity`` in ``language`` if translated, else the original."""
    translation = _translation(entity, language)
    if translation is not None and path in translation.texts:
        return Localized(translation.texts[path], language)
    return Localized(text_at(entity, path) or "", ORIGINAL_LANGUAGE)


def translation_note(words: Words, translation: Translation, original: str) -> str:
    """Say, in the page's words, who translated a text, how, and whether it was reviewed."""
    values: dict[str, Any] = {
        "who": translation.translated_by,
        "original": words.language_name(original),
    }
    review = translation.reviewed
    if review is not None:
        key = "translation_reviewed_native" if review.native_speaker else "translation_reviewed"
        return words(key, reviewer=review.by, **values)
    if translation.method is TranslationMethod.MACHINE:
        return words("translation_machine", **values)
    return words("translation_human", **values)
