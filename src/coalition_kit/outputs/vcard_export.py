"""The vCard export: a card per open mission, as an organization, with every way to reach it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coalition_kit.library import Library
from coalition_kit.library.public import public_library
from coalition_kit.library.routes import social_link
from coalition_kit.models import Mission
from coalition_kit.models.mission import RouteKind, country_name
from coalition_kit.support.files import write_atomically

__all__ = ["export_vcard", "to_vcard"]


def to_vcard(library: Library, *, include_closed: bool = False) -> str:
    """Return a vCard 4.0 file (RFC 6350) with one card per mission, as an organization.

    Each card is ``KIND:org`` with the mission's name in FN and ORG (never a person's N), its
    postal address, every e-mail address (the ones letters go to marked preferred), phone and
    fax, website and web forms, accounts (RFC 9554 SOCIALPROFILE) and position. Closed,
    suspended and relocated missions are left out unless ``include_closed``; their card says
    so in NOTE, the only note a card carries.
    """
    import vobject

    library = public_library(library)
    cards = []
    for mission in library.missions.values():
        if not mission.is_open and not include_closed:
            continue
        cards.append(_vcard(vobject, mission).serialize())
    return "".join(cards)


def _vcard(vobject: Any, mission: Mission) -> Any:
    card = vobject.vCard()
    card.add("version").value = "4.0"
    card.add("kind").value = "org"
    card.add("uid").value = f"urn:coalition-kit:mission:{mission.id}"
    card.add("fn").value = mission.display_name
    card.add("org").value = [mission.display_name]
    if mission.address:
        address = mission.address
        adr = card.add("adr")
        adr.value = vobject.vcard.Address(
            street="\n".join(address.lines),
            city=address.locality or "",
            region=address.region or "",
            code=address.postal_code or "",
            country=country_name(address.country),
        )
        adr.params["TYPE"] = ["work"]
    letters = {route.value for route in mission.routes if route.kind is RouteKind.EMAIL}
    for contact in mission.contact_points:
        if contact.kind == "email":
            email = card.add("email")
            email.value = contact.value
            email.params["TYPE"] = ["work"]
            if contact.value in letters:
                email.params["PREF"] = ["1"]
        elif contact.kind in ("phone", "fax"):
            phone = card.add("tel")
            phone.value = f"tel:{contact.value}"
            phone.params["VALUE"] = ["uri"]
            phone.params["TYPE"] = ["fax" if contact.kind == "fax" else "voice", "work"]
        elif contact.kind == "web-form":
            card.add("url").value = contact.url
    if mission.website:
        card.add("url").value = mission.website
    for route in mission.routes:
        if route.kind is RouteKind.SOCIAL and (link := social_link(route)):
            profile = card.add("socialprofile")
            profile.value = link
            profile.params["SERVICE-TYPE"] = [route.label or "other"]
    if mission.coordinates:
        card.add(
            "geo"
        ).value = f"geo:{mission.coordinates.latitude},{mission.coordinates.longitude}"
    if not mission.is_open:
        since = f" since {mission.status.since}" if mission.status.since else ""
        card.add("note").value = f"{mission.status.state.value.capitalize()}{since}."
    return card


def export_vcard(
    library: Library, path: Path, *, overwrite: bool = False, include_closed: bool = False
) -> Path:
    """Write the vCard file of ``library``'s missions to ``path``."""
    data = to_vcard(library, include_closed=include_closed).encode("utf-8")
    return write_atomically(path, data, overwrite=overwrite)
