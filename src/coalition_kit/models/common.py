"""Reusable field types: each checks one format with the library made for it and says what went wrong.

Every type raises ``PydanticCustomError`` with a problem code as its error type, so that the
validator can report the code; every type also declares the JSON Schema that other languages'
validators apply, so that the schemas reject what the models reject.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import zoneinfo
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    Strict,
    WithJsonSchema,
)
from pydantic import BaseModel as _PydanticBaseModel
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from coalition_kit.codes import Code
from coalition_kit.models.safety import lookalike_domain, markdown_problem, tag_in_text

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # pragma: no cover - exercised only on Python 3.10
    from coalition_kit.codes import StrEnum

__all__ = [
    "CountryCode",
    "Email",
    "EntityId",
    "HttpUrl",
    "IsoDate",
    "LanguageTag",
    "LocalDateTime",
    "Markdown",
    "Matches",
    "Model",
    "OneLine",
    "PartialDate",
    "PhoneNumber",
    "Slug",
    "StrEnum",
    "StrictBool",
    "StrictInt",
    "TimeOfDay",
    "TimeZoneName",
    "WikidataId",
    "warm_up",
]

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_MAX_LENGTH = 100


class Model(_PydanticBaseModel):
    """Base of every model: unknown fields are errors, instances are immutable."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=False,
        validate_default=False,
        use_enum_values=False,
        json_schema_mode_override="validation",
    )


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    """Compile a pattern once: the re module's own cache is small, and phonenumbers fills it."""
    return re.compile(pattern)


@cache
def _tag_is_valid(tag: str) -> bool:
    import langcodes

    return bool(langcodes.tag_is_valid(tag))


def _fail(code: Code, message: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(code.value, message, context or None)


@dataclass(frozen=True)
class Matches:
    """Field metadata: the text must match ``pattern``, else a problem ``code`` with ``message``.

    It adds both the check and the JSON Schema ``pattern``, so that the two never drift apart.
    ``message`` may use ``{value}``.
    """

    pattern: str
    code: Code
    message: str
    max_length: int | None = None

    def __get_pydantic_core_schema__(
        self, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        """Run the pattern check after the string validation of ``source``."""
        return core_schema.no_info_after_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """Describe the check as a JSON Schema string pattern."""
        json_schema: JsonSchemaValue = {"type": "string", "pattern": self.pattern}
        if self.max_length is not None:
            json_schema["maxLength"] = self.max_length
        return json_schema

    def check(self, value: str) -> str:
        """Return ``value`` if it matches, else raise the problem."""
        too_long = self.max_length is not None and len(value) > self.max_length
        if too_long or not _rx(self.pattern).match(value):
            raise _fail(self.code, self.message, value=value)
        return value


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


# Markup that text fields must not carry: HTML tags (closed or not) and comments, and links whose
# target would run code or leave the web. The models check the token stream markdown-it makes of
# a text (see ``safety``); the JSON Schemas carry patterns that refuse the same hostile inputs.
HTML_TAG_PATTERN = r"<[A-Za-z/!?]"
# A link to another scheme: inline ('](javascript:'), a reference definition ('[1]: javascript:'),
# and a colon spelt as an entity ('&#58;'), which no text of ours needs.
_UNSAFE_TARGET = "\\s*<?\\s*(?!https?:|mailto:|#|/)[a-zA-Z][a-zA-Z0-9+.-]*:"
UNSAFE_LINK_PATTERNS = (
    f"\\]\\({_UNSAFE_TARGET}",
    f"(?:^|\\n) {{0,3}}\\[[^\\]]+\\]:{_UNSAFE_TARGET}",
    "&(?:#0*58|#[xX]0*3[aA]|colon);",
)
# Invisible characters no text needs: controls (but tab and line feed), and the bidirectional
# controls that can make text display differently from what it says.
CONTROL_PATTERN = "[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]"
BIDI_PATTERN = "[\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c]"
_CONTROL = re.compile(CONTROL_PATTERN)
_BIDI = re.compile(BIDI_PATTERN)
_NO_MARKUP = {
    "not": {
        "anyOf": [
            {"pattern": HTML_TAG_PATTERN},
            *({"pattern": pattern} for pattern in UNSAFE_LINK_PATTERNS),
            {"pattern": CONTROL_PATTERN},
            {"pattern": BIDI_PATTERN},
        ]
    }
}


_INVISIBLE = (
    (_CONTROL, Code.CONTROL_CHARACTER, "an invisible control character"),
    (_BIDI, Code.BIDI_CONTROL, "an invisible character that reorders text"),
)


_SUSPICIOUS = re.compile(f"{CONTROL_PATTERN}|{BIDI_PATTERN}|<|\\[|&")


def _check_no_markup(value: str, *, markdown: bool) -> None:
    if not _SUSPICIOUS.search(value):
        return
    for pattern, code, what in _INVISIBLE:
        found = pattern.search(value)
        if found:
            raise _fail(
                code,
                "this text holds {what} (U+{point}); delete it",
                what=what,
                point=f"{ord(found.group()):04X}",
            )
    problem = markdown_problem(value) if markdown else None
    tag = tag_in_text(value) if not markdown else None
    if problem is not None and problem[0] == "html":
        tag = problem[1]
    if tag is not None:
        raise _fail(
            Code.TEXT_HTML,
            "'{tag}': HTML is not accepted in text; write plain text (Markdown where the field "
            "takes it)",
            tag=tag,
        )
    if problem is not None:
        raise _fail(
            Code.URL_INVALID,
            "a link in this text goes to '{target}'; links must start with https://, http:// "
            "or mailto:",
            target=problem[1],
        )


ONE_LINE_MAX = 1_000
"""The longest one-line text (a name, a title): ten times the longest real title."""
MARKDOWN_MAX = 100_000
"""The longest Markdown text (a paragraph, a summary): a long report's worth."""


def _check_length(value: str, limit: int) -> None:
    if len(value) > limit:
        raise _fail(
            Code.VALUE_TOO_LONG,
            "this text is {length} characters long; the limit is {limit}",
            length=f"{len(value):,}",
            limit=f"{limit:,}",
        )


def _check_one_line(value: str) -> str:
    _check_length(value, ONE_LINE_MAX)
    if not value.strip():
        raise _fail(Code.VALUE_EMPTY, "this text is empty")
    if "\n" in value or "\r" in value:
        raise _fail(Code.TEXT_MULTILINE, "this field holds one line of text; remove the line break")
    _check_no_markup(value, markdown=False)
    return value


OneLine = Annotated[
    str,
    AfterValidator(_check_one_line),
    WithJsonSchema(
        {
            "type": "string",
            "minLength": 1,
            "maxLength": ONE_LINE_MAX,
            "pattern": r"^[^\r\n]*\S[^\r\n]*$",
            **_NO_MARKUP,
        }
    ),
]
"""One line of non-blank text: a name, a title, a label. No HTML."""


def _check_markdown(value: str) -> str:
    _check_length(value, MARKDOWN_MAX)
    if not value.strip():
        raise _fail(Code.VALUE_EMPTY, "this text is empty")
    _check_no_markup(value, markdown=True)
    return value


Markdown = Annotated[
    str,
    AfterValidator(_check_markdown),
    WithJsonSchema(
        {
            "type": "string",
            "minLength": 1,
            "maxLength": MARKDOWN_MAX,
            "pattern": r"\S",
            "contentMediaType": "text/markdown",
            **_NO_MARKUP,
        }
    ),
]
"""Non-blank Markdown text, without HTML. Untrusted all the same: the site escapes it."""


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
        raise _fail(
            Code.COUNTRY_UNKNOWN,
            "'{value}' is not an ISO 3166-1 alpha-2 country code{hint}",
            value=value,
            hint=hint,
        )
    return value


def country_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a country code: the list of ISO 3166-1 alpha-2 codes."""
    return {"type": "string", "enum": sorted(_country_codes())}


CountryCode = Annotated[
    str,
    AfterValidator(_check_country),
    WithJsonSchema(country_json_schema()),
]
"""An ISO 3166-1 alpha-2 country code in capitals, checked against pycountry's list."""

LANGUAGE_TAG_PATTERN = r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$"


def _check_language(value: str) -> str:
    if not _rx(LANGUAGE_TAG_PATTERN).match(value) or not _tag_is_valid(value):
        raise _fail(
            Code.LANGUAGE_INVALID,
            "'{value}' is not a BCP 47 language tag such as 'en', 'ko' or 'ko-Latn'",
            value=value,
        )
    return value


LanguageTag = Annotated[
    str,
    AfterValidator(_check_language),
    WithJsonSchema({"type": "string", "pattern": LANGUAGE_TAG_PATTERN}),
]
"""A BCP 47 language tag, checked with langcodes: ``en``, ``ko``, ``zh-Hans``, ``ko-Latn``."""

# Characters no URL may hold unencoded (RFC 3986): spaces, controls, quotes, angle brackets ...
_NOT_IN_URL = '\\s\\x00-\\x1f\\x7f"<>\\\\^`{|}'
URL_PATTERN = rf"^https?://[^{_NOT_IN_URL}/?#@]+(?:[/?#][^{_NOT_IN_URL}]*)?$"


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"}:
        raise _fail(
            Code.URL_INVALID,
            "'{value}' is not an http(s) link; only https:// and http:// links are accepted",
            value=value,
        )
    if not parts.hostname or "." not in parts.hostname or not _rx(URL_PATTERN).match(value):
        raise _fail(
            Code.URL_INVALID,
            "'{value}' is not a complete web address, or holds characters no address may hold "
            "(spaces, quotes, < >); copy it again from the browser",
            value=value[:200],
        )
    if parts.username or parts.password:
        raise _fail(Code.URL_INVALID, "links must not carry a user name or password")
    _check_domain(parts.hostname, value)
    return value


def _check_domain(domain: str, value: str) -> None:
    reason = lookalike_domain(domain)
    if reason is not None:
        raise _fail(
            Code.DOMAIN_LOOKALIKE,
            "'{value}': the domain imitates another ({reason}); type it again from the source",
            value=value[:200],
            reason=reason,
        )


HttpUrl = Annotated[
    str,
    AfterValidator(_check_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": URL_PATTERN}),
]
"""A complete http or https link, kept exactly as written (no normalisation)."""


def _check_email(value: str) -> str:
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as error:
        raise _fail(
            Code.EMAIL_INVALID,
            "'{value}' is not a valid e-mail address: {reason}",
            value=value,
            reason=str(error),
        ) from None
    _check_domain(value.rpartition("@")[2], value)
    return value


Email = Annotated[
    str,
    AfterValidator(_check_email),
    WithJsonSchema({"type": "string", "format": "email", "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+$"}),
]
"""An e-mail address, checked with email-validator (syntax only, no network), kept as written."""

E164_PATTERN = r"^\+[1-9][0-9]{6,14}$"


@cache
def _phonenumbers() -> Any:
    import phonenumbers
    from phonenumbers import re_util

    # Keep phonenumbers' thousands of compiled patterns instead of recompiling them.
    re_util.enable_pattern_cache()
    return phonenumbers


def _check_phone(value: str) -> str:
    phonenumbers = _phonenumbers()

    if not _rx(E164_PATTERN).match(value):
        suggestion = ""
        try:
            parsed = phonenumbers.parse(value, None if value.startswith("+") else "US")
            if phonenumbers.is_valid_number(parsed):
                suggestion = (
                    "; for example '"
                    + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
                    + "' (check the country)"
                )
        except phonenumbers.NumberParseException:
            pass
        raise _fail(
            Code.PHONE_INVALID,
            "'{value}' is not in E.164 form: '+', the country code and the number, "
            "no spaces or dashes; keep the form as written in 'display'{suggestion}",
            value=value,
            suggestion=suggestion,
        )
    try:
        parsed = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException as error:  # pragma: no cover - pattern guards this
        raise _fail(
            Code.PHONE_INVALID, "'{value}': {reason}", value=value, reason=str(error)
        ) from None
    if not phonenumbers.is_valid_number(parsed):
        raise _fail(
            Code.PHONE_INVALID,
            "'{value}' is not a valid number in the numbering plan of its country",
            value=value,
        )
    return value


PhoneNumber = Annotated[
    str,
    AfterValidator(_check_phone),
    WithJsonSchema({"type": "string", "pattern": E164_PATTERN}),
]
"""A phone or fax number in E.164 form (``+12024952138``), checked with phonenumbers."""


def phone_matches_display(e164: str, display: str) -> bool:
    """Return True when ``display`` (the number as a source wrote it) dials the E.164 number.

    A display without a country code is read as a number of the country of ``e164``.
    """
    phonenumbers = _phonenumbers()

    try:
        region = phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
        parsed = phonenumbers.parse(display, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == e164)


# Years a date in this data can plausibly have; 1900-2099 keeps typos such as 0023 or 20233 out.
YEAR = r"(?:19|20)[0-9]{2}"
FIRST_YEAR, LAST_YEAR = 1900, 2099
ISO_DATE_PATTERN = rf"^{YEAR}-[0-9]{{2}}-[0-9]{{2}}$"
_DATE_SHAPE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _check_year(value: str) -> None:
    year = int(value[:4])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _fail(
            Code.DATE_INVALID,
            "'{value}': the year {year} is outside {first}-{last}; check it",
            value=value,
            year=year,
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )


def _parse_iso_date(value: object) -> object:
    if isinstance(value, dt.datetime):
        raise _fail(Code.DATE_INVALID, "a date is expected here, not a date and time")
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise _fail(Code.FIELD_TYPE, "a date such as 2023-10-16 is expected here")
    if not _DATE_SHAPE.match(value):
        raise _fail(
            Code.DATE_INVALID, "'{value}' is not a date in the form YYYY-MM-DD", value=value
        )
    _check_year(value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(Code.DATE_INVALID, "'{value}' is not a real date", value=value) from None


IsoDate = Annotated[
    dt.date,
    BeforeValidator(_parse_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": ISO_DATE_PATTERN}),
]
"""A calendar date written ``YYYY-MM-DD``."""

PARTIAL_DATE_PATTERN = rf"^{YEAR}(?:-[0-9]{{2}}(?:-[0-9]{{2}})?)?$"


def _check_partial_date(value: str) -> str:
    if not _rx(r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$").match(value):
        raise _fail(
            Code.DATE_INVALID,
            "'{value}' is not a date: write YYYY-MM-DD, or YYYY-MM or YYYY when the source "
            "gives no more",
            value=value,
        )
    _check_year(value)
    parts = [int(part) for part in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise _fail(Code.DATE_INVALID, "'{value}' is not a real date", value=value) from None
    return value


def _partial_date_from_date(value: object) -> object:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_partial_date_from_date),
    AfterValidator(_check_partial_date),
    WithJsonSchema({"type": "string", "pattern": PARTIAL_DATE_PATTERN}),
]
"""A date as precise as the source: ``2023-10-16``, ``2013-12`` or ``2012``. Sorts as text."""

LOCAL_DATETIME_PATTERN = (
    rf"^{YEAR}-[0-9]{{2}}-[0-9]{{2}}(?:T[0-9]{{2}}:[0-9]{{2}}(?::[0-9]{{2}})?)?$"
)


def _check_local_datetime(value: str) -> str:
    if not _rx(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?$").match(value):
        raise _fail(
            Code.DATE_INVALID,
            "'{value}' is not a local date or date and time: write 2024-04-22 or "
            "2024-04-22T13:30 (the time zone goes in 'timezone')",
            value=value,
        )
    _check_year(value)
    try:
        if "T" in value:
            dt.datetime.fromisoformat(value)
        else:
            dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(
            Code.DATE_INVALID, "'{value}' is not a real date or time", value=value
        ) from None
    return value


LocalDateTime = Annotated[
    str,
    BeforeValidator(_partial_date_from_date),
    AfterValidator(_check_local_datetime),
    WithJsonSchema({"type": "string", "pattern": LOCAL_DATETIME_PATTERN}),
]
"""A wall-clock date (``2024-04-22``) or date and time (``2024-04-22T13:30``), without offset."""

TIME_OF_DAY_PATTERN = r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$"


TimeOfDay = Annotated[
    str,
    Matches(
        TIME_OF_DAY_PATTERN, Code.DATE_INVALID, "'{value}' is not a time of day such as \"14:00\""
    ),
]
"""A wall-clock time ``HH:MM``, 24-hour; quote it in YAML (``"14:00"``)."""

TIMEZONE_PATTERN = r"^[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*$"


@cache
def _timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _check_timezone(value: str) -> str:
    if value not in _timezones():
        raise _fail(
            Code.TIMEZONE_UNKNOWN,
            "'{value}' is not an IANA time zone such as 'America/New_York' or 'Asia/Seoul'",
            value=value,
        )
    return value


TimeZoneName = Annotated[
    str,
    AfterValidator(_check_timezone),
    WithJsonSchema({"type": "string", "pattern": TIMEZONE_PATTERN}),
]
"""An IANA time zone name such as ``America/New_York``."""

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
    import email_validator

    _phonenumbers()
    _country_codes()
    _timezones()
    _tag_is_valid("en")
    del email_validator
