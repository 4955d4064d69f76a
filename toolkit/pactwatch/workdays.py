"""The working-day calendar: which days are working days, business-day conventions, working-day offsets.

Pure: built once from the settings' ``calendar`` (the ``holidays`` package's public holidays and, for China,
its substituted working days, 调休), then passed to the engine. A year's days are looked up once and kept.

    cal = build(CalendarSettings("CN"))
    cal.adjust(date(2026, 10, 1), "following")      # 2026-10-08: National Day week
    cal.add_working_days(date(2026, 9, 28), 10)     # 2026-10-16: Saturday 10-10 is a make-up working day
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from pactwatch.dates import FIRST_DAY, LAST_DAY
from pactwatch.model import BusinessDay, CalendarSettings

_DAY = timedelta(days=1)
_SATURDAY_SUNDAY = frozenset({5, 6})


def known_calendar(country: str, subdivision: str | None) -> tuple[str, str] | None:
    """(the key at fault, why) when ``country``/``subdivision`` cannot be used, or None when they can."""
    import holidays

    countries = holidays.list_supported_countries()
    if country not in countries:
        return "country", f"unknown country code {country!r}"
    if subdivision is not None and subdivision not in countries[country]:
        known = ", ".join(countries[country][:12]) or "none"
        return "subdivision", f"{country} has no subdivision {subdivision!r} (known: {known})"
    return None


class WorkCalendar:
    """Working days: Monday to Friday unless a holiday, plus make-up working days on weekends.

    ``holidays_of(year)`` gives (days off, extra working days) for a year; the default knows none (weekends only).
    """

    def __init__(self, name: str, extra_holidays: Iterable[date] = (), extra_workdays: Iterable[date] = ()) -> None:
        self.name = name  # "CN", "CN-GD": for messages
        self._extra_off = frozenset(extra_holidays)
        self._extra_on = frozenset(extra_workdays)
        self._years: dict[int, tuple[frozenset[date], frozenset[date]]] = {}
        self._adjusted: dict[tuple[date, BusinessDay], date] = {}  # due dates repeat across contracts: each worked out once

    def holidays_of(self, year: int) -> tuple[frozenset[date], frozenset[date]]:
        del year
        return frozenset(), frozenset()

    def _year(self, year: int) -> tuple[frozenset[date], frozenset[date]]:
        known = self._years.get(year)
        if known is None:
            off, on = self.holidays_of(year)
            known = self._years[year] = (off, on)
        return known

    def is_workday(self, day: date) -> bool:
        if day in self._extra_on:
            return True
        if day in self._extra_off:
            return False
        off, on = self._year(day.year)
        if day in on:
            return True
        return day.weekday() not in _SATURDAY_SUNDAY and day not in off

    def next_workday(self, day: date) -> date:
        """``day`` if it is a working day, else the first one after it."""
        while not self.is_workday(day) and day < LAST_DAY:
            day += _DAY
        return day

    def previous_workday(self, day: date) -> date:
        """``day`` if it is a working day, else the last one before it."""
        while not self.is_workday(day) and day > FIRST_DAY:
            day -= _DAY
        return day

    def adjust(self, day: date, convention: BusinessDay) -> date:
        """The effective date of a contractual ``day`` under a business-day convention."""
        known = self._adjusted.get((day, convention))
        if known is None:
            known = self._adjusted[day, convention] = self._adjust(day, convention)
        return known

    def _adjust(self, day: date, convention: BusinessDay) -> date:
        if convention == "none" or self.is_workday(day):
            return day
        if convention == "following":
            return self.next_workday(day)
        if convention == "preceding":
            return self.previous_workday(day)
        later = self.next_workday(day)  # modified following: the next working day unless it leaves the month
        return later if later.month == day.month else self.previous_workday(day)

    def add_working_days(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (``day`` itself when ``count`` is 0)."""
        while count > 0 and day < LAST_DAY:
            day += _DAY
            if self.is_workday(day):
                count -= 1
        return day

    def working_days_before(self, day: date, count: int) -> date:
        """The working day ``count`` working days before ``day`` (0: ``day``, or the working day before it)."""
        day = self.previous_workday(day)
        while count > 0 and day > FIRST_DAY:
            day -= _DAY
            if self.is_workday(day):
                count -= 1
        return day


class HolidayCalendar(WorkCalendar):
    """A country's public holidays and substituted working days, from the ``holidays`` package."""

    def __init__(self, settings: CalendarSettings) -> None:
        name = settings.country + (f"-{settings.subdivision}" if settings.subdivision else "")
        super().__init__(name, settings.extra_holidays, settings.extra_workdays)
        self._country = settings.country
        self._subdivision = settings.subdivision

    def holidays_of(self, year: int) -> tuple[frozenset[date], frozenset[date]]:
        import holidays

        # public holidays only (not half days); weekend_workdays carries China's 调休 working Saturdays and Sundays
        table = holidays.country_holidays(self._country, subdiv=self._subdivision, years=year)
        on = frozenset(d for d in getattr(table, "weekend_workdays", ()) if d.year == year)
        return frozenset(d for d in table if d.year == year), on


WEEKENDS_ONLY = WorkCalendar("weekends")  # working days without a calendar: what construct's provisional dates count


def build(settings: CalendarSettings | None) -> WorkCalendar | None:
    """The calendar the settings ask for, or None without ``calendar`` (calendar days, as before)."""
    return None if settings is None else HolidayCalendar(settings)
