"""A campaign's events, in local time with their time zone, and days that recur (every 24 September)."""

from __future__ import annotations

import calendar

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from coalition_kit.models.addresses import HttpUrl
from coalition_kit.models.base import Model, StrEnum
from coalition_kit.models.dates import LocalDateTime, TimeOfDay, TimeZoneName
from coalition_kit.models.formats import CountryCode, Slug, StrictBool, StrictInt
from coalition_kit.models.refs import MissionId, OrganizationId
from coalition_kit.models.shared import Address
from coalition_kit.models.text import Markdown, OneLine
from coalition_kit.problems.codes import Code

__all__ = ["Event", "EventKind", "EventStatus", "Frequency", "Recurrence", "Rsvp", "Venue"]


class Frequency(StrEnum):
    """How often something recurs."""

    DAILY = "daily"
    WEEKLY = "weekly"
    YEARLY = "yearly"


class Recurrence(Model):
    """A repeating date: every 24 September, every day at 14:00."""

    frequency: Frequency = Field(description="daily, weekly or yearly.")
    month: StrictInt | None = Field(None, ge=1, le=12, description="For yearly: the month, 1-12.")
    day: StrictInt | None = Field(
        None, ge=1, le=31, description="For yearly: the day of the month."
    )
    weekday: StrictInt | None = Field(
        None, ge=1, le=7, description="For weekly: the ISO weekday, 1 (Monday) to 7 (Sunday)."
    )
    time: TimeOfDay | None = Field(None, description='The time of day, quoted: "14:00".')
    name: OneLine | None = Field(
        None, description="The name of the day: 'Save North Korean Refugees Day'."
    )

    @model_validator(mode="after")
    def _complete(self) -> Recurrence:
        if self.frequency is Frequency.YEARLY:
            if self.month is None or self.day is None:
                raise PydanticCustomError(
                    Code.FIELD_MISSING.value, "a yearly recurrence needs 'month' and 'day'"
                )
            # A leap year, so that 29 February is accepted.
            if self.day > calendar.monthrange(2024, self.month)[1]:
                raise PydanticCustomError(
                    Code.DATE_INVALID.value,
                    "month {month} has no day {day}",
                    {"month": self.month, "day": self.day},
                )
        if self.frequency is Frequency.WEEKLY and self.weekday is None:
            raise PydanticCustomError(
                Code.FIELD_MISSING.value, "a weekly recurrence needs 'weekday'"
            )
        return self


class EventKind(StrEnum):
    """What sort of event it is."""

    TALK = "talk"
    PROTEST = "protest"
    VIGIL = "vigil"
    DEMONSTRATION = "demonstration"
    PETITION_DELIVERY = "petition-delivery"
    SOLIDARITY = "solidarity"
    ONLINE = "online"
    MEETING = "meeting"
    OTHER = "other"


class EventStatus(StrEnum):
    """Whether an event takes place as announced."""

    SCHEDULED = "scheduled"
    FULL = "full"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"


class Venue(Model):
    """Where an event takes place."""

    name: OneLine | None = Field(None, description="The venue, as written: 'Exilic'.")
    address: Address | None = Field(None, description="The street address.")
    mission: MissionId | None = Field(
        None, description="The id of the mission the event is held at or in front of."
    )
    note: Markdown | None = Field(
        None, description="Directions, access, 'address sent after RSVP'."
    )


class Rsvp(Model):
    """How to register for an event."""

    required: StrictBool | None = Field(None, description="Whether registration is required.")
    url: HttpUrl | None = Field(None, description="Where to register.")
    note: Markdown | None = Field(None, description="Anything else: 'capacity reached'.")


class Event(Model):
    """A dated event of a campaign, in local time with its time zone."""

    id: Slug = Field(description="An id unique within the campaign, for links and calendars.")
    title: OneLine = Field(description="The event's title.")
    kind: EventKind = Field(description="talk, protest, vigil, petition-delivery, ...")
    start: LocalDateTime | None = Field(
        None, description="Local start: '2024-04-22T13:30', or a date for an all-day event."
    )
    end: LocalDateTime | None = Field(None, description="Local end, in the same form.")
    timezone: TimeZoneName | None = Field(
        None, description="The IANA time zone of 'start' and 'end': 'America/New_York'."
    )
    recurrence: Recurrence | None = Field(
        None, description="For an event that repeats (a daily protest) instead of a single start."
    )
    online: StrictBool = Field(False, description="True for an event held online.")
    venue: Venue | None = Field(None, description="Where it takes place.")
    city: OneLine | None = Field(None, description="The city, as written.")
    country: CountryCode | None = Field(None, description="The country, ISO 3166-1 alpha-2.")
    rsvp: Rsvp | None = Field(None, description="How to register.")
    status: EventStatus = Field(EventStatus.SCHEDULED, description="scheduled, full, cancelled ...")
    organizers: list[OrganizationId] = Field(
        default_factory=list, description="Ids of organizations that run this event."
    )
    description: Markdown | None = Field(None, description="What happens, in the source's words.")

    @model_validator(mode="after")
    def _when(self) -> Event:
        if self.start is None and self.recurrence is None:
            raise PydanticCustomError(
                Code.FIELD_MISSING.value, "an event needs a 'start' or a 'recurrence'"
            )
        return self
