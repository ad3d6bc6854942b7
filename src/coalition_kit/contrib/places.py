"""Places as the data set labels them: countries (to ISO codes), cities (to id parts)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["city_key", "city_name", "country_code", "slug"]

# Labels Wikidata gives countries that ISO (and pycountry) spell otherwise.
_COUNTRY_ALIASES = {
    "cape verde": "CV",
    "palestine": "PS",
    "state of palestine": "PS",
    "republic of ireland": "IE",
    "russia": "RU",
    "são tomé and príncipe": "ST",
    "turkey": "TR",
    "taiwan": "TW",
    "united states of america": "US",
    "people's republic of china": "CN",
    "kingdom of the netherlands": "NL",
    "the bahamas": "BS",
    "the gambia": "GM",
    "east timor": "TL",
    "ivory coast": "CI",
    "vatican city": "VA",
}
# Words Wikidata adds to a city's label that are not part of its name.
_PLACE_WORDS = re.compile(
    r"\s+(?:county|region|municipality|province|prefecture|capital municipality)$", re.I
)


def country_code(name: str) -> str | None:
    """Return the ISO 3166-1 alpha-2 code of a country as Wikidata labels it, or None."""
    import pycountry

    alias = _COUNTRY_ALIASES.get(name.strip().casefold())
    if alias:
        return alias
    try:
        return str(pycountry.countries.lookup(name.strip()).alpha_2)
    except LookupError:
        return None


def slug(text: str) -> str:
    """Return ``text`` as an id part: ASCII letters and digits joined by hyphens."""
    plain = unicodedata.normalize("NFKD", _PLACE_WORDS.sub("", text.strip()))
    ascii_text = plain.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def city_key(city: str | None) -> str:
    """Return a city as it is compared across sources: 'New York City' and 'New York' agree."""
    key = slug(city or "")
    return key.removesuffix("-city") if key != "city" else key


def city_name(label: str) -> str:
    """Return a city as Wikidata labels it, without 'County', 'Region', 'municipality' ..."""
    return _PLACE_WORDS.sub("", label.strip())
