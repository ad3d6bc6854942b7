"""The vCard export: a card per open mission, with its address, e-mail, phone and fax."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coalition_kit.library import Library
from coalition_kit.library.public import public_library
from coalition_kit.models import Mission
from coalition_kit.models.mission import country_name
from coalition_kit.support.files import write_atomically

__all__ = ["export_vcard", "to_vcard"]


def to_vcard(library: Library, *, include_closed: bool = False) -> str:
    """Return a vCard 3.0 file with one card per mission: name, address, e-mail, phone and fax.

    Closed, suspended and relocated missions are left out unless ``include_closed``.
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
    card.add("uid").value = f"{mission.id}@coalition-kit"
    card.add("fn").value = mission.display_name
    card.add("n").value = vobject.vcard.Name(family=mission.display_name)
    card.add("org").value = [mission.display_name]
    if mission.address:
        address = mission.address
        card.add("adr").value = vobject.vcard.Address(
            street="\n".join(address.lines),
            city=address.locality or "",
            region=address.region or "",
            code=address.postal_code or "",
            country=country_name(address.country),
        )
    for contact in mission.contact_points:
        if contact.kind == "email":
            email = card.add("email")
            email.value = contact.value
            email.type_param = "INTERNET"
        elif contact.kind in ("phone", "fax"):
            phone = card.add("tel")
            phone.value = contact.value
            phone.type_param = "FAX" if contact.kind == "fax" else "VOICE"
        elif contact.kind == "web-form":
            card.add("url").value = contact.url
    notes = (
        []
        if mission.is_open
        else [f"Status: {mission.status.state.value} since {mission.status.since}"]
    )
    notes += [f"Needs {need.field}" for need in mission.needs]
    if notes:
        card.add("note").value = "; ".join(notes)
    return card


def export_vcard(
    library: Library, path: Path, *, overwrite: bool = False, include_closed: bool = False
) -> Path:
    """Write the vCard file of ``library``'s missions to ``path``."""
    data = to_vcard(library, include_closed=include_closed).encode("utf-8")
    return write_atomically(path, data, overwrite=overwrite)
