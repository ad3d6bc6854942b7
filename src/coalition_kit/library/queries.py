"""The library's queries: filters, the campaigns running on a day, and the reader's question.

A mixin of ``Library``: it reads the library's entity maps, and answers "where do I write?"
(``where_to_write``) from indexes of the missions by place, built once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cached_property

from coalition_kit.library.dates import next_occurrence
from coalition_kit.library.links import campaign_letter_ids
from coalition_kit.library.maps import EntityMap
from coalition_kit.library.writing import WritePlan, resolve_country
from coalition_kit.models import Campaign, Letter, Mission, Organization
from coalition_kit.models.campaign import CampaignStatus, WriteAction
from coalition_kit.models.mission import MissionKind
from coalition_kit.support.arguments import require

__all__ = ["Queries"]


class Queries:
    """Filters and the reader's question, over a library's entity maps."""

    organizations: EntityMap[Organization]
    letters: EntityMap[Letter]
    campaigns: EntityMap[Campaign]
    missions: EntityMap[Mission]
    letters_signed_by: Callable[[str], list[Letter]]

    @cached_property
    def _missions_by_place(self) -> dict[tuple[str, str], list[Mission]]:
        """The missions by (sending state, host country), in id order."""
        places: dict[tuple[str, str], list[Mission]] = defaultdict(list)
        for mission in self.missions.values():
            places[(mission.sending_state, mission.host_country)].append(mission)
        return places

    @cached_property
    def _missions_serving(self) -> dict[tuple[str, str], list[Mission]]:
        """The open missions by (sending state, country they serve from abroad), in id order."""
        serving: dict[tuple[str, str], list[Mission]] = defaultdict(list)
        for mission in self.missions.values():
            if mission.is_open:
                for country in mission.serves:
                    if country != mission.host_country:
                        serving[(mission.sending_state, country)].append(mission)
        return serving

    def countries_reached(self, state: str) -> list[str]:
        """The countries whose readers may find a mission of ``state``, sorted by code.

        A country counts if a mission of ``state`` is there or an open one serves it from
        abroad; ``where_to_write`` answers each of them (with no local mission for a country
        whose only missions are closed).
        """
        require(state, str, "countries_reached(): state", "a country code (text)")
        return list(self._countries_reached.get(state, []))

    @cached_property
    def _countries_reached(self) -> dict[str, list[str]]:
        reached: dict[str, set[str]] = defaultdict(set)
        for sender, country in [*self._missions_by_place, *self._missions_serving]:
            reached[sender].add(country)
        return {sender: sorted(countries) for sender, countries in reached.items()}

    def _local_missions(self, state: str, country: str) -> list[Mission]:
        """The open missions of ``state`` for readers in ``country``: there, or serving it."""
        there = [
            mission
            for mission in self._missions_by_place.get((state, country), [])
            if mission.is_open and mission.kind is not MissionKind.PERMANENT_MISSION
        ]
        return there or list(self._missions_serving.get((state, country), []))

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
        self,
        campaign_id: str,
        country: str | None,
        *,
        region: str | None = None,
        language: str | None = None,
    ) -> WritePlan:
        """Answer "I live in ``country``: which missions do I write to, with which letter?".

        The answer is the open missions of the campaign's target state in the reader's country
        (the consulate whose district holds ``region`` first, then the embassy), or, where it has
        none, the missions that serve it from abroad; then the open missions every reader is
        asked to write to, such as the missions to the UN; and the campaign's letter (in
        ``language`` if it has it). With ``country`` None, the answer holds only what every
        reader shares.

        Args:
            campaign_id: The campaign's id.
            country: The reader's country, as a code or an English name, or None.
            region: The reader's state, province or prefecture, as an ISO 3166-2 code ('US-IL')
                or its part after the hyphen ('IL').
            language: The language the reader wants the letter in.

        Raises:
            UnknownIdError: No campaign has ``campaign_id``.
            ValueError: ``country`` is neither a country code nor a country name.
        """
        require(campaign_id, str, "where_to_write(): campaign_id", "a campaign id (text)")
        require(
            country, (str, type(None)), "where_to_write(): country", "a country code, name or None"
        )
        require(language, (str, type(None)), "where_to_write(): language", "a language tag or None")
        require(region, (str, type(None)), "where_to_write(): region", "a region code or None")
        campaign = self.campaigns[campaign_id]
        code = resolve_country(country) if country is not None else None
        state = campaign.targets.sending_state if campaign.targets else None
        local: list[Mission] = []
        if state and code:
            local = self._local_missions(state, code)
            district = f"{code}-{region.upper().split('-')[-1]}" if region else None

            def order(mission: Mission) -> tuple[bool, bool, str, str]:
                serves_region = district is not None and district in mission.consular_district
                embassy = mission.kind is MissionKind.EMBASSY
                return (not serves_region, not embassy, mission.city or "", mission.id)

            local.sort(key=order)
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
