"""The public view of the data: what the site and the exports may show.

A person's own contact details (``visibility: personal``) may be kept in the data for
verification when the person published them, but the site and the exports never show them.
"""

from __future__ import annotations

from typing import TypeVar

from coalition_kit.library.library import Library
from coalition_kit.models import Campaign, Letter, Mission, Organization
from coalition_kit.models.contacts import Visibility

__all__ = ["public_entity", "public_library"]


E = TypeVar("E", Organization, Letter, Campaign, Mission)


def public_entity(entity: E) -> E:
    """Return ``entity`` without the fields that must not be published."""
    if isinstance(entity, Organization | Mission) and any(
        contact.visibility is not Visibility.INSTITUTIONAL for contact in entity.contact_points
    ):
        kept = [c for c in entity.contact_points if c.visibility is Visibility.INSTITUTIONAL]
        return entity.model_copy(update={"contact_points": kept})
    return entity


def public_library(library: Library) -> Library:
    """Return ``library`` as the site and the exports may show it."""
    return Library(
        organizations=[public_entity(o) for o in library.organizations.values()],
        letters=library.letters.values(),
        campaigns=library.campaigns.values(),
        missions=[public_entity(m) for m in library.missions.values()],
    )
