"""Dates and times as precise as the sources give them, in years a date of this data can have."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from functools import cache
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema

from coalition_kit.models.base import Matches, fail, rx, unless_trusted
from coalition_kit.problems.codes import Code

__all__ = [
    "IsoDate",
    "LocalDateTime",
    "PartialDate",
    "TimeOfDay",
    "TimeZoneName",
    "timezones",
]


# Years a date in this data can plausibly have; 1900-2099 keeps typos such as 0023 or 20233 out.
YEAR = r"(?:19|20)[0-9]{2}"
FIRST_YEAR, LAST_YEAR = 1900, 2099
ISO_DATE_PATTERN = rf"^{YEAR}-[0-9]{{2}}-[0-9]{{2}}$"
_DATE_SHAPE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _check_year(value: str) -> None:
    year = int(value[:4])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise fail(
            Code.DATE_INVALID,
            "'{value}': the year {year} is outside {first}-{last}; check it",
            value=value,
            year=year,
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )


def _parse_iso_date(value: object) -> object:
    if isinstance(value, dt.datetime):
        raise fail(Code.DATE_INVALID, "a date is expected here, not a date and time")
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise fail(Code.FIELD_TYPE, "a date such as 2023-10-16 is expected here")
    if not _DATE_SHAPE.match(value):
        raise fail(Code.DATE_INVALID, "'{value}' is not a date in the form YYYY-MM-DD", value=value)
    _check_year(value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(Code.DATE_INVALID, "'{value}' is not a real date", value=value) from None


IsoDate = Annotated[
    dt.date,
    BeforeValidator(_parse_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": ISO_DATE_PATTERN}),
]
"""A calendar date written ``YYYY-MM-DD``."""

PARTIAL_DATE_PATTERN = rf"^{YEAR}(?:-[0-9]{{2}}(?:-[0-9]{{2}})?)?$"


def _check_partial_date(value: str) -> str:
    if not rx(r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$").match(value):
        raise fail(
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
        raise fail(Code.DATE_INVALID, "'{value}' is not a real date", value=value) from None
    return value


def _partial_date_from_date(value: object) -> object:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_partial_date_from_date),
    AfterValidator(unless_trusted(_check_partial_date)),
    WithJsonSchema({"type": "string", "pattern": PARTIAL_DATE_PATTERN}),
]
"""A date as precise as the source: ``2023-10-16``, ``2013-12`` or ``2012``. Sorts as text."""

LOCAL_DATETIME_PATTERN = (
    rf"^{YEAR}-[0-9]{{2}}-[0-9]{{2}}(?:T[0-9]{{2}}:[0-9]{{2}}(?::[0-9]{{2}})?)?$"
)


def _check_local_datetime(value: str) -> str:
    if not rx(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?$").match(value):
        raise fail(
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
        raise fail(Code.DATE_INVALID, "'{value}' is not a real date or time", value=value) from None
    return value


LocalDateTime = Annotated[
    str,
    BeforeValidator(_partial_date_from_date),
    AfterValidator(unless_trusted(_check_local_datetime)),
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
def timezones() -> frozenset[str]:
    """Return the names of the IANA time zones this machine knows."""
    return frozenset(zoneinfo.available_timezones())


def _check_timezone(value: str) -> str:
    if value not in timezones():
        raise fail(
            Code.TIMEZONE_UNKNOWN,
            "'{value}' is not an IANA time zone such as 'America/New_York' or 'Asia/Seoul'",
            value=value,
        )
    return value


TimeZoneName = Annotated[
    str,
    AfterValidator(unless_trusted(_check_timezone)),
    WithJsonSchema({"type": "string", "pattern": TIMEZONE_PATTERN}),
]
"""An IANA time zone name such as ``America/New_York``."""
