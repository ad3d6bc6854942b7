"""Contact points of an organization or a mission: e-mail, phone, fax, post, forms, accounts.

Each says where it was found, how current it is and who checked it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Discriminator, Field, model_validator
from pydantic_core import PydanticCustomError

from coalition_kit.models.addresses import Email, HttpUrl, PhoneNumber, phone_matches_display
from coalition_kit.models.base import Model, StrEnum
from coalition_kit.models.dates import PartialDate
from coalition_kit.models.formats import StrictBool
from coalition_kit.models.refs import PastDate
from coalition_kit.models.shared import Address, SocialAccount, Source
from coalition_kit.models.text import Markdown, OneLine
from coalition_kit.problems.codes import Code

__all__ = [
    "NOT_FOR_LETTERS",
    "ContactPoint",
    "EmailContact",
    "PhoneContact",
    "PostalContact",
    "Purpose",
    "Quality",
    "SocialContact",
    "Verification",
    "VerificationMethod",
    "Visibility",
    "WebFormContact",
]


class VerificationMethod(StrEnum):
    """How a contact detail was last checked."""

    OFFICIAL_WEBSITE = "official-website"
    PHONE_CALL = "phone-call"
    LETTER_DELIVERED = "letter-delivered"
    EMAIL_DELIVERED = "email-delivered"
    EMAIL_BOUNCED = "email-bounced"
    SOURCE_DOCUMENT = "source-document"


class Verification(Model):
    """When and how a contact detail was last checked, and what the check found."""

    date: PastDate = Field(description="The day of the check.")
    by: OneLine | None = Field(
        None, description="Who checked: a volunteer's public handle or the organization's name."
    )
    method: VerificationMethod = Field(
        description="How it was checked: read on the official website, a phone call, a letter "
        "delivered, an e-mail delivered or bounced, or copied from a cited source document."
    )
    note: Markdown | None = Field(None, description="What the check found, in a sentence.")


class Visibility(StrEnum):
    """Whether a contact detail belongs to an institution or to a private person."""

    INSTITUTIONAL = "institutional"
    PERSONAL = "personal"


class Purpose(StrEnum):
    """What the office behind a contact does, so the tools know where a letter belongs."""

    GENERAL = "general"
    """The office as a whole (the embassy's own address): letters go here first."""
    PRESS = "press"
    """The press or information office."""
    CONSULAR = "consular"
    """The consular section as a whole."""
    SERVICES = "services"
    """A counter for paperwork (visas, passports, documents): never offered for letters."""
    EMERGENCY = "emergency"
    """A line for people in danger or urgent cases: never offered for letters."""


NOT_FOR_LETTERS = frozenset({Purpose.SERVICES, Purpose.EMERGENCY})
"""The purposes whose contacts are kept in the data but never offered to supporters."""


class _ContactBase(Model):
    label: OneLine | None = Field(
        None, description="What the contact is for, as the source says: 'press', 'consular', ..."
    )
    purpose: Purpose | None = Field(
        None,
        description="What the office behind it does: 'general', 'press', 'consular', "
        "'services' (visas, passports, documents) or 'emergency'. Contacts for services or "
        "emergencies stay in the data but are never offered to supporters for letters.",
    )
    visibility: Visibility = Field(
        Visibility.INSTITUTIONAL,
        description="'institutional' for an office's contact; 'personal' for a person's own "
        "phone or e-mail, which needs 'published_by_owner'.",
    )
    published_by_owner: Source | None = Field(
        None,
        description="For a personal contact: where the person published it themselves.",
    )
    source: Source | None = Field(
        None,
        description="Where this contact was found, if not in the entry's own sources: a page "
        "with its address and the day it was read.",
    )
    as_of: PartialDate | None = Field(
        None,
        description="When the contact was last known to be current, as precisely as known: "
        "'2012' for a number a 2012 appeal gives.",
    )
    imported: StrictBool = Field(
        False,
        description="True for a value the importer copied from a data set (see the entry's "
        "'imported'), which no person has checked yet.",
    )
    verified: Verification | None = Field(
        None, description="The last check of this contact by a person: who, when and how."
    )
    note: Markdown | None = Field(None, description="Anything else worth knowing.")

    @property
    def quality(self) -> Quality:
        """How far the contact can be trusted: verified by a person, sourced, or imported."""
        if self.verified is not None:
            return Quality.VERIFIED
        return Quality.IMPORTED if self.imported else Quality.SOURCED


class Quality(StrEnum):
    """How a value came into the data."""

    VERIFIED = "verified"
    """A person checked it (who, when and how are recorded)."""
    SOURCED = "sourced"
    """A person copied it from a cited source."""
    IMPORTED = "imported"
    """The importer copied it from a data set; nobody has checked it yet."""


class EmailContact(_ContactBase):
    """An e-mail address."""

    kind: Literal["email"] = Field(description="The kind of contact: 'email'.")
    value: Email = Field(description="The e-mail address, as written.")


class PhoneContact(_ContactBase):
    """A phone or fax number, kept in E.164 with the form the source wrote."""

    kind: Literal["phone", "fax"] = Field(description="'phone' or 'fax'.")
    value: PhoneNumber = Field(description='The number in E.164 form, quoted: "+12024952138".')
    display: OneLine | None = Field(
        None, description="The number as the source wrote it, such as '1-202-495-2138'."
    )

    @model_validator(mode="after")
    def _display_dials_value(self) -> PhoneContact:
        if self.display is not None and not phone_matches_display(self.value, self.display):
            raise PydanticCustomError(
                Code.PHONE_INVALID.value,
                "'display' {display} does not dial the same number as 'value' {value}",
                {"display": repr(self.display), "value": repr(self.value)},
            )
        return self


class PostalContact(_ContactBase):
    """A postal address to write to."""

    kind: Literal["postal"] = Field(description="The kind of contact: 'postal'.")
    address: Address = Field(description="The address.")


class WebFormContact(_ContactBase):
    """A contact form on a website."""

    kind: Literal["web-form"] = Field(description="The kind of contact: 'web-form'.")
    url: HttpUrl = Field(description="The address of the form.")


class SocialContact(_ContactBase):
    """A social account used as a contact channel (messages, mentions)."""

    kind: Literal["social"] = Field(description="The kind of contact: 'social'.")
    account: SocialAccount = Field(description="The account.")


ContactPoint = Annotated[
    EmailContact | PhoneContact | PostalContact | WebFormContact | SocialContact,
    Discriminator("kind"),
]
"""One way to reach an organization or mission; ``kind`` says which."""
