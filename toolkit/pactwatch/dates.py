"""Calendar arithmetic: month steps that clamp and never drift, recurrence expansion, today."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from pactwatch.model import Repeat

_MONTHS_PER_UNIT = {"month": 1, "quarter": 3, "year": 12}
MAX_OCCURRENCES = 1000


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


@lru_cache(maxsize=4096)
def occurrence_dates(first: date, repeat: Repeat) -> tuple[date, ...]:
    """Every due date of a recurring milestone, the first included."""
    result: list[date] = []
    limit = repeat.count if repeat.count is not None else MAX_OCCURRENCES
    for n in range(min(limit, MAX_OCCURRENCES)):
        try:
            due = step(first, n, repeat.every, repeat.unit)
        except (OverflowError, ValueError):  # past 9999-12-31: the calendar ends here
            break
        if repeat.until is not None and due > repeat.until:
            break
        result.append(due)
    return tuple(result)


def today_in(timezone: str, now: datetime) -> date:
    """The calendar date in ``timezone`` at the instant ``now`` (an aware datetime)."""
    return now.astimezone(ZoneInfo(timezone)).date()
