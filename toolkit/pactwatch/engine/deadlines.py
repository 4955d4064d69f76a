"""Effective due dates: business-day conventions and deadlines relative to other milestones.

A date written in the YAML stays the contractual date; the effective date is the convention applied to it
(with the settings' calendar). A relative milestone (``due_after: {milestone: M3, days: 30}``) is due the
offset after M3's completion; until M3 is complete its date is *projected* from M3's own effective (or
projected) date, and never from a day before today: an anchor that is late can at the earliest be completed
today, so a projection is never overdue and never reminded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from pactwatch.dates import LAST_DAY, occurrence_dates
from pactwatch.model import BusinessDay, Contract, Milestone
from pactwatch.workdays import WEEKENDS_ONLY, WorkCalendar


class Dated(NamedTuple):
    """One occurrence's dates."""

    key: str  # "M3", "R1@2026-05-31"
    written: date  # the contractual date, or the anchor's date plus the offset, before the convention
    due: date  # the effective date
    completed_on: date | None
    projected: bool  # from an anchor that is not complete yet


@dataclass(frozen=True, slots=True)
class DeadlineRules:
    """What turns written dates into effective ones; built once per evaluation."""

    calendar: WorkCalendar | None  # None: calendar days, conventions do not apply (no calendar in the settings)
    convention: BusinessDay = "none"  # the settings' default
    today: date | None = None  # projections start no earlier than this (None: from the anchors' dates as they are)

    def plain(self, contract: Contract) -> bool:
        """True when every effective date of the contract is its written date (the fast path)."""
        if any(m.due_after is not None for m in contract.milestones):
            return False
        if self.calendar is None:
            return True
        if contract.business_day not in (None, "none") or (self.convention != "none" and contract.business_day is None):
            return False
        return all(m.business_day in (None, "none") for m in contract.milestones)


def anchor_of(reference: str) -> tuple[str, date | None]:
    """``R1@2026-05-31`` -> ("R1", 2026-05-31); ``M3`` -> ("M3", None); a date that is not one -> ("", None)."""
    if "@" not in reference:
        return reference, None
    name, _, day = reference.partition("@")
    try:
        return name, date.fromisoformat(day)
    except ValueError:
        return "", None


def schedule(contract: Contract, rules: DeadlineRules) -> dict[str, tuple[Dated, ...]]:
    """Every milestone's occurrences with their effective dates, by milestone id."""
    by_id = {m.id: m for m in contract.milestones}
    result: dict[str, tuple[Dated, ...]] = {}
    for m in contract.milestones:
        if m.due_after is None:
            result[m.id] = _fixed(contract, m, rules)
    for m in contract.milestones:
        if m.id not in result:
            _resolve_chain(contract, m, by_id, result, rules)
    return result


def _convention(contract: Contract, m: Milestone, rules: DeadlineRules) -> BusinessDay:
    return m.business_day or contract.business_day or rules.convention


def _effective(day: date, contract: Contract, m: Milestone, rules: DeadlineRules) -> date:
    return day if rules.calendar is None else rules.calendar.adjust(day, _convention(contract, m, rules))


def _fixed(contract: Contract, m: Milestone, rules: DeadlineRules) -> tuple[Dated, ...]:
    if m.repeat is None:
        return (Dated(m.id, m.due, _effective(m.due, contract, m, rules), m.completed_on, False),)
    return tuple(
        Dated(f"{m.id}@{due.isoformat()}", due, _effective(due, contract, m, rules), m.completed.get(due), False)
        for due in occurrence_dates(m.due, m.repeat)
    )


def _resolve_chain(
    contract: Contract, start: Milestone, by_id: dict[str, Milestone], result: dict[str, tuple[Dated, ...]], rules: DeadlineRules
) -> None:
    """Resolve ``start`` after the relative milestones it hangs on, without recursion (a chain may be 2,000 long)."""
    path: list[Milestone] = []
    seen: dict[str, int] = {}  # milestone id -> position on the path
    current: Milestone | None = start
    while current is not None and current.id not in result and current.id not in seen:
        seen[current.id] = len(path)
        path.append(current)
        assert current.due_after is not None  # fixed milestones are all in result already
        current = by_id.get(anchor_of(current.due_after.anchor)[0])
    looped = seen.get(current.id, len(path)) if current is not None else len(path)  # where a cycle starts on the path
    for position in range(len(path) - 1, -1, -1):
        m = path[position]
        anchor = None if position >= looped else _anchor(m, by_id, result)
        result[m.id] = (_relative(contract, m, anchor, rules),)


def _anchor(m: Milestone, by_id: dict[str, Milestone], result: dict[str, tuple[Dated, ...]]) -> Dated | None:
    """The occurrence ``m`` is due after, or None when it names none (a finding of rules/relative.py)."""
    assert m.due_after is not None
    name, day = anchor_of(m.due_after.anchor)
    anchor = by_id.get(name)
    if anchor is None or (anchor.repeat is None) != (day is None):
        return None
    dated = result.get(name, ())
    if day is None:
        return dated[0] if dated else None
    return next((d for d in dated if d.key.endswith(day.isoformat())), None)


def _relative(contract: Contract, m: Milestone, anchor: Dated | None, rules: DeadlineRules) -> Dated:
    assert m.due_after is not None
    if anchor is not None and anchor.completed_on is not None:
        base, projected = anchor.completed_on, False
    else:  # not complete (or no anchor at all): projected, from no earlier than today
        base, projected = (anchor.due if anchor is not None else m.due), True
        if rules.today is not None:
            base = max(base, rules.today)
    written = offset(base, m.due_after.days, m.due_after.working, rules.calendar)
    return Dated(m.id, written, _effective(written, contract, m, rules), m.completed_on, projected)


def offset(base: date, days: int, working: bool, calendar: WorkCalendar | None) -> date:
    """``base`` plus ``days`` calendar days, or working days (weekends only without a calendar: a finding says so)."""
    if working:
        return (calendar or WEEKENDS_ONLY).add_working_days(base, days)
    return base + timedelta(days=days) if base <= LAST_DAY - timedelta(days=days) else LAST_DAY
