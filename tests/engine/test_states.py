"""Every state boundary, as a table."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.engine import evaluate
from pactwatch.engine.states import classify
from tests.engine.factories import D, contract, milestone, portfolio

TODAY = D("2026-11-27")

CASES = [
    # status, due, completed_on, today, expected (state, days_late, days_until)
    ("pending", "2026-11-27", None, "2026-11-27", ("due_soon", 0, 0)),  # due today
    ("pending", "2026-11-26", None, "2026-11-27", ("overdue", 1, -1)),  # due yesterday
    ("pending", "2026-12-04", None, "2026-11-27", ("due_soon", 0, 7)),  # last day of the window
    ("pending", "2026-12-05", None, "2026-11-27", ("upcoming", 0, 8)),  # first day after it
    ("in_progress", "2026-11-01", None, "2026-11-27", ("overdue", 26, -26)),
    ("done", "2026-11-20", "2026-11-20", "2026-11-27", ("done", 0, None)),  # completed on the due date
    ("done", "2026-11-20", "2026-11-19", "2026-11-27", ("done", 0, None)),  # early
    ("done", "2026-11-20", "2026-11-21", "2026-11-27", ("done_late", 1, None)),  # a day late
    ("waived", "2026-01-01", None, "2026-11-27", ("waived", 0, None)),
    ("cancelled", "2026-01-01", None, "2026-11-27", ("cancelled", 0, None)),
    ("pending", "2028-02-29", None, "2028-02-28", ("due_soon", 0, 1)),  # leap day
    ("pending", "2028-02-29", None, "2028-03-01", ("overdue", 1, -1)),
    ("pending", "2026-12-31", None, "2027-01-01", ("overdue", 1, -1)),  # year end
]


@pytest.mark.parametrize(("status", "due", "completed", "today", "expected"), CASES)
def test_classify(status: str, due: str, completed: str | None, today: str, expected: tuple[str, int, int | None]) -> None:
    assert classify(status, D(due), D(completed) if completed else None, D(today), 7) == expected  # type: ignore[arg-type]


def test_due_soon_window_comes_from_settings() -> None:
    assert classify("pending", D("2026-12-01"), None, TODAY, 3)[0] == "upcoming"
    assert classify("pending", D("2026-11-30"), None, TODAY, 3)[0] == "due_soon"
    assert classify("pending", D("2026-11-27"), None, TODAY, 0)[0] == "due_soon"


def test_blocked_until_dependencies_are_done() -> None:
    c = contract(milestones=(milestone("M1", "2026-12-10"), milestone("M2", "2026-12-20", depends_on=("M1",))))
    ev = evaluate(portfolio(c), TODAY)
    assert {o.key: o.blocked for o in ev.occurrences} == {"M1": False, "M2": True}
    done = contract(
        milestones=(
            milestone("M1", "2026-11-10", status="done", completed_on=D("2026-11-09")),
            milestone("M2", "2026-12-20", depends_on=("M1",)),
        )
    )
    assert not evaluate(portfolio(done), TODAY).occurrences[-1].blocked


def test_acknowledged_until_the_ack_passes() -> None:
    from pactwatch.model import Ack

    c = contract(milestones=(milestone("M1", "2026-11-01", ack=Ack(D("2026-12-15"), "agreed")),))
    (o,) = evaluate(portfolio(c), TODAY).occurrences
    assert (o.state, o.acknowledged) == ("overdue", True)
    (later,) = evaluate(portfolio(c), D("2026-12-16")).occurrences
    assert (later.state, later.acknowledged) == ("overdue", False)


def test_open_milestones_of_inactive_contracts_are_not_listed() -> None:
    items = (milestone("M1", "2026-11-01"), milestone("M2", "2026-10-01", status="done", completed_on=D("2026-10-01")))
    ev = evaluate(portfolio(contract("C-1", items, status="terminated"), contract("C-2", items, status="draft")), TODAY)
    assert [(o.contract.id, o.key) for o in ev.occurrences] == [("C-1", "M2"), ("C-2", "M2")]
    assert ev.contracts["C-1"].health == "terminated" and ev.contracts["C-2"].health == "draft"


def test_occurrences_are_sorted_by_due_contract_key() -> None:
    ev = evaluate(
        portfolio(
            contract("B", (milestone("M1", "2026-12-01"),)), contract("A", (milestone("M2", "2026-12-01"), milestone("M1", "2026-11-01")))
        ),
        TODAY,
    )
    assert [o.ref for o in ev.occurrences] == ["A/M1", "A/M2", "B/M1"]


@pytest.mark.parametrize(
    ("today", "health"),
    [(date(2026, 11, 1), "on_track"), (date(2026, 11, 25), "at_risk"), (date(2026, 12, 2), "overdue")],
)
def test_health(today: date, health: str) -> None:
    c = contract(milestones=(milestone("M1", "2026-12-01"),))
    assert evaluate(portfolio(c), today).contracts["C-1"].health == health
