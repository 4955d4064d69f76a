"""Which reminders fire on a day, and for whom."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from pactwatch.engine.records import Occurrence, Reminder
from pactwatch.model import Settings
from pactwatch.workdays import WorkCalendar


def remind_days(occurrence: Occurrence, settings: Settings) -> tuple[int, ...]:
    days = occurrence.milestone.remind_days
    return days if days is not None else settings.reminders


def offsets(occurrence: Occurrence, settings: Settings, workdays: WorkCalendar | None = None) -> tuple[int, ...]:
    """The days before the effective due date on which reminders fire, largest first; none for a projected date.

    Without a calendar these are the reminder days themselves. With one, a reminder falling on a non-working
    day is sent on the working day before it, and ``reminders: {working_days: [...]}`` counts working days.
    """
    if occurrence.projected:
        return ()
    days = remind_days(occurrence, settings)
    if workdays is None:
        return days
    working = settings.reminders_in_working_days and occurrence.milestone.remind_days is None
    return _moved(days, occurrence.due, working, workdays)


def _moved(days: tuple[int, ...], due: date, working: bool, workdays: WorkCalendar) -> tuple[int, ...]:
    if working:
        sent = {workdays.working_days_before(due, n) for n in days}
    else:
        sent = {workdays.previous_workday(due - timedelta(days=n)) for n in days}
    return tuple(sorted({(due - day).days for day in sent}, reverse=True))


def firing(occurrences: Iterable[Occurrence], day: date, settings: Settings, workdays: WorkCalendar | None = None) -> list[Reminder]:
    """Reminders that fire on ``day`` for open occurrences, plus each one that became overdue that day.

    ``day`` is the evaluation's today: an occurrence is open as evaluated then. ``workdays``: the evaluation's calendar.
    """
    result: list[Reminder] = []
    for o in occurrences:
        if not o.is_open:
            continue
        before = (o.due - day).days
        if before >= 0 and before in offsets(o, settings, workdays):
            result.append(Reminder(o.owner, o, before))
        elif before == -1 and not o.projected:
            result.append(Reminder(o.owner, o, -1))
    result.sort(key=lambda r: (r.person, r.occurrence.due, r.occurrence.ref))
    return result
