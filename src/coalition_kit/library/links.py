"""What a campaign names (its letters, its missions) and the links a library follows both ways."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from coalition_kit.models import Campaign
from coalition_kit.models.campaign import PetitionAction, WriteAction

__all__ = ["Links", "campaign_letter_ids", "campaign_mission_ids"]


@dataclass
class Links:
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
