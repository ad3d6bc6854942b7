"""The validated library: every entity by kind and id, the links between them, and queries.

``load()`` returns a ``Library``. Lookups of unknown ids raise ``UnknownIdError`` with the closest
ids; the links a file states one way (a letter's signatories) can be followed both ways
(an organization's letters).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property

from coalition_kit.library.links import Links, campaign_letter_ids, campaign_mission_ids
from coalition_kit.library.maps import EntityMap
from coalition_kit.library.queries import Queries
from coalition_kit.models import KINDS, AnyEntity, Campaign, Letter, Mission, Organization
from coalition_kit.models.event import Event

__all__ = ["Library"]

KIND_NAMES = tuple(kind.folder for kind in KINDS)


class Library(Queries, Mapping[str, Mapping[str, AnyEntity]]):
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
    def _links(self) -> Links:
        links = Links()
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
