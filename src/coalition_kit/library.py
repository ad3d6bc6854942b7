"""The validated library: every entity by kind and id, the links between them, and queries.

``load()`` returns a ``Library``. Lookups of unknown ids raise ``UnknownIdError`` with the closest
ids; the links a file states one way (a letter's signatories) can be followed both ways
(an organization's letters).
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

from coalition_kit.arguments import require, require_path
from coalition_kit.calendar_dates import next_occurrence
from coalition_kit.models import AnyEntity, Campaign, Letter, Mission, Organization
from coalition_kit.models.campaign import (
    CampaignStatus,
    Channel,
    Event,
    PetitionAction,
    WriteAction,
)
from coalition_kit.models.mission import MissionKind
from coalition_kit.suggest import did_you_mean, hint

__all__ = [
    "EntityMap",
    "Library",
    "UnknownIdError",
    "WritePlan",
    "campaign_letter_ids",
    "campaign_mission_ids",
    "default_data_path",
    "load",
    "resolve_country",
]

E = TypeVar("E", Organization, Letter, Campaign, Mission)
KIND_NAMES = ("organizations", "letters", "campaigns", "missions")


def default_data_path() -> Path:
    """Return the data shipped with the package, or the repository's ``data/`` in a checkout."""
    packaged = Path(__file__).parent / "_data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


class UnknownIdError(KeyError):
    """No entity of a kind has the id asked for; the message names the closest ids."""

    def __init__(self, kind: str, entity_id: str, known: Iterable[str]) -> None:
        """Record the kind, the id and the close matches among ``known``."""
        self.kind = kind
        self.entity_id = entity_id
        self.close_matches = did_you_mean(entity_id, known, n=3)
        super().__init__(entity_id)

    def __str__(self) -> str:
        """Say what is missing and what might have been meant."""
        return f"no {self.kind} has the id '{self.entity_id}'{hint(self.close_matches)}"


class EntityMap(Mapping[str, E], Generic[E]):
    """A read-only mapping from id to entity, sorted by id, with helpful errors for unknown ids.

    An entity map built by ``lazy`` holds each entity as plain JSON values and builds its model
    on first access, so that loading a large prebuilt library costs little more than reading it.
    """

    def __init__(self, kind: str, entities: Iterable[E]) -> None:
        """Index ``entities`` of ``kind`` (singular, for messages) by id."""
        self.kind = kind
        self._by_id: dict[str, E] = {
            entity.id: entity for entity in sorted(entities, key=lambda e: e.id)
        }
        self._raw: dict[str, dict[str, Any]] = {}
        self._model: type[E] | None = None
        self._order: list[str] = list(self._by_id)

    @classmethod
    def lazy(cls, kind: str, model: type[E], raw: Iterable[dict[str, Any]]) -> EntityMap[E]:
        """Return a map of ``kind`` whose entities are built from ``raw`` values on first access."""
        mapping: EntityMap[E] = cls(kind, ())
        mapping._raw = {entity["id"]: entity for entity in raw}
        mapping._model = model
        mapping._order = sorted(mapping._raw)
        return mapping

    def __getitem__(self, entity_id: str) -> E:
        """Return the entity with ``entity_id``; raise ``UnknownIdError`` if there is none."""
        require(entity_id, str, f"the {self.kind}s' lookup", f"an id of a {self.kind} (text)")
        try:
            return self._by_id[entity_id]
        except KeyError:
            pass
        if entity_id in self._raw and self._model is not None:
            entity = self._model.model_validate(self._raw.pop(entity_id))
            self._by_id[entity_id] = entity
            return entity
        raise UnknownIdError(self.kind, entity_id, [*self._by_id, *self._raw])

    def __iter__(self) -> Iterator[str]:
        """Iterate over the ids in order."""
        return iter(self._order)

    def __contains__(self, entity_id: object) -> bool:
        """Return True when an entity has ``entity_id``, without building it."""
        return entity_id in self._by_id or entity_id in self._raw

    def __len__(self) -> int:
        """Return the number of entities."""
        return len(self._by_id) + len(self._raw)

    def __repr__(self) -> str:
        """Show the kind and the number of entities."""
        return f"<{len(self)} {self.kind}s>"


def resolve_country(country: str) -> str:
    """Return the ISO 3166-1 alpha-2 code for a code or an English name ('CA', 'Canada').

    Raises:
        ValueError: When no country has that code or name.
    """
    import pycountry

    if len(country) == 2 and pycountry.countries.get(alpha_2=country.upper()):
        return country.upper()
    try:
        return str(pycountry.countries.lookup(country).alpha_2)
    except LookupError:
        raise ValueError(
            f"'{country}' is not a country code or name; use an ISO 3166-1 code such as 'CA'"
        ) from None


@dataclass(frozen=True)
class WritePlan:
    """The answer to "I live in COUNTRY: whom do I write to for this campaign, with what letter?".

    Attributes:
        campaign: The campaign.
        country: The reader's country (ISO 3166-1 alpha-2), or None when not given.
        local_missions: The open missions of the campaign's target state in the reader's country.
        shared_missions: The open missions every reader is asked to write to (missions to the UN).
        letter: The letter to send, if the campaign has one.
        channels: How to send it: e-mail, fax, post.
    """

    campaign: Campaign
    country: str | None
    local_missions: list[Mission]
    shared_missions: list[Mission]
    letter: Letter | None
    channels: list[Channel] = field(default_factory=list)

    @property
    def missions(self) -> list[Mission]:
        """The missions to write to: the local ones first, then the shared ones."""
        return self.local_missions + self.shared_missions

    @property
    def email_addresses(self) -> list[str]:
        """The e-mail addresses of the missions, in order, without repeats."""
        seen: dict[str, None] = {}
        for mission in self.missions:
            for contact in mission.contact_points:
                if contact.kind == "email" and contact.visibility.value == "institutional":
                    seen.setdefault(contact.value, None)
        return list(seen)


@dataclass
class _Links:
    """The reverse links of a library, built once on first use."""

    letters_by_signatory: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    campaigns_by_organization: dict[str, list[str]] = field(
        default_factory=lambda: defaultdict(list)
    )
    campaigns_by_letter: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    campaigns_by_mission: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    members_by_coalition: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    letters_by_enclosure: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def campaign_letter_ids(campaign: Campaign) -> list[str]:
    """Return the ids of the letters a campaign uses, in order, without repeats."""
    ids = list(campaign.letters)
    for action in campaign.calls_to_action:
        if isinstance(action, WriteAction | PetitionAction) and action.letter:
            ids.append(action.letter)
    return list(dict.fromkeys(ids))


def campaign_mission_ids(campaign: Campaign) -> list[str]:
    """Return the ids of the missions a campaign names: targets, write-to lists and venues."""
    ids = list(campaign.targets.missions) if campaign.targets else []
    for action in campaign.calls_to_action:
        if isinstance(action, WriteAction):
            ids.extend(action.missions)
    ids.extend(
        event.venue.mission for event in campaign.events if event.venue and event.venue.mission
    )
    return list(dict.fromkeys(ids))


class Library(Mapping[str, Mapping[str, AnyEntity]]):
    """Every organization, letter, campaign and mission, with lookups, reverse links and queries.

    A ``Library`` is also a mapping from kind name (``"organizations"``, ``"letters"``,
    ``"campaigns"``, ``"missions"``) to the entities of that kind by id.
    """

    def __init__(
        self,
        organizations: Iterable[Organization] = (),
        letters: Iterable[Letter] = (),
        campaigns: Iterable[Campaign] = (),
        missions: Iterable[Mission] = (),
    ) -> None:
        """Build a library from validated models."""
        self.organizations: EntityMap[Organization] = EntityMap("organization", organizations)
        self.letters: EntityMap[Letter] = EntityMap("letter", letters)
        self.campaigns: EntityMap[Campaign] = EntityMap("campaign", campaigns)
        self.missions: EntityMap[Mission] = EntityMap("mission", missions)

    @classmethod
    def from_maps(
        cls,
        organizations: EntityMap[Organization],
        letters: EntityMap[Letter],
        campaigns: EntityMap[Campaign],
        missions: EntityMap[Mission],
    ) -> Library:
        """Build a library from ready entity maps (for instance lazy ones)."""
        library = cls()
        library.organizations, library.letters = organizations, letters
        library.campaigns, library.missions = campaigns, missions
        return library

    def __getitem__(self, kind: str) -> Mapping[str, AnyEntity]:
        """Return the entities of ``kind`` (a folder name such as ``"missions"``) by id."""
        if kind not in KIND_NAMES:
            raise KeyError(f"no kind {kind!r}; the kinds are {', '.join(KIND_NAMES)}")
        mapping: Mapping[str, AnyEntity] = getattr(self, kind)
        return mapping

    def __iter__(self) -> Iterator[str]:
        """Iterate over the kind names."""
        return iter(KIND_NAMES)

    def __len__(self) -> int:
        """Return the number of kinds."""
        return len(KIND_NAMES)

    def __repr__(self) -> str:
        """Summarise the library by counts."""
        counts = ", ".join(f"{len(self[kind])} {kind}" for kind in KIND_NAMES)
        return f"<Library {counts}>"

    # Lookups by id.

    def organization(self, organization_id: str) -> Organization:
        """Return the organization with ``organization_id`` (``UnknownIdError`` if none)."""
        return self.organizations[organization_id]

    def letter(self, letter_id: str) -> Letter:
        """Return the letter with ``letter_id`` (``UnknownIdError`` if none)."""
        return self.letters[letter_id]

    def campaign(self, campaign_id: str) -> Campaign:
        """Return the campaign with ``campaign_id`` (``UnknownIdError`` if none)."""
        return self.campaigns[campaign_id]

    def mission(self, mission_id: str) -> Mission:
        """Return the mission with ``mission_id`` (``UnknownIdError`` if none)."""
        return self.missions[mission_id]

    # Reverse links.

    @cached_property
    def _links(self) -> _Links:
        links = _Links()
        for organization in self.organizations.values():
            for coalition in dict.fromkeys(organization.member_of):
                links.members_by_coalition[coalition].append(organization.id)
        for letter in self.letters.values():
            for signatory in letter.signatories:
                if signatory.organization:
                    links.letters_by_signatory[signatory.organization].append(letter.id)
            enclosed = {enclosure.letter for enclosure in letter.enclosures if enclosure.letter}
            for enclosed_id in sorted(enclosed):
                links.letters_by_enclosure[enclosed_id].append(letter.id)
        for campaign in self.campaigns.values():
            organizers = list(campaign.organizers)
            organizers += [org for event in campaign.events for org in event.organizers]
            for organization_id in dict.fromkeys(organizers):
                links.campaigns_by_organization[organization_id].append(campaign.id)
            for letter_id in campaign_letter_ids(campaign):
                links.campaigns_by_letter[letter_id].append(campaign.id)
            for mission_id in self._campaign_missions(campaign):
                links.campaigns_by_mission[mission_id].append(campaign.id)
        return links

    @cached_property
    def _missions_by_place(self) -> dict[tuple[str, str], list[Mission]]:
        """The missions by (sending state, host country), in id order."""
        places: dict[tuple[str, str], list[Mission]] = defaultdict(list)
        for mission in self.missions.values():
            places[(mission.sending_state, mission.host_country)].append(mission)
        return places

    @cached_property
    def _open_missions_by_state(self) -> dict[str, list[str]]:
        """The ids of the open missions of each sending state, in id order."""
        by_state: dict[str, list[str]] = defaultdict(list)
        for mission in self.missions.values():
            if mission.is_open:
                by_state[mission.sending_state].append(mission.id)
        return by_state

    def _campaign_missions(self, campaign: Campaign) -> list[str]:
        ids = campaign_mission_ids(campaign)
        if campaign.targets and campaign.targets.sending_state:
            ids += self._open_missions_by_state.get(campaign.targets.sending_state, [])
        return [mission_id for mission_id in dict.fromkeys(ids) if mission_id in self.missions]

    def members_of(self, organization_id: str) -> list[Organization]:
        """Return the organizations that list ``organization_id`` under ``member_of``."""
        self.organizations[organization_id]
        ids = self._links.members_by_coalition.get(organization_id, [])
        return [self.organizations[i] for i in ids]

    def letters_enclosing(self, letter_id: str) -> list[Letter]:
        """Return the letters that enclose the letter ``letter_id``."""
        self.letters[letter_id]
        return [self.letters[i] for i in self._links.letters_by_enclosure.get(letter_id, [])]

    def letters_signed_by(self, organization_id: str) -> list[Letter]:
        """Return the letters ``organization_id`` signed, in id order."""
        self.organizations[organization_id]
        return [self.letters[i] for i in self._links.letters_by_signatory.get(organization_id, [])]

    def campaigns_of(self, organization_id: str) -> list[Campaign]:
        """Return the campaigns ``organization_id`` organizes, or runs an event of."""
        self.organizations[organization_id]
        ids = self._links.campaigns_by_organization.get(organization_id, [])
        return [self.campaigns[i] for i in ids]

    def campaigns_using(self, letter_id: str) -> list[Campaign]:
        """Return the campaigns that use the letter ``letter_id``."""
        self.letters[letter_id]
        return [self.campaigns[i] for i in self._links.campaigns_by_letter.get(letter_id, [])]

    def campaigns_targeting(self, mission_id: str) -> list[Campaign]:
        """Return the campaigns that ask supporters to contact ``mission_id``, or meet at it.

        A campaign that targets a state's missions where the reader lives targets every open
        mission of that state.
        """
        self.missions[mission_id]
        return [self.campaigns[i] for i in self._links.campaigns_by_mission.get(mission_id, [])]

    def campaign_letters(self, campaign_id: str) -> list[Letter]:
        """Return the letters a campaign uses, in the order it names them."""
        campaign = self.campaigns[campaign_id]
        return [self.letters[i] for i in campaign_letter_ids(campaign) if i in self.letters]

    def campaign_events(self, campaign_id: str) -> list[Event]:
        """Return a campaign's events, as listed."""
        return list(self.campaigns[campaign_id].events)

    def campaign_targets(self, campaign_id: str) -> list[Mission | Organization]:
        """Return the missions and organizations a campaign names as targets."""
        campaign = self.campaigns[campaign_id]
        missions: list[Mission | Organization] = [
            self.missions[i] for i in campaign_mission_ids(campaign) if i in self.missions
        ]
        organizations = campaign.targets.organizations if campaign.targets else []
        return missions + [self.organizations[i] for i in organizations if i in self.organizations]

    # Filters.

    def find_missions(
        self,
        *,
        sending_state: str | None = None,
        host_country: str | None = None,
        kind: MissionKind | str | None = None,
        is_open: bool | None = None,
    ) -> list[Mission]:
        """Return the missions that match every criterion given, in id order."""
        for name, value in (("sending_state", sending_state), ("host_country", host_country)):
            require(value, (str, type(None)), f"find_missions(): {name}", "a country code or None")
        require(is_open, (bool, type(None)), "find_missions(): is_open", "True, False or None")
        wanted_kind = MissionKind(kind) if kind is not None else None
        sending = resolve_country(sending_state) if sending_state else None
        host = resolve_country(host_country) if host_country else None
        candidates: Iterable[Mission] = self.missions.values()
        if sending is not None and host is not None:
            candidates = self._missions_by_place.get((sending, host), [])
        return [
            mission
            for mission in candidates
            if (sending is None or mission.sending_state == sending)
            and (host is None or mission.host_country == host)
            and (wanted_kind is None or mission.kind is wanted_kind)
            and (is_open is None or mission.is_open is is_open)
        ]

    def find_letters(
        self, *, signatory: str | None = None, language: str | None = None
    ) -> list[Letter]:
        """Return the letters signed by ``signatory`` and available in ``language``, in id order."""
        require(signatory, (str, type(None)), "find_letters(): signatory", "an organization id")
        require(language, (str, type(None)), "find_letters(): language", "a language tag")
        letters = self.letters_signed_by(signatory) if signatory else list(self.letters.values())
        return [letter for letter in letters if language is None or language in letter.body]

    def active_campaigns(self, on: dt.date | None = None) -> list[Campaign]:
        """Return the campaigns running on ``on`` (today by default).

        A campaign runs between its start and end when it has them, and is never running once
        its status is ended.
        """
        require(on, (dt.date, type(None)), "active_campaigns(): on", "a date or None")
        day = on or dt.date.today()
        return [
            campaign
            for campaign in self.campaigns.values()
            if campaign.status is not CampaignStatus.ENDED
            and (campaign.start is None or campaign.start <= day)
            and (campaign.end is None or day <= campaign.end)
        ]

    def next_day_of(self, campaign_id: str, after: dt.date | None = None) -> dt.date | None:
        """Return the next date of a campaign's recurring day, on or after ``after`` (today).

        Returns None for a campaign that does not recur.
        """
        require(after, (dt.date, type(None)), "next_day_of(): after", "a date or None")
        recurrence = self.campaigns[campaign_id].recurrence
        if recurrence is None:
            return None
        return next_occurrence(recurrence, after or dt.date.today())

    # The reader's question.

    def where_to_write(
        self, campaign_id: str, country: str | None, *, language: str | None = None
    ) -> WritePlan:
        """Answer "I live in ``country``: which missions do I write to, with which letter?".

        The answer is the open missions of the campaign's target state in the reader's country
        (embassy first), then the open missions every reader is asked to write to, such as the
        missions to the UN, and the campaign's letter (in ``language`` if it has it). With
        ``country`` None, the answer holds only what every reader shares.

        Raises:
            UnknownIdError: No campaign has ``campaign_id``.
            ValueError: ``country`` is neither a country code nor a country name.
        """
        require(campaign_id, str, "where_to_write(): campaign_id", "a campaign id (text)")
        require(
            country, (str, type(None)), "where_to_write(): country", "a country code, name or None"
        )
        require(language, (str, type(None)), "where_to_write(): language", "a language tag or None")
        campaign = self.campaigns[campaign_id]
        code = resolve_country(country) if country is not None else None
        state = campaign.targets.sending_state if campaign.targets else None
        local = []
        if state and code:
            local = [
                mission
                for mission in self.find_missions(
                    sending_state=state, host_country=code, is_open=True
                )
                if mission.kind is not MissionKind.PERMANENT_MISSION
            ]
            local.sort(key=lambda m: (m.kind is not MissionKind.EMBASSY, m.city or "", m.id))
        shared_ids = campaign.targets.missions if campaign.targets else []
        local_ids = {mission.id for mission in local}
        shared = [
            self.missions[i]
            for i in shared_ids
            if i in self.missions and self.missions[i].is_open and i not in local_ids
        ]
        write = next((a for a in campaign.calls_to_action if isinstance(a, WriteAction)), None)
        letter_ids = [write.letter] if write and write.letter else campaign_letter_ids(campaign)
        letters = [self.letters[i] for i in letter_ids if i in self.letters]
        if language:
            letters = [letter for letter in letters if language in letter.body] or letters
        return WritePlan(
            campaign=campaign,
            country=code,
            local_missions=local,
            shared_missions=shared,
            letter=letters[0] if letters else None,
            channels=list(write.channels) if write else [],
        )


def load(path: str | os.PathLike[str] | None = None) -> Library:
    """Load the library: the bundled data by default, or the data tree at ``path``.

    The installed package carries a prebuilt form of its data, checked when the package was
    built, so loading it parses no YAML. A ``path`` is validated in full.

    Raises:
        DataValidationError: When the data at ``path`` has problems; it carries every one.
    """
    if path is not None:
        require_path(path, "load(): path")
    if path is None:
        from coalition_kit.bundle import bundled_library

        prebuilt = bundled_library()
        if prebuilt is not None:
            return prebuilt
        path = default_data_path()
    from coalition_kit.validation import validate_tree

    validation = validate_tree(path)
    validation.report.raise_for_problems()
    return library_from_models(validation.dataset.models())


def library_from_models(models: Iterable[AnyEntity]) -> Library:
    """Sort validated models into a ``Library`` by their kind."""
    entities = list(models)
    return Library(
        organizations=[m for m in entities if isinstance(m, Organization)],
        letters=[m for m in entities if isinstance(m, Letter)],
        campaigns=[m for m in entities if isinstance(m, Campaign)],
        missions=[m for m in entities if isinstance(m, Mission)],
    )
