"""A diplomatic mission (embassy, consulate, mission to the UN) as a target supporters write to."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ConfigDict, Field

from coalition_kit.models.addresses import HttpUrl
from coalition_kit.models.base import Model, StrEnum
from coalition_kit.models.contacts import NOT_FOR_LETTERS, ContactPoint, Purpose
from coalition_kit.models.dates import PartialDate
from coalition_kit.models.formats import CountryCode, EntityId, SubdivisionCode, WikidataId
from coalition_kit.models.provenance import ImportRecord, Search
from coalition_kit.models.refs import LastVerified, MissionId
from coalition_kit.models.shared import Address, OtherName, SocialAccount, Source, Sources
from coalition_kit.models.text import Markdown, OneLine

__all__ = [
    "Coordinates",
    "Mission",
    "MissionKind",
    "MissionState",
    "MissionStatus",
    "Need",
    "Route",
    "RouteKind",
    "country_name",
]


class MissionKind(StrEnum):
    """The rank or kind of a diplomatic or consular post."""

    EMBASSY = "embassy"
    CONSULATE_GENERAL = "consulate-general"
    CONSULATE = "consulate"
    PERMANENT_MISSION = "permanent-mission"
    REPRESENTATIVE_OFFICE = "representative-office"
    OTHER = "other"


class MissionState(StrEnum):
    """Whether a mission is working, and if not, what happened to it."""

    OPEN = "open"
    CLOSED = "closed"
    SUSPENDED = "suspended"
    RELOCATED = "relocated"


class MissionStatus(Model):
    """A mission's lifecycle status, with when it took effect and the source for the change."""

    model_config = ConfigDict(
        json_schema_extra={
            "if": {
                "properties": {"state": {"enum": ["closed", "suspended", "relocated"]}},
                "required": ["state"],
            },
            "then": {"required": ["since"]},
        }
    )

    state: MissionState = Field(
        MissionState.OPEN, description="open, closed, suspended or relocated."
    )
    since: PartialDate | None = Field(
        None, description="When the state took effect; required unless the mission is open."
    )
    successor: MissionId | None = Field(
        None, description="The id of the mission that took over, for a closed or relocated one."
    )
    source: Source | None = Field(None, description="The source for the change of state.")
    note: Markdown | None = Field(None, description="What happened, in a sentence or two.")


class Need(Model):
    """A piece of information the entry lacks, for volunteers to find."""

    field: OneLine = Field(description="What is missing, as a field name: 'email', 'address'.")
    note: Markdown | None = Field(None, description="Why it is missing and where to look.")


class Coordinates(Model):
    """Where a building is, in decimal degrees (WGS 84)."""

    latitude: float = Field(ge=-90, le=90, description="Degrees north (negative: south).")
    longitude: float = Field(ge=-180, le=180, description="Degrees east (negative: west).")


class RouteKind(StrEnum):
    """A way to deliver a letter to a mission."""

    EMAIL = "email"
    FAX = "fax"
    POST = "post"
    WEB = "web"
    SOCIAL = "social"


@dataclass(frozen=True)
class Route:
    """One way to deliver a letter to a mission, from its data: never made up.

    Attributes:
        kind: e-mail, fax, post, web (a contact form or the website) or social.
        value: The address, number, web address or handle; for post, the mission's id.
        label: What the source calls it ('consular section'), if it says.
    """

    kind: RouteKind
    value: str
    label: str | None = None


class Mission(Model):
    """A diplomatic mission of a sending state in a host country, with its contacts."""

    model_config = ConfigDict(
        title="Mission",
        json_schema_extra={
            "examples": [
                {
                    "id": "cn-embassy-ca",
                    "sending_state": "CN",
                    "host_country": "CA",
                    "kind": "embassy",
                    "needs": [{"field": "email", "note": "The 2023 list hid its address."}],
                    "sources": [
                        {
                            "title": "URGENT: North Korean Refugees At Risk of Forced Repatriation",
                            "publisher": "Liberty in North Korea",
                            "published": "2023-11-06",
                            "archived_copy": "seeds/000_1f0b98ed2203e911.txt",
                        }
                    ],
                }
            ]
        },
    )

    id: EntityId
    name: OneLine | None = Field(None, description="The mission's name as the source writes it.")
    sending_state: CountryCode = Field(description="The state the mission represents: 'CN'.")
    host_country: CountryCode = Field(
        description="The country the mission is in; for a mission to the UN, the country of the "
        "UN office (US for New York, CH for Geneva)."
    )
    kind: MissionKind = Field(description="embassy, consulate-general, consulate, ...")
    accredited_to: OneLine | None = Field(
        None,
        description="For a permanent mission: the organization it is accredited to, "
        "as written ('the United Nations in Geneva').",
    )
    other_names: list[OtherName] = Field(
        default_factory=list,
        description="Its name in other languages, such as the official Chinese name, with the "
        "source that writes it.",
    )
    city: OneLine | None = Field(None, description="The city the mission is in.")
    address: Address | None = Field(None, description="The postal address of the mission.")
    website: HttpUrl | None = Field(None, description="The mission's own website.")
    coordinates: Coordinates | None = Field(None, description="Where the building is.")
    serves: list[CountryCode] = Field(
        default_factory=list,
        description="The countries the mission serves, where it serves more than its host "
        "country (an embassy accredited to neighbouring countries).",
    )
    consular_district: list[SubdivisionCode] = Field(
        default_factory=list,
        description="For a consulate: the regions of its host country it serves, as ISO 3166-2 "
        "codes ('US-IL'); empty when the sources do not say.",
    )
    contact_points: list[ContactPoint] = Field(
        default_factory=list, description="E-mail, phone, fax, postal and web-form contacts."
    )
    social_accounts: list[SocialAccount] = Field(
        default_factory=list, description="The mission's accounts on social platforms."
    )
    status: MissionStatus = Field(
        default_factory=MissionStatus, description="Open, or closed/suspended/relocated since when."
    )
    needs: list[Need] = Field(
        default_factory=list,
        description="Information this entry lacks, such as an e-mail address the source hid.",
    )
    wikidata: WikidataId | None = Field(None, description="The Wikidata item of the mission.")
    imported: ImportRecord | None = Field(
        None, description="The import that filled some fields, and which fields they are."
    )
    searches: list[Search] = Field(
        default_factory=list,
        description="Searches for missing values (an e-mail, an address) that found none.",
    )
    sources: Sources
    last_verified: LastVerified = None

    @property
    def routes(self) -> list[Route]:
        """Every way to deliver a letter the data gives, in the order supporters prefer."""
        found: list[Route] = []
        # Within a kind, the office as a whole first, then the press office, then the rest.
        contacts = sorted(
            self.contact_points,
            key=lambda contact: _PURPOSE_ORDER.get(contact.purpose, len(_PURPOSE_ORDER)),
        )
        for contact in contacts:
            if contact.visibility.value != "institutional" or contact.purpose in NOT_FOR_LETTERS:
                continue
            if contact.kind == "email":
                found.append(Route(RouteKind.EMAIL, contact.value, contact.label))
            elif contact.kind == "fax":
                found.append(Route(RouteKind.FAX, contact.value, contact.label))
            elif contact.kind == "web-form":
                found.append(Route(RouteKind.WEB, contact.url, contact.label or "contact form"))
        if self.address is not None or any(c.kind == "postal" for c in self.contact_points):
            found.append(Route(RouteKind.POST, self.id))
        if self.website is not None:
            found.append(Route(RouteKind.WEB, self.website, "website"))
        for account in self.social_accounts:
            handle = account.handle or account.url
            if handle:
                found.append(Route(RouteKind.SOCIAL, handle, account.platform.value))
        order = list(RouteKind)
        return sorted(found, key=lambda route: order.index(route.kind))

    @property
    def is_open(self) -> bool:
        """True when the mission's state is open."""
        return self.status.state is MissionState.OPEN

    @property
    def needs_email(self) -> bool:
        """True for an open mission with no e-mail on file, or whose e-mail is marked as wanted."""
        return self.is_open and (
            not any(contact.kind == "email" for contact in self.contact_points)
            or any(need.field == "email" for need in self.needs)
        )

    @property
    def display_name(self) -> str:
        """The name as the source writes it, or one made from the kind, state and place."""
        if self.name:
            return self.name
        place = self.city or country_name(self.host_country)
        kind = _KIND_NAMES[self.kind]
        return f"{kind} of {country_name(self.sending_state)} in {place}"


_PURPOSE_ORDER = {Purpose.GENERAL: 0, Purpose.PRESS: 1, None: 2, Purpose.CONSULAR: 3}

_KIND_NAMES = {
    MissionKind.EMBASSY: "Embassy",
    MissionKind.CONSULATE_GENERAL: "Consulate-General",
    MissionKind.CONSULATE: "Consulate",
    MissionKind.PERMANENT_MISSION: "Permanent Mission",
    MissionKind.REPRESENTATIVE_OFFICE: "Representative Office",
    MissionKind.OTHER: "Mission",
}


def country_name(code: str) -> str:
    """Return the common English name of an ISO 3166-1 alpha-2 country code: 'South Korea'."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)
