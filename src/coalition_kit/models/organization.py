"""An organization: a coalition member, a signatory, an organizer, or a body that campaigns target."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from coalition_kit.models.addresses import HttpUrl
from coalition_kit.models.base import Model, StrEnum
from coalition_kit.models.contacts import ContactPoint
from coalition_kit.models.formats import CountryCode, EntityId
from coalition_kit.models.refs import LastVerified, OrganizationId
from coalition_kit.models.shared import OtherName, RoleHolder, SocialAccount, Sources
from coalition_kit.models.text import Markdown, OneLine

__all__ = ["Organization", "OrganizationKind"]


class OrganizationKind(StrEnum):
    """What sort of body an organization is."""

    NGO = "ngo"
    COALITION = "coalition"
    GOVERNMENT_BODY = "government-body"
    UN_BODY = "un-body"
    INTERGOVERNMENTAL = "intergovernmental"
    MEDIA = "media"
    RESEARCH = "research"
    FAITH_BASED = "faith-based"
    FOUNDATION = "foundation"
    OTHER = "other"


class Organization(Model):
    """An organization, with what the sources say of it and how to reach it."""

    model_config = ConfigDict(
        title="Organization",
        json_schema_extra={
            "examples": [
                {
                    "id": "liberty-in-north-korea",
                    "name": "Liberty in North Korea",
                    "acronym": "LiNK",
                    "kind": "ngo",
                    "sources": [
                        {
                            "title": "Urgent Letter for Rescuing NK refugees",
                            "published": "2023-10-16",
                            "archived_copy": "seeds/004_cd4537fac1f55b8b.txt",
                        }
                    ],
                }
            ]
        },
    )

    id: EntityId
    name: OneLine = Field(description="The name the organization uses in English.")
    other_names: list[OtherName] = Field(
        default_factory=list,
        description="Names in other languages and scripts, short or former names.",
    )
    acronym: OneLine | None = Field(None, description="The acronym, as the organization writes it.")
    kind: OrganizationKind = Field(description="What sort of body it is.")
    country: CountryCode | None = Field(
        None, description="The country of its seat, ISO 3166-1 alpha-2; leave out if not sourced."
    )
    website: HttpUrl | None = Field(None, description="The organization's own website.")
    description: Markdown | None = Field(None, description="A short description, from the sources.")
    contact_points: list[ContactPoint] = Field(
        default_factory=list, description="E-mail, phone, fax, postal and web-form contacts."
    )
    social_accounts: list[SocialAccount] = Field(
        default_factory=list, description="Its accounts on social platforms."
    )
    member_of: list[OrganizationId] = Field(
        default_factory=list, description="Ids of coalitions (organizations) it belongs to."
    )
    people: list[RoleHolder] = Field(
        default_factory=list, description="People in public roles, as the sources name them."
    )
    sources: Sources
    last_verified: LastVerified = None
