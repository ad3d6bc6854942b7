"""Letters: placeholders are declared and used (translations: ``translations.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from coalition_kit.check.dataset import Entity
from coalition_kit.check.rules.registry import RuleContext, entity_rule
from coalition_kit.models import Letter
from coalition_kit.models.letter import (
    PLACEHOLDER_IN_TEXT,
    paragraph_text,
)
from coalition_kit.problems.codes import Code
from coalition_kit.problems.report import Problem


def placeholders_in(text: str) -> list[str]:
    """Return the placeholder tokens in ``text``, brackets included, in order of appearance."""
    return [f"[{match.group(1)}]" for match in PLACEHOLDER_IN_TEXT.finditer(text)]


def _used_by_language(letter: Letter) -> dict[str, set[str]]:
    return {
        language: {token for item in items for token in placeholders_in(paragraph_text(item))}
        for language, items in letter.body.items()
    }


@entity_rule(
    "placeholders-declared",
    "Every placeholder a letter uses is declared, and every one declared is used.",
)
def placeholders_declared(
    entity: Entity[Any], model: Letter, context: RuleContext
) -> Iterator[Problem]:
    """Report undeclared placeholders at their paragraph, and unused ones at their declaration."""
    letter = model
    declared = {placeholder.token for placeholder in letter.placeholders}
    # The subject goes into the e-mail a reader sends: its placeholders are filled in too.
    for token in dict.fromkeys(placeholders_in(letter.subject or "")):
        if token not in declared:
            yield entity.problem(
                ("subject",),
                Code.PLACEHOLDER_UNDECLARED,
                f"{token} is used in the subject but not declared under 'placeholders'; "
                "declare it, or write literal brackets as \\[ and \\]",
            )
    for language, items in letter.body.items():
        for index, item in enumerate(items):
            reported: set[str] = set()
            for token in placeholders_in(paragraph_text(item)):
                if token not in declared and token not in reported:
                    reported.add(token)
                    yield entity.problem(
                        ("body", language, index, "text"),
                        Code.PLACEHOLDER_UNDECLARED,
                        f"{token} is used but not declared under 'placeholders'; declare it, "
                        "or write literal brackets as \\[ and \\]",
                    )
    if not letter.body:
        return
    used = set().union(*_used_by_language(letter).values(), placeholders_in(letter.subject or ""))
    for index, placeholder in enumerate(letter.placeholders):
        if placeholder.token not in used:
            yield entity.problem(
                ("placeholders", index, "token"),
                Code.PLACEHOLDER_UNUSED,
                f"{placeholder.token} is declared but used in no text of the letter",
            )
