"""Translations: each has its record, names real texts, and keeps the original's structure.

A translation keeps the original's placeholders (``[Name]``), its paragraphs (and, in a letter,
which are optional), its links, and a one-line text stays one line; a letter's languages after
the first (the original) each say who translated them and how.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from coalition_kit.check.dataset import Entity
from coalition_kit.check.rules.letters import placeholders_in
from coalition_kit.check.rules.registry import RuleContext, entity_rule
from coalition_kit.models import Campaign, Letter
from coalition_kit.models.letter import paragraph_is_optional, paragraph_text
from coalition_kit.models.translation import text_at
from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem

__all__ = ["differences"]

_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|<(https?://[^>\s]+)>")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def _links(text: str) -> list[str]:
    return sorted(first or second for first, second in _LINK_TARGET.findall(text))


def _paragraphs(text: str) -> int:
    return len([part for part in _BLANK_LINES.split(text.strip()) if part.strip()])


def differences(original: str, translated: str) -> list[str]:
    """Say how ``translated`` differs in structure from ``original`` (empty when it keeps it)."""
    found = []
    ours, theirs = set(placeholders_in(original)), set(placeholders_in(translated))
    if ours != theirs:
        missing, extra = sorted(ours - theirs), sorted(theirs - ours)
        parts = [
            f"lacks {', '.join(missing)}" if missing else "",
            f"adds {', '.join(extra)}" if extra else "",
        ]
        found.append("other placeholders (" + "; ".join(part for part in parts if part) + ")")
    if _links(original) != _links(translated):
        found.append("other links than the original")
    if _paragraphs(original) != _paragraphs(translated):
        found.append(
            f"{_paragraphs(translated)} paragraph(s) where the original has {_paragraphs(original)}"
        )
    if "\n" not in original.strip() and "\n" in translated.strip():
        found.append("several lines where the original has one")
    return found


@entity_rule(
    "translations-declared",
    "Each language of a letter after the original says who translated it and how.",
)
def translations_declared(
    entity: Entity[Any], model: Letter | Campaign, context: RuleContext
) -> Iterator[Problem]:
    """Report letter texts without a record, and records with nothing translated."""
    body = model.body if isinstance(model, Letter) else {}
    original = next(iter(body), None)
    for language in list(body)[1:]:
        if language not in model.translations:
            yield entity.problem(
                ("body", language),
                Code.TRANSLATION_UNDECLARED,
                f"the '{language}' text is a translation of the '{original}' original: add "
                f"translations.{language} with translated_by, method and date",
                key=True,
            )
    for language, translation in model.translations.items():
        if language == original:
            yield entity.problem(
                ("translations", language),
                Code.TRANSLATION_UNDECLARED,
                f"'{language}' is the original's language (the first under 'body'); a "
                "translation record is for the other languages",
                key=True,
            )
        elif language not in body and not translation.texts:
            yield entity.problem(
                ("translations", language),
                Code.TRANSLATION_UNDECLARED,
                f"the '{language}' translation has no text: add body.{language} or texts",
                key=True,
            )


@entity_rule(
    "translations-match",
    "Translations keep the original's placeholders, paragraphs, optional paragraphs and links.",
)
def translations_match(
    entity: Entity[Any], model: Letter | Campaign, context: RuleContext
) -> Iterator[Problem]:
    """Compare every translated text, and each language of a letter, with its original."""
    for language, translation in model.translations.items():
        for path, translated in translation.texts.items():
            original = text_at(model, path)
            location = ("translations", language, "texts", path)
            if original is None:
                yield entity.problem(
                    location,
                    Code.TRANSLATION_PATH_UNKNOWN,
                    f"'{path}' names no text of this {type(model).__name__.lower()}",
                    key=True,
                )
                continue
            for difference in differences(original, translated):
                yield entity.problem(
                    location,
                    Code.TRANSLATION_MISMATCH,
                    f"the '{language}' text of '{path}' has {difference}",
                )
    if isinstance(model, Letter):
        yield from _letter_languages(entity, model)


def _letter_languages(entity: Entity[Any], letter: Letter) -> Iterator[Problem]:
    if len(letter.body) < 2:
        return
    first, *others = list(letter.body)
    reference = letter.body[first]
    for language in others:
        items = letter.body[language]
        if [paragraph_is_optional(i) for i in items] != [
            paragraph_is_optional(i) for i in reference
        ]:
            yield entity.problem(
                ("body", language),
                Code.TRANSLATION_MISMATCH,
                f"the '{language}' text has {len(items)} paragraph(s) and marks "
                f"{sum(map(paragraph_is_optional, items))} optional, where the '{first}' original "
                f"has {len(reference)} and {sum(map(paragraph_is_optional, reference))}",
                key=True,
            )
            # The paragraphs cannot be paired: compare the placeholders of the whole text.
            whole = ["\n\n".join(paragraph_text(i) for i in text) for text in (reference, items)]
            if set(placeholders_in(whole[0])) != set(placeholders_in(whole[1])):
                yield entity.problem(
                    ("body", language),
                    Code.TRANSLATION_MISMATCH,
                    f"the '{language}' text has {differences(*whole)[0]}",
                    key=True,
                )
            continue
        for index, (mine, yours) in enumerate(zip(reference, items, strict=True)):
            for difference in differences(paragraph_text(mine), paragraph_text(yours)):
                yield entity.problem(
                    ("body", language, index),
                    Code.TRANSLATION_MISMATCH,
                    f"paragraph {index + 1} of the '{language}' text has {difference}",
                )
