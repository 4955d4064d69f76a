"""Milestone states on a given day, and the expansion of recurring milestones."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from pactwatch.dates import occurrence_dates
from pactwatch.engine.deadlines import DeadlineRules, schedule
from pactwatch.engine.records import Occurrence, State
from pactwatch.model import Contract, Milestone, MilestoneStatus


def classify(
    status: MilestoneStatus, due: date, completed_on: date | None, today: date, due_soon_days: int
) -> tuple[State, int, int | None]:
    """(state, days_late, days_until) of one occurrence: exactly one state per day."""
    if status == "waived":
        return "waived", 0, None
    if status == "cancelled":
        return "cancelled", 0, None
    if completed_on is not None:
        late = (completed_on - due).days
        return ("done_late", late, None) if late > 0 else ("done", 0, None)
    until = (due - today).days
    if until < 0:
        return "overdue", -until, until
    if until <= due_soon_days:
        return "due_soon", 0, until
    return "upcoming", 0, until


def _satisfied(milestone: Milestone) -> bool:
    if milestone.status in ("done", "waived"):
        return True
    if milestone.repeat is not None:
        return milestone.status != "cancelled" and len(milestone.completed) >= len(occurrence_dates(milestone.due, milestone.repeat))
    return False


def blocked_ids(contract: Contract) -> frozenset[str]:
    """Milestones some of whose dependencies are not done (or waived)."""
    needed = {d for m in contract.milestones for d in m.depends_on}
    if not needed:
        return frozenset()
    satisfied = {m.id for m in contract.milestones if m.id in needed and _satisfied(m)}
    return frozenset(m.id for m in contract.milestones if m.depends_on and not satisfied.issuperset(m.depends_on))


def occurrences(contract: Contract, today: date, due_soon_days: int, rules: DeadlineRules | None = None) -> list[Occurrence]:
    """Every occurrence of every milestone of the contract, as of ``today``, on their effective due dates."""
    if rules is not None and not rules.plain(contract):
        return _scheduled(contract, today, due_soon_days, rules)
    blocked = blocked_ids(contract)
    result: list[Occurrence] = []
    for m in contract.milestones:
        ack_until = m.ack.until if m.ack is not None else None
        is_blocked = m.id in blocked
        if m.repeat is None:
            schedule: Iterable[tuple[str, date, date | None]] = ((m.id, m.due, m.completed_on),)
        else:
            schedule = ((f"{m.id}@{due.isoformat()}", due, m.completed.get(due)) for due in occurrence_dates(m.due, m.repeat))
        for key, due, completed_on in schedule:
            state, days_late, days_until = classify(m.status, due, completed_on, today, due_soon_days)
            result.append(
                Occurrence(
                    contract,
                    m,
                    key,
                    due,
                    completed_on,
                    state,
                    days_late,
                    days_until,
                    is_blocked and days_until is not None,  # blocked: open and waiting on a dependency
                    state == "overdue" and ack_until is not None and ack_until >= today,  # acknowledged
                )
            )
    return result


def _scheduled(contract: Contract, today: date, due_soon_days: int, rules: DeadlineRules) -> list[Occurrence]:
    """occurrences() where conventions or relative deadlines apply: the dates come from engine/deadlines.py."""
    blocked = blocked_ids(contract)
    dated = schedule(contract, rules)
    result: list[Occurrence] = []
    for m in contract.milestones:
        ack_until = m.ack.until if m.ack is not None else None
        for d in dated[m.id]:
            state, days_late, days_until = classify(m.status, d.due, d.completed_on, today, due_soon_days)
            acknowledged = state == "overdue" and ack_until is not None and ack_until >= today
            written = d.written if d.written != d.due else None
            blocked_now = m.id in blocked and days_until is not None
            result.append(
                Occurrence(
                    contract,
                    m,
                    d.key,
                    d.due,
                    d.completed_on,
                    state,
                    days_late,
                    days_until,
                    blocked_now,
                    acknowledged,
                    False,
                    written,
                    d.projected,
                )
            )
    return result
