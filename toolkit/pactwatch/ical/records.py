"""What a feed is made of: plain event and calendar records, shared by the fast writer and the icalendar reference (in the tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, NamedTuple

EventStatus = Literal["CONFIRMED", "CANCELLED"]
ONE_DAY = timedelta(days=1)


class Alarm(NamedTuple):  # NamedTuples: a large feed makes over 100,000 of these, and they build several times faster
    """A DISPLAY alarm; ``trigger`` is relative to the event's start (an all-day event starts at 00:00)."""

    trigger: timedelta
    description: str


class EventRecord(NamedTuple):
    """One all-day VEVENT. Text fields are clean (see text.clean_text); the writer only escapes and folds them.

    No URL: the clients that matter show a link only in the description (docs/how-to/calendar-feeds.md)."""

    uid: str
    start: date
    summary: str
    description: str
    categories: tuple[str, ...]
    status: EventStatus = "CONFIRMED"
    alarms: tuple[Alarm, ...] = ()

    @property
    def end(self) -> date:
        """The exclusive end: the next day."""
        return self.start + ONE_DAY


@dataclass(frozen=True, slots=True)
class CalendarMeta:
    """The calendar-level properties of one feed."""

    name: str
    timezone: str
    language: str  # "zh" or "en"
    refresh_hours: int = 6
    description: str = ""  # X-WR-CALDESC: the aggregate feeds say which window they hold
