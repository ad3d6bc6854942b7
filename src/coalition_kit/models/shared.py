"""Value types shared by several kinds: sources, addresses, social accounts, names, parties."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from coalition_kit.models.addresses import HttpUrl
from coalition_kit.models.base import Model, StrEnum
from coalition_kit.models.dates import PartialDate
from coalition_kit.models.formats import CountryCode, LanguageTag, StrictBool, StrictInt
from coalition_kit.models.refs import MissionId, OrganizationId, PastDate
from coalition_kit.models.text import Markdown, OneLine
from coalition_kit.problems.codes import Code

__all__ = [
    "Address",
    "Figure",
    "NameKind",
    "OtherName",
    "Party",
    "PersonAtRisk",
    "Platform",
    "RoleHolder",
    "Situation",
    "SocialAccount",
    "Source",
    "Sources",
]


class Source(Model):
    """Where a fact comes from, precisely enough for a reader to find it again."""

    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [{"required": ["url"]}, {"required": ["archived_copy"]}],
            "examples": [
                {
                    "title": "URGENT: North Korean Refugees At Risk of Forced Repatriation",
                    "publisher": "Liberty in North Korea",
                    "published": "2023-11-06",
                    "archived_copy": "seeds/000_1f0b98ed2203e911.txt",
                }
            ],
        }
    )

    title: OneLine | None = Field(None, description="The title of the page or document.")
    publisher: OneLine | None = Field(
        None, description="Who published it: an organization, newspaper or government."
    )
    url: HttpUrl | None = Field(None, description="The address of the page or document.")
    archived_copy: OneLine | None = Field(
        None,
        description="The name of the coalition's stored copy of the document, such as "
        "'seeds/000_1f0b98ed2203e911.txt', for sources without a stable public address.",
    )
    published: PartialDate | None = Field(
        None,
        description="When it was published, as precisely as known (YYYY-MM-DD, YYYY-MM, YYYY).",
    )
    retrieved: PastDate | None = Field(None, description="When the coalition last read it.")
    locator: OneLine | None = Field(
        None, description="Where in the document the fact is: a heading, section or page."
    )
    note: Markdown | None = Field(None, description="Anything a reader of the source should know.")

    @model_validator(mode="after")
    def _findable(self) -> Source:
        if self.url is None and self.archived_copy is None:
            raise PydanticCustomError(
                Code.SOURCE_INCOMPLETE.value,
                "a source needs a 'url' or an 'archived_copy' so that readers can check it",
            )
        return self


Sources = Annotated[
    list[Source],
    Field(min_length=1, description="The sources of the facts in this entry; at least one."),
]


class Address(Model):
    """A postal address, structured so that it can be printed on an envelope in any country."""

    lines: list[OneLine] = Field(
        min_length=1,
        description="The street lines, in order, as written: building, street and number, suite.",
        examples=[["3505 International Place, N.W."]],
    )
    locality: OneLine | None = Field(None, description="The city, town or village.")
    region: OneLine | None = Field(
        None, description="The state, province or prefecture, as written (for example 'DC', 'CA')."
    )
    postal_code: OneLine | None = Field(
        None, description='The postal code as text; quote it in YAML ("02138").'
    )
    country: CountryCode = Field(description="The country, as an ISO 3166-1 alpha-2 code.")


class Platform(StrEnum):
    """A social network or messaging platform."""

    X = "x"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    BLUESKY = "bluesky"
    MASTODON = "mastodon"
    THREADS = "threads"
    YOUTUBE = "youtube"
    TIKTOK = "tiktok"
    LINKEDIN = "linkedin"
    TELEGRAM = "telegram"
    WEIBO = "weibo"
    WECHAT = "wechat"
    KAKAOTALK = "kakaotalk"
    OTHER = "other"


class SocialAccount(Model):
    """An account on a social platform."""

    platform: Platform = Field(description="The platform.")
    handle: OneLine | None = Field(
        None, description="The handle as written, such as '@savemyfriend'."
    )
    url: HttpUrl | None = Field(None, description="The address of the account's page.")
    languages: list[LanguageTag] = Field(
        default_factory=list, description="Languages the account posts in, as BCP 47 tags."
    )
    note: Markdown | None = Field(None, description="Anything else worth knowing.")

    @model_validator(mode="after")
    def _identified(self) -> SocialAccount:
        if self.handle is None and self.url is None:
            raise PydanticCustomError(
                Code.FIELD_MISSING.value, "a social account needs a 'handle' or a 'url'"
            )
        return self


class NameKind(StrEnum):
    """How another name relates to the main name."""

    OFFICIAL = "official"
    TRANSLATION = "translation"
    TRANSLITERATION = "transliteration"
    SHORT = "short"
    FORMER = "former"


class OtherName(Model):
    """A name in another language or script (Korean, Chinese), or a short or former name."""

    name: OneLine = Field(description="The name, in its own script: '북한인권시민연합'.")
    language: LanguageTag = Field(
        description="The BCP 47 tag of the name's language and script: 'ko', 'ko-Latn', 'zh-Hans'."
    )
    kind: NameKind = Field(
        NameKind.OFFICIAL,
        description="official (the body's own name), translation (a source's rendering), "
        "transliteration, short or former.",
    )
    source: Source | None = Field(
        None, description="Where the name is written, if not in the entry's own sources."
    )


class Party(Model):
    """A person or body a letter is addressed to, copied to, or sent by, as the source names them."""

    name: OneLine | None = Field(None, description="The name, as written: 'Joe Biden'.")
    title: OneLine | None = Field(
        None, description="The title or office, as written: 'President of the United States'."
    )
    organization: OrganizationId | None = Field(
        None, description="The id of the organization, if recorded."
    )
    mission: MissionId | None = Field(
        None, description="The id of the diplomatic mission, if recorded."
    )
    as_written: Markdown | None = Field(
        None, description="The whole line as the source wrote it, where it says more."
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Party:
        if not any((self.name, self.title, self.organization, self.mission, self.as_written)):
            raise PydanticCustomError(
                Code.PARTY_EMPTY.value,
                "give at least a name, a title, an organization, a mission or 'as_written'",
            )
        return self


class Figure(Model):
    """A number a source gives: what it counts, as of when, and as the source wrote it."""

    value: StrictInt = Field(ge=0, description="The number, as a plain number: 276.")
    counts: OneLine = Field(
        description="What it counts, in a few words: 'Chinese embassies and consulates'."
    )
    unit: OneLine | None = Field(
        None, description="The unit, for an amount: 'USD'. Left out for a count."
    )
    as_of: PartialDate | None = Field(None, description="When the number was true.")
    as_written: OneLine | None = Field(
        None, description="The number as the source wrote it: '$77,400 in scholarships'."
    )
    source: Source | None = Field(None, description="Where the number is given.")


class RoleHolder(Model):
    """A person who holds a public role in an organization, as a source names them."""

    name: OneLine = Field(description="The person's name, as written.")
    role: OneLine = Field(description="The role, as written: 'CEO', 'chairman', 'President'.")
    since: PartialDate | None = Field(None, description="Since when, if the source says.")
    source: Source | None = Field(None, description="Where the role is stated.")


class Situation(StrEnum):
    """Why a person named in the data is at risk."""

    DETAINED = "detained"
    REPATRIATED = "repatriated"
    IN_HIDING = "in-hiding"
    FAMILY_AT_RISK = "family-at-risk"
    OTHER = "other"


class PersonAtRisk(Model):
    """A person at risk whom the entry names: allowed only with a public source and a decision."""

    name: OneLine = Field(description="The name, as the public source writes it.")
    situation: Situation = Field(
        description="detained, repatriated, in-hiding, family-at-risk or other."
    )
    source: Source = Field(description="The public source that names them; it needs a 'url'.")
    publish_name: StrictBool = Field(
        description="True once the coalition has decided that naming them does not add to "
        "their danger; without it the name must not be in the data."
    )
    note: Markdown | None = Field(None, description="Why the name is published, in a sentence.")
