"""A letter: a joint letter, an open letter, a template supporters copy, or a petition."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import ConfigDict, Discriminator, Field, Tag, field_validator, model_validator
from pydantic_core import PydanticCustomError

from coalition_kit.models.addresses import HttpUrl
from coalition_kit.models.base import Model, StrEnum
from coalition_kit.models.dates import PartialDate
from coalition_kit.models.formats import EntityId, LanguageTag, StrictBool, StrictInt
from coalition_kit.models.refs import LastVerified, LetterId, OrganizationId
from coalition_kit.models.shared import Party, PersonAtRisk, Sources
from coalition_kit.models.text import Markdown, OneLine
from coalition_kit.models.translation import Translation
from coalition_kit.problems.codes import Code

__all__ = [
    "PLACEHOLDER_PATTERN",
    "CountQualifier",
    "Enclosure",
    "Letter",
    "LetterKind",
    "Paragraph",
    "Placeholder",
    "Signatory",
    "SignatureCount",
    "paragraph_is_optional",
    "paragraph_text",
]

PLACEHOLDER_PATTERN = r"\[[^\[\]\n]+\]"
"""A placeholder token: text in square brackets on one line, such as ``[Name]``."""

_PLACEHOLDER_TOKEN = re.compile(PLACEHOLDER_PATTERN)
# A placeholder in running text: brackets not escaped with a backslash and not a Markdown link.
PLACEHOLDER_IN_TEXT = re.compile(r"(?<!\\)\[([^\[\]\n\\]+)\](?![(\[])")


class LetterKind(StrEnum):
    """What sort of letter it is."""

    JOINT_LETTER = "joint-letter"
    OPEN_LETTER = "open-letter"
    TEMPLATE = "template"
    PETITION = "petition"
    LETTER = "letter"
    STATEMENT = "statement"


class CountQualifier(StrEnum):
    """How exact a signature count is."""

    EXACT = "exact"
    APPROXIMATELY = "approximately"
    AT_LEAST = "at-least"
    FEWER_THAN = "fewer-than"


class SignatureCount(Model):
    """How many people signed, for petitions whose signatories are not listed one by one."""

    value: StrictInt = Field(ge=0, description="The number, as a plain number: 25000.")
    qualifier: CountQualifier = Field(
        CountQualifier.EXACT, description="exact, approximately, at-least or fewer-than."
    )
    as_of: PartialDate | None = Field(None, description="When the count was read.")
    as_written: OneLine | None = Field(
        None, description="The count as the source wrote it: 'almost 25,000'."
    )


class Signatory(Model):
    """One signature, in the order the letter lists them."""

    organization: OrganizationId | None = Field(
        None, description="The id of the signing organization."
    )
    name: OneLine | None = Field(
        None, description="The name as written, for a person or an organization not recorded."
    )
    title: OneLine | None = Field(
        None, description="The signer's title or affiliation, as written."
    )
    as_written: OneLine | None = Field(
        None, description="The entry as the letter writes it, where it differs from the name."
    )

    @model_validator(mode="after")
    def _names_someone(self) -> Signatory:
        if self.organization is None and self.name is None:
            raise PydanticCustomError(
                Code.PARTY_EMPTY.value, "a signatory needs an 'organization' id or a 'name'"
            )
        return self


class Placeholder(Model):
    """A value the reader fills in, such as ``[Name]``."""

    token: Annotated[str, Field(pattern=f"^{PLACEHOLDER_PATTERN}$")] = Field(
        description="The token exactly as it appears in the text, brackets included: '[Name]'."
    )
    description: Markdown = Field(description="What to fill in.")
    example: OneLine | None = Field(None, description="An example value.")

    @field_validator("token", mode="before")
    @classmethod
    def _token_form(cls, value: object) -> object:
        if isinstance(value, str) and not _PLACEHOLDER_TOKEN.fullmatch(value):
            raise PydanticCustomError(
                Code.PLACEHOLDER_INVALID.value,
                "'{value}' is not a placeholder token: write it in square brackets, like '[Name]'",
                {"value": value},
            )
        return value


class Paragraph(Model):
    """A paragraph with options: optional (the reader may leave it out) and an editorial note."""

    text: Markdown = Field(description="The paragraph, in Markdown.")
    optional: StrictBool = Field(
        False, description="True when the reader may leave the paragraph out."
    )
    note: Markdown | None = Field(
        None, description="An editorial note about the paragraph (not part of the letter)."
    )


def _paragraph_tag(value: object) -> str:
    return "text" if isinstance(value, str) else "paragraph"


ParagraphItem = Annotated[
    Annotated[Markdown, Tag("text")] | Annotated[Paragraph, Tag("paragraph")],
    Discriminator(_paragraph_tag),
]
"""A paragraph: plain Markdown text, or a mapping with ``text`` and options."""


def paragraph_text(item: str | Paragraph) -> str:
    """Return the Markdown text of a paragraph item, whichever form it was written in."""
    return item if isinstance(item, str) else item.text


def paragraph_is_optional(item: str | Paragraph) -> bool:
    """Return True when the paragraph item is marked optional."""
    return isinstance(item, Paragraph) and item.optional


class Enclosure(Model):
    """A document sent with the letter."""

    title: OneLine = Field(description="What the enclosure is.")
    letter: LetterId | None = Field(None, description="The id of the enclosed letter, if recorded.")
    url: HttpUrl | None = Field(None, description="Where the enclosure can be read.")
    description: Markdown | None = Field(None, description="A short description.")


class Letter(Model):
    """A letter with its parties, signatories, text per language and declared placeholders."""

    model_config = ConfigDict(
        title="Letter",
        json_schema_extra={
            "examples": [
                {
                    "id": "wang-yi-template-2023",
                    "title": "Template letter to Foreign Minister Wang Yi",
                    "kind": "template",
                    "addressees": [{"name": "Wang Yi", "title": "Minister"}],
                    "body": {"en": ["Dear Minister Wang Yi,", "Sincerely,\n[Name]"]},
                    "placeholders": [{"token": "[Name]", "description": "Your name."}],
                    "sources": [{"url": "https://www.libertyinnorthkorea.org/blog"}],
                }
            ]
        },
    )

    id: EntityId
    title: OneLine = Field(description="The title or subject line, as written.")
    kind: LetterKind = Field(
        description="joint-letter, open-letter, template, petition, letter or statement."
    )
    date: PartialDate | None = Field(None, description="The letter's date, as precisely as known.")
    subject: OneLine | None = Field(None, description="The subject line, if the letter has one.")
    summary: Markdown | None = Field(None, description="What the letter asks, in a few sentences.")
    addressees: list[Party] = Field(
        min_length=1, description="To whom it is addressed, name and title as written."
    )
    cc: list[Party] = Field(default_factory=list, description="Who is copied, as written.")
    senders: list[Party] = Field(
        default_factory=list, description="Who sends it, as written (contact details left out)."
    )
    signatories: list[Signatory] = Field(
        default_factory=list, description="The signatures, in the letter's order."
    )
    signature_count: SignatureCount | None = Field(
        None, description="For petitions: how many signed."
    )
    body: dict[LanguageTag, list[ParagraphItem]] = Field(
        default_factory=dict,
        description="The text per language (BCP 47 tag): a list of Markdown paragraphs, from "
        "salutation to signature. A paragraph may be a mapping with 'text' and 'optional: true'.",
    )
    placeholders: list[Placeholder] = Field(
        default_factory=list, description="The values a reader fills in, such as [Name]."
    )
    enclosures: list[Enclosure] = Field(default_factory=list, description="Documents sent with it.")
    people_at_risk: list[PersonAtRisk] = Field(
        default_factory=list,
        description="People at risk whom the text names, each with a public source and the "
        "coalition's decision to name them. Leave names out otherwise.",
    )
    editorial_notes: list[Markdown] = Field(
        default_factory=list,
        description="What coalition-kit changed from the source and why (a name withheld, a "
        "placeholder written in a standard form).",
    )
    translations: dict[LanguageTag, Translation] = Field(
        default_factory=dict,
        description="For each language of 'body' after the first (the original): who "
        "translated it, how, and whether a native speaker reviewed it; 'texts' holds the "
        "translated 'title' and 'subject'.",
    )
    sources: Sources
    last_verified: LastVerified = None

    @property
    def original_language(self) -> str | None:
        """The language of the original text (the first of ``body``); None without a text."""
        return next(iter(self.body), None)

    def subject_in(self, language: str) -> str:
        """The subject line in ``language`` if translated, else the original's (or the title)."""
        translation = self.translations.get(language)
        translated = translation.texts.get("subject") if translation else None
        return translated or self.subject or self.title

    @property
    def languages(self) -> list[str]:
        """The languages the letter's text is available in, in the order written."""
        return list(self.body)
