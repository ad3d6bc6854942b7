"""Where things are reached: web links, e-mail addresses and phone numbers.

Each is checked with the library made for it: urllib and the lookalike-domain check for links,
email-validator for e-mail addresses, phonenumbers for phone numbers.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any
from urllib.parse import quote, urlsplit, urlunsplit

from pydantic import AfterValidator, WithJsonSchema

from coalition_kit.models.base import fail, rx, unless_trusted
from coalition_kit.models.safety import lookalike_domain
from coalition_kit.problems.codes import Code

__all__ = ["URL_PATTERN", "Email", "HttpUrl", "PhoneNumber", "phone_matches_display", "prime"]


# Characters no URL may hold unencoded (RFC 3986): spaces, controls, quotes, angle brackets ...
_NOT_IN_URL = '\\s\\x00-\\x1f\\x7f"<>\\\\^`{|}'
URL_PATTERN = rf"^https?://[^{_NOT_IN_URL}/?#@]+(?:[/?#][^{_NOT_IN_URL}]*)?$"


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"}:
        raise fail(
            Code.URL_INVALID,
            "'{value}' is not an http(s) link; only https:// and http:// links are accepted",
            value=value,
        )
    if parts.hostname:
        _check_domain(parts.hostname, value)
    if not value.isascii():
        # JSON Schema's "uri" (and so every other validator) takes ASCII only.
        raise fail(
            Code.URL_INVALID,
            "'{value}' holds letters outside ASCII, which JSON Schema's 'uri' refuses; write "
            "it in ASCII (percent-encoded, the domain in punycode): '{encoded}'",
            value=value[:200],
            encoded=_ascii_url(value)[:400],
        )
    if not parts.hostname or "." not in parts.hostname or not rx(URL_PATTERN).match(value):
        raise fail(
            Code.URL_INVALID,
            "'{value}' is not a complete web address, or holds characters no address may hold "
            "(spaces, quotes, < >); copy it again from the browser",
            value=value[:200],
        )
    if parts.username or parts.password:
        raise fail(Code.URL_INVALID, "links must not carry a user name or password")
    return value


def _ascii_url(value: str) -> str:
    """``value`` as browsers copy it: the host in IDNA (punycode), the rest percent-encoded."""
    parts = urlsplit(value)
    try:
        host = (parts.hostname or "").encode("idna").decode("ascii")
    except UnicodeError:
        host = quote(parts.hostname or "")
    netloc = host + (f":{parts.port}" if parts.port else "")
    keep = "/?#[]@!$&'()*+,;=%~:"
    return urlunsplit(
        (
            parts.scheme,
            netloc,
            quote(parts.path, keep),
            quote(parts.query, keep),
            quote(parts.fragment, keep),
        )
    )


def _check_domain(domain: str, value: str) -> None:
    reason = lookalike_domain(domain)
    if reason is not None:
        raise fail(
            Code.DOMAIN_LOOKALIKE,
            "'{value}': the domain imitates another ({reason}); type it again from the source",
            value=value[:200],
            reason=reason,
        )


HttpUrl = Annotated[
    str,
    AfterValidator(unless_trusted(_check_url)),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": URL_PATTERN}),
]
"""A complete http or https link, kept exactly as written (no normalisation)."""


def _check_email(value: str) -> str:
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as error:
        raise fail(
            Code.EMAIL_INVALID,
            "'{value}' is not a valid e-mail address: {reason}",
            value=value,
            reason=str(error),
        ) from None
    _check_domain(value.rpartition("@")[2], value)
    return value


Email = Annotated[
    str,
    AfterValidator(unless_trusted(_check_email)),
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

    if not rx(E164_PATTERN).match(value):
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
        raise fail(
            Code.PHONE_INVALID,
            "'{value}' is not in E.164 form: '+', the country code and the number, "
            "no spaces or dashes; keep the form as written in 'display'{suggestion}",
            value=value,
            suggestion=suggestion,
        )
    try:
        parsed = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException as error:  # pragma: no cover - pattern guards this
        raise fail(
            Code.PHONE_INVALID, "'{value}': {reason}", value=value, reason=str(error)
        ) from None
    if not phonenumbers.is_valid_number(parsed):
        raise fail(
            Code.PHONE_INVALID,
            "'{value}' is not a valid number in the numbering plan of its country",
            value=value,
        )
    return value


PhoneNumber = Annotated[
    str,
    AfterValidator(unless_trusted(_check_phone)),
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


def prime() -> None:
    """Import and prime the e-mail and phone libraries (before worker processes are forked)."""
    import email_validator

    _phonenumbers()
    del email_validator
