"""Fields in a standard format, each checked with the library made for it.

Ids, countries, languages, Wikidata items. Links, e-mail addresses and phone numbers are in
``coalition_kit.models.addresses``.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from pydantic import AfterValidator, Field, GetJsonSchemaHandler, Strict, WithJsonSchema
from pydantic_core import CoreSchema

from coalition_kit.models.addresses import prime as prime_addresses
from coalition_kit.models.base import Matches, fail, rx, unless_trusted
from coalition_kit.models.dates import timezones
from coalition_kit.problems.codes import Code

__all__ = [
    "SLUG_PATTERN",
    "CountryCode",
    "EntityId",
    "LanguageTag",
    "Slug",
    "StrictBool",
    "StrictInt",
    "SubdivisionCode",
    "WikidataId",
    "country_json_schema",
    "warm_up",
]


SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_MAX_LENGTH = 100


@cache
def _tag_is_valid(tag: str) -> bool:
    import langcodes

    return bool(langcodes.tag_is_valid(tag))


Slug = Annotated[
    str,
    Matches(
        SLUG_PATTERN,
        Code.SLUG_INVALID,
        "'{value}' is not an id: use lowercase letters, digits and single hyphens, "
        "such as 'liberty-in-north-korea'",
        SLUG_MAX_LENGTH,
    ),
]
"""The id of an entity, or a reference to one: a lowercase slug such as ``liberty-in-north-korea``."""


@cache
def _country_codes() -> frozenset[str]:
    import pycountry

    return frozenset(country.alpha_2 for country in pycountry.countries)


def _country_hint(value: str) -> str:
    """How to write ``value`` as a code, quoted as YAML needs for ``NO`` (Norway) and others."""
    import pycountry

    if value.upper() in _country_codes():
        return f'; write it in capitals, in quotes: "{value.upper()}"'
    try:
        found = pycountry.countries.lookup(value.strip())
    except LookupError:
        return ""
    name = getattr(found, "common_name", None) or found.name
    return f'; for {name} write "{found.alpha_2}", in quotes'


def _check_country(value: str) -> str:
    if value not in _country_codes():
        hint = _country_hint(value)
        raise fail(
            Code.COUNTRY_UNKNOWN,
            "'{value}' is not an ISO 3166-1 alpha-2 country code{hint}",
            value=value,
            hint=hint,
        )
    return value


def country_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a country code: the list of ISO 3166-1 alpha-2 codes."""
    return {"type": "string", "enum": sorted(_country_codes())}


class _CountryJsonSchema:
    """The country list in the JSON Schema, read from pycountry only when a schema is made.

    ``WithJsonSchema`` would need the list when the models are imported, and with it pycountry
    (17 ms) in every script that only loads the bundle.
    """

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return country_json_schema()


CountryCode = Annotated[
    str,
    AfterValidator(unless_trusted(_check_country)),
    _CountryJsonSchema(),
]
"""An ISO 3166-1 alpha-2 country code in capitals, checked against pycountry's list."""

SUBDIVISION_PATTERN = r"^[A-Z]{2}-[A-Z0-9]{1,3}$"


@cache
def _subdivision_codes() -> frozenset[str]:
    import pycountry

    return frozenset(subdivision.code for subdivision in pycountry.subdivisions)


def _check_subdivision(value: str) -> str:
    if value not in _subdivision_codes():
        raise fail(
            Code.COUNTRY_UNKNOWN,
            "'{value}' is not an ISO 3166-2 subdivision code such as 'US-IL' or 'CA-ON'",
            value=value,
        )
    return value


SubdivisionCode = Annotated[
    str,
    AfterValidator(unless_trusted(_check_subdivision)),
    WithJsonSchema({"type": "string", "pattern": SUBDIVISION_PATTERN}),
]
"""An ISO 3166-2 subdivision code: a state, province or prefecture, such as ``US-IL``."""

LANGUAGE_TAG_PATTERN = r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$"


def _check_language(value: str) -> str:
    if not rx(LANGUAGE_TAG_PATTERN).match(value) or not _tag_is_valid(value):
        raise fail(
            Code.LANGUAGE_INVALID,
            "'{value}' is not a BCP 47 language tag such as 'en', 'ko' or 'ko-Latn'",
            value=value,
        )
    return value


LanguageTag = Annotated[
    str,
    AfterValidator(unless_trusted(_check_language)),
    WithJsonSchema({"type": "string", "pattern": LANGUAGE_TAG_PATTERN}),
]
"""A BCP 47 language tag, checked with langcodes: ``en``, ``ko``, ``zh-Hans``, ``ko-Latn``."""

WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$"


WikidataId = Annotated[
    str,
    Matches(
        WIKIDATA_PATTERN, Code.WIKIDATA_INVALID, "'{value}' is not a Wikidata item id such as 'Q42'"
    ),
]
"""A Wikidata item id: ``Q`` followed by digits."""

StrictBool = Annotated[bool, Strict()]
"""A YAML ``true`` or ``false``; quoted text such as ``"yes"`` is refused, not converted."""

StrictInt = Annotated[int, Strict()]
"""A whole number written as a number; text such as ``"25000"`` is refused, not converted."""

EntityId = Annotated[
    Slug, Field(description="The id: the file name without '.yaml', a lowercase slug.")
]
"""The id of a top-level entity, equal to its file's name."""


def warm_up() -> None:
    """Import and prime what the validators use, once, before worker processes are forked."""
    prime_addresses()
    _country_codes()
    timezones()
    _tag_is_valid("en")
