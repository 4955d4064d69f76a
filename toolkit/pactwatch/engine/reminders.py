"""Which reminders fire on a day, and for whom."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from pactwatch.engine.records import Occurrence, Reminder
from pactwatch.model import Settings


def remind_days(occurrence: Occurrence, settings: Settings) -> tuple[int, ...]:
    days = occurrence.milestone.remind_days
    return days if days is not None else settings.reminders


def firing(occurrences: Iterable[Occurrence], day: date, settings: Settings) -> list[Reminder]:
    """Reminders that fire on ``day`` for open occurrences, plus each one that became overdue that day.

    ``day`` is the evaluation's today: an occurrence is open as evaluated then.
    """
    result: list[Reminder] = []
    for o in occurrences:
        if not o.is_open:
            continue
        before = (o.due - day).days
        if before >= 0 and before in remind_days(o, settings):
            result.append(Reminder(o.owner, o, before))
        elif before == -1:
            result.append(Reminder(o.owner, o, -1))
    result.sort(key=lambda r: (r.person, r.occurrence.due, r.occurrence.ref))
    return result
