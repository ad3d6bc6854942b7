"""A campaign: a call to action, a day of action, a speaking tour, with its events and updates."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Discriminator, Field

from coalition_kit.models.addresses import HttpUrl
from coalition_kit.models.base import Model, StrEnum
from coalition_kit.models.dates import IsoDate, PartialDate
from coalition_kit.models.event import Event, Recurrence
from coalition_kit.models.formats import CountryCode, EntityId, LanguageTag
from coalition_kit.models.letter import SignatureCount
from coalition_kit.models.refs import (
    EventId,
    LastVerified,
    LetterId,
    MissionId,
    OrganizationId,
)
from coalition_kit.models.shared import (
    Figure,
    PersonAtRisk,
    Platform,
    SocialAccount,
    Source,
    Sources,
)
from coalition_kit.models.text import Markdown, OneLine
from coalition_kit.models.translation import Translation

__all__ = [
    "AttendAction",
    "CallToAction",
    "Campaign",
    "CampaignStatus",
    "Channel",
    "DonateAction",
    "FollowAction",
    "PetitionAction",
    "PressItem",
    "SocialPostAction",
    "Targets",
    "Update",
    "WriteAction",
]


class Targets(Model):
    """Whom a campaign asks supporters to contact."""

    sending_state: CountryCode | None = Field(
        None,
        description="Readers write to this state's missions in their own country: 'CN' means "
        "'the Chinese embassy or consulate where you live'.",
    )
    missions: list[MissionId] = Field(
        default_factory=list,
        description="Ids of missions every reader should contact, such as missions to the UN.",
    )
    organizations: list[OrganizationId] = Field(
        default_factory=list, description="Ids of organizations (ministries, UN bodies) targeted."
    )
    note: Markdown | None = Field(None, description="Who is targeted, in the campaign's words.")


class Channel(StrEnum):
    """A way to send a letter."""

    EMAIL = "email"
    FAX = "fax"
    POST = "post"
    IN_PERSON = "in-person"


class _ActionBase(Model):
    title: OneLine | None = Field(None, description="A short title for the action.")
    description: Markdown | None = Field(None, description="What to do, in the campaign's words.")


class WriteAction(_ActionBase):
    """Write to the targets: e-mail, fax, post or hand-deliver a letter."""

    kind: Literal["write"] = Field(description="'write'.")
    channels: list[Channel] = Field(min_length=1, description="email, fax, post, in-person.")
    letter: LetterId | None = Field(None, description="The id of the letter to send.")
    missions: list[MissionId] = Field(
        default_factory=list,
        description="Ids of missions to write to; empty means the campaign's targets.",
    )


class SocialPostAction(_ActionBase):
    """Post on a social platform, with a template text."""

    kind: Literal["social-post"] = Field(description="'social-post'.")
    platform: Platform = Field(description="The platform the template is written for.")
    text: Markdown = Field(description="The template text, exactly as the campaign wrote it.")
    thread: list[Markdown] = Field(
        default_factory=list,
        description="For a text over the platform's limit: the parts of a thread, which join "
        "with single spaces into exactly 'text'.",
    )
    hashtags: list[OneLine] = Field(default_factory=list, description="Hashtags, with '#'.")
    mentions: list[OneLine] = Field(
        default_factory=list, description="Accounts to mention, as handles with '@'."
    )


class PetitionAction(_ActionBase):
    """Sign or deliver a petition."""

    kind: Literal["petition"] = Field(description="'petition'.")
    letter: LetterId | None = Field(None, description="The id of the petition's letter.")
    url: HttpUrl | None = Field(None, description="Where to sign.")
    signature_count: SignatureCount | None = Field(None, description="How many had signed.")


class AttendAction(_ActionBase):
    """Take part in events: a protest, a vigil, a talk."""

    kind: Literal["attend"] = Field(description="'attend'.")
    events: list[EventId] = Field(min_length=1, description="Ids of this campaign's events.")


class DonateAction(_ActionBase):
    """Give money to an organization."""

    kind: Literal["donate"] = Field(description="'donate'.")
    organization: OrganizationId | None = Field(None, description="The id of the organization.")
    url: HttpUrl | None = Field(None, description="Where to give.")


class FollowAction(_ActionBase):
    """Follow accounts that carry the campaign."""

    kind: Literal["follow"] = Field(description="'follow'.")
    accounts: list[SocialAccount] = Field(min_length=1, description="The accounts.")


CallToAction = Annotated[
    WriteAction | SocialPostAction | PetitionAction | AttendAction | DonateAction | FollowAction,
    Discriminator("kind"),
]
"""One thing a campaign asks supporters to do; ``kind`` says which."""


class Update(Model):
    """A dated piece of news about the campaign."""

    date: PartialDate | None = Field(
        None, description="When, as precisely as the source says; left out if it gives no date."
    )
    title: OneLine = Field(description="A headline.")
    body: Markdown | None = Field(None, description="The update, in Markdown.")
    figures: list[Figure] = Field(
        default_factory=list, description="The numbers the update gives (rescues, scholarships)."
    )
    source: Source | None = Field(None, description="Where the update was published.")


class PressItem(Model):
    """An article or report about the campaign's subject."""

    title: OneLine = Field(description="The headline, as published.")
    publisher: OneLine | None = Field(None, description="The newspaper, broadcaster or publisher.")
    url: HttpUrl | None = Field(None, description="The address of the article.")
    date: PartialDate | None = Field(None, description="When it was published.")
    note: Markdown | None = Field(None, description="Why it matters, in the source's words.")


class CampaignStatus(StrEnum):
    """Where a campaign stands."""

    PLANNED = "planned"
    ACTIVE = "active"
    ENDED = "ended"


class Campaign(Model):
    """A campaign with its targets, calls to action, events, updates and press."""

    model_config = ConfigDict(
        title="Campaign",
        json_schema_extra={
            "examples": [
                {
                    "id": "save-north-korean-refugees-day",
                    "title": "Save North Korean Refugees Day",
                    "summary": "A yearly day of action on 24 September.",
                    "recurrence": {"frequency": "yearly", "month": 9, "day": 24},
                    "sources": [{"archived_copy": "seeds/003_1a582ecb52d5e7c0.txt"}],
                }
            ]
        },
    )

    id: EntityId
    title: OneLine = Field(description="The campaign's title.")
    summary: Markdown = Field(
        description="What the campaign is about and asks, in a few sentences."
    )
    organizers: list[OrganizationId] = Field(
        default_factory=list, description="Ids of organizing organizations."
    )
    status: CampaignStatus | None = Field(None, description="planned, active or ended, if known.")
    period: PartialDate | None = Field(
        None,
        description="When the campaign ran, as precisely as the sources say ('2012', "
        "'2012-02'), for one that is history.",
    )
    start: IsoDate | None = Field(None, description="The first day, if known.")
    end: IsoDate | None = Field(None, description="The last day, if known.")
    recurrence: Recurrence | None = Field(
        None, description="For a yearly day of action: the day it recurs."
    )
    targets: Targets | None = Field(None, description="Whom supporters are asked to contact.")
    calls_to_action: list[CallToAction] = Field(
        default_factory=list, description="What supporters are asked to do."
    )
    events: list[Event] = Field(default_factory=list, description="The campaign's events.")
    figures: list[Figure] = Field(
        default_factory=list,
        description="Numbers the campaign's sources give, such as how many missions China has.",
    )
    updates: list[Update] = Field(default_factory=list, description="Dated updates, oldest first.")
    press: list[PressItem] = Field(default_factory=list, description="Press coverage.")
    people_at_risk: list[PersonAtRisk] = Field(
        default_factory=list,
        description="People at risk whom the text names, each with a public source and the "
        "coalition's decision to name them. Leave names out otherwise.",
    )
    letters: list[LetterId] = Field(default_factory=list, description="Ids of the letters it uses.")
    translations: dict[LanguageTag, Translation] = Field(
        default_factory=dict,
        description="Its texts in other languages, by language: who translated them, how, "
        "whether a native speaker reviewed them, and the texts by path ('title', 'summary', "
        "'calls_to_action.0.description', 'events.<event id>.description').",
    )
    sources: Sources
    last_verified: LastVerified = None
