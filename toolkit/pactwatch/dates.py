"""Calendar arithmetic: month steps that clamp and never drift, recurrence expansion, today."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from pactwatch.model import Repeat

_MONTHS_PER_UNIT = {"month": 1, "quarter": 3, "year": 12}
MAX_OCCURRENCES = 1000  # per recurring milestone; more is reported (rules/occurrences.py), never silently cut
FIRST_DAY = date(1900, 1, 1)  # the calendar pactwatch works in: a date outside is a typo (PW206 at load),
LAST_DAY = date(2200, 12, 31)  # and no occurrence runs past it (every output can add days and months safely)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(start: date, months: int) -> date:
    """``start`` moved by whole months, clamped to the month's end (Jan 31 + 1 = Feb 28/29)."""
    year, month = divmod(start.year * 12 + start.month - 1 + months, 12)
    if start.day <= 28:  # every month has a 28th: no clamping to work out (most due dates)
        return date(year, month + 1, start.day)
    last = 29 if month == 1 and calendar.isleap(year) else _MONTH_DAYS[month]
    return date(year, month + 1, min(start.day, last))


def step(start: date, n: int, every: int, unit: str) -> date:
    """The n-th occurrence from ``start`` (always computed from the anchor, so the 31st stays the 31st)."""
    if unit == "day":
        return start + timedelta(days=n * every)
    if unit == "week":
        return start + timedelta(weeks=n * every)
    return add_months(start, n * every * _MONTHS_PER_UNIT[unit])


def count_until(first: date, every: int, unit: str, last: date) -> int:
    """How many occurrences from ``first`` fall on or before ``last``, counted without expanding them."""
    if last < first:
        return 0
    if unit in ("day", "week"):
        return (last - first).days // (every * (7 if unit == "week" else 1)) + 1
    months = every * _MONTHS_PER_UNIT[unit]
    n = ((last.year - first.year) * 12 + last.month - first.month) // months
    if n > 0 and add_months(first, n * months) > last:  # the last month reached, but not its day
        n -= 1
    return n + 1


def planned_occurrences(first: date, repeat: Repeat) -> int:
    """How many occurrences the repeat asks for (its count, or as many as fit before until), before any limit."""
    if repeat.count is not None:
        return repeat.count
    return count_until(first, repeat.every, repeat.unit, repeat.until or LAST_DAY)


def occurrence_count(first: date, repeat: Repeat) -> int:
    """How many occurrences are expanded: the planned ones, at most MAX_OCCURRENCES and none after LAST_DAY."""
    return min(planned_occurrences(first, repeat), MAX_OCCURRENCES, count_until(first, repeat.every, repeat.unit, LAST_DAY))


@lru_cache(maxsize=4096)
def occurrence_dates(first: date, repeat: Repeat) -> tuple[date, ...]:
    """Every due date of a recurring milestone, the first included (see occurrence_count for the limits)."""
    return tuple(step(first, n, repeat.every, repeat.unit) for n in range(occurrence_count(first, repeat)))


def today_in(timezone: str, now: datetime) -> date:
    """The calendar date in ``timezone`` at the instant ``now`` (an aware datetime)."""
    return now.astimezone(ZoneInfo(timezone)).date()
