"""Which reminders fire on a day, and for whom."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pactwatch.engine import evaluate, reminders
from pactwatch.model import Settings
from tests.engine.factories import D, contract, milestone, portfolio

DUE = D("2026-12-10")


@pytest.mark.parametrize(
    ("days_before", "fires"), [(8, False), (7, True), (6, False), (3, True), (1, False), (0, True), (-1, True), (-2, False)]
)
def test_default_7_3_0_and_overdue_the_next_day(days_before: int, fires: bool) -> None:
    today = DUE - timedelta(days=days_before)
    ev = evaluate(portfolio(contract(milestones=(milestone("M1", "2026-12-10", owner="cy"),))), today)
    found = reminders.firing(ev.occurrences, today, Settings())
    assert bool(found) is fires
    if fires:
        assert (found[0].person, found[0].days_before) == ("cy", days_before)


def test_remind_days_override_settings_and_done_ones_are_quiet() -> None:
    c = contract(
        milestones=(
            milestone("M1", "2026-12-10", remind_days=(14,)),
            milestone("M2", "2026-12-24", status="done", completed_on=D("2026-11-26")),
        )
    )
    today = date(2026, 11, 26)
    ev = evaluate(portfolio(c), today)
    assert [(r.occurrence.key, r.days_before) for r in reminders.firing(ev.occurrences, today, Settings())] == [("M1", 14)]
