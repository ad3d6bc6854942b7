"""The reader's question, "I live in COUNTRY: whom do I write to, with what letter?", and its answer."""

from __future__ import annotations

from dataclasses import dataclass, field

from coalition_kit.library.routes import Delivery, deliveries
from coalition_kit.models import Campaign, Letter, Mission
from coalition_kit.models.campaign import Channel
from coalition_kit.models.mission import RouteKind

__all__ = ["WritePlan", "resolve_country"]


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

    def deliveries(self, mission: Mission) -> list[Delivery]:
        """Return every way to deliver the letter to ``mission``, ready to use.

        E-mail links carry the letter's subject; post gives the envelope's address block.
        """
        subject = self.letter.subject if self.letter is not None else None
        return deliveries(mission, subject=subject)

    @property
    def email_addresses(self) -> list[str]:
        """The e-mail addresses to send the letter to, in order, without repeats.

        These are the missions' e-mail routes: an office's own addresses, never a person's, nor
        a counter for visas and passports or an emergency line.
        """
        seen: dict[str, None] = {}
        for mission in self.missions:
            for route in mission.routes:
                if route.kind is RouteKind.EMAIL:
                    seen.setdefault(route.value, None)
        return list(seen)
