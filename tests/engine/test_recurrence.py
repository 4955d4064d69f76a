"""Recurring milestones: month ends clamp and never drift; completions per occurrence."""

from __future__ import annotations

import pytest

from pactwatch.dates import add_months, occurrence_dates
from pactwatch.engine import evaluate
from pactwatch.model import Repeat
from tests.engine.factories import D, contract, milestone, portfolio


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2026-01-31", 1, "2026-02-28"),
        ("2028-01-31", 1, "2028-02-29"),
        ("2026-01-31", 2, "2026-03-31"),
        ("2026-08-31", 1, "2026-09-30"),
        ("2026-11-30", 3, "2027-02-28"),
        ("2026-12-15", 1, "2027-01-15"),
        ("2026-03-31", -1, "2026-02-28"),
    ],
)
def test_add_months(start: str, months: int, expected: str) -> None:
    assert add_months(D(start), months) == D(expected)


def test_month_ends_never_drift() -> None:
    dates = occurrence_dates(D("2026-01-31"), Repeat(1, "month", count=6))
    assert [d.isoformat() for d in dates] == ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"]


@pytest.mark.parametrize(
    ("repeat", "expected"),
    [
        (Repeat(1, "week", count=3), ["2026-05-31", "2026-06-07", "2026-06-14"]),
        (Repeat(10, "day", until=D("2026-06-20")), ["2026-05-31", "2026-06-10", "2026-06-20"]),
        (Repeat(1, "quarter", until=D("2027-01-01")), ["2026-05-31", "2026-08-31", "2026-11-30"]),
        (Repeat(1, "year", count=2), ["2026-05-31", "2027-05-31"]),
        (Repeat(1, "month", until=D("2026-05-30")), []),
    ],
)
def test_units(repeat: Repeat, expected: list[str]) -> None:
    assert [d.isoformat() for d in occurrence_dates(D("2026-05-31"), repeat)] == expected


def test_occurrence_states_and_ids() -> None:
    m = milestone(
        "R1",
        "2026-08-31",
        kind="report",
        repeat=Repeat(1, "month", count=5),
        completed={D("2026-09-30"): D("2026-09-29"), D("2026-10-31"): D("2026-11-03")},
    )
    ev = evaluate(portfolio(contract(milestones=(m,))), D("2026-11-27"))
    assert [(o.key, o.state, o.days_late) for o in ev.occurrences] == [
        ("R1@2026-08-31", "overdue", 88),
        ("R1@2026-09-30", "done", 0),
        ("R1@2026-10-31", "done_late", 3),
        ("R1@2026-11-30", "due_soon", 0),
        ("R1@2026-12-31", "upcoming", 0),
    ]


def test_cancelled_series_cancels_every_occurrence() -> None:
    m = milestone("R1", "2026-09-30", repeat=Repeat(1, "month", count=3), status="cancelled")
    ev = evaluate(portfolio(contract(milestones=(m,))), D("2026-11-27"))
    assert {o.state for o in ev.occurrences} == {"cancelled"}
