"""Translations of an entry's texts, next to the original, with who made them and who checked.

A campaign or a letter lists its translations by language under ``translations``. Each names
who translated, how (a person, or software), when, and whether a native speaker reviewed it,
and holds the translated texts by *path*: ``title``, ``summary``, ``calls_to_action.0.title``,
``events.<event id>.description``. A letter's translated text itself is ``body.<language>``;
its translation record says where it came from. The original stays the reference: the tools
always offer it, and the validator checks that translations keep its placeholders, paragraphs
and links.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, Field, StringConstraints

from coalition_kit.models.base import Model, StrEnum
from coalition_kit.models.formats import StrictBool
from coalition_kit.models.refs import PastDate
from coalition_kit.models.text import Markdown, OneLine

__all__ = [
    "TEXT_PATH_PATTERN",
    "Review",
    "TextPath",
    "Translation",
    "TranslationMethod",
    "text_at",
]

TEXT_PATH_PATTERN = r"^[a-z_]+(?:\.(?:[0-9]+|[a-z0-9]+(?:-[a-z0-9]+)*|[a-z_]+))*$"

TextPath = Annotated[str, StringConstraints(pattern=TEXT_PATH_PATTERN)]
"""Where a text is in the entry: field names, list positions or event ids, joined by dots."""


class TranslationMethod(StrEnum):
    """How a translation was made."""

    HUMAN = "human"
    """A person translated it."""
    MACHINE = "machine"
    """Software translated it (a person may have edited it since: say so in 'note')."""


class Review(Model):
    """A person's check of a translation against the original."""

    by: OneLine = Field(description="Who reviewed: a volunteer's public handle or an organization.")
    date: PastDate = Field(description="The day of the review.")
    native_speaker: StrictBool = Field(
        description="True when the reviewer is a native speaker of the translation's language."
    )
    note: Markdown | None = Field(None, description="What the review found or changed.")


class Translation(Model):
    """The texts of an entry in one other language, and how they were made."""

    translated_by: OneLine = Field(
        description="Who translated: a volunteer's public handle, an organization, or the "
        "software ('machine translation, made for the coalition')."
    )
    method: TranslationMethod = Field(description="'human' or 'machine'.")
    date: PastDate = Field(description="The day the translation was made.")
    reviewed: Review | None = Field(
        None, description="The last review by a person, if any: who, when, native speaker or not."
    )
    texts: dict[TextPath, Markdown] = Field(
        default_factory=dict,
        description="The translated texts by path: 'title', 'summary', 'subject', "
        "'calls_to_action.0.description', 'events.<event id>.description' ...",
    )
    note: Markdown | None = Field(
        None, description="Choices the translator made (terms, names), for reviewers."
    )

    @property
    def reviewed_by_native_speaker(self) -> bool:
        """True when a native speaker has reviewed the translation."""
        return self.reviewed is not None and self.reviewed.native_speaker


_INDEX = re.compile(r"^[0-9]+$")


def text_at(entity: BaseModel, path: str) -> str | None:
    """Return the text at ``path`` in ``entity``, or None when the path leads to no text.

    A segment is a field name, a list position (``0``), or the ``id`` of an item of a list
    (``events.<id>``).
    """
    node: Any = entity
    for segment in path.split("."):
        if isinstance(node, list):
            if _INDEX.match(segment):
                index = int(segment)
                node = node[index] if index < len(node) else None
            else:
                node = next((item for item in node if getattr(item, "id", None) == segment), None)
        elif isinstance(node, BaseModel):
            node = getattr(node, segment, None) if segment in type(node).model_fields else None
        else:
            return None
        if node is None:
            return None
    return node if isinstance(node, str) else None
