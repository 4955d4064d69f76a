"""KPIs on a small hand-made portfolio."""

from __future__ import annotations

from decimal import Decimal

from pactwatch.engine import evaluate, kpis
from pactwatch.model import Money
from tests.engine.factories import D, contract, milestone, portfolio, term

TODAY = D("2026-11-27")


def test_month_kpis() -> None:
    c = contract(
        milestones=(
            milestone("M1", "2026-11-05", amount=Decimal(100), status="done", completed_on=D("2026-11-05")),
            milestone("M2", "2026-11-10", amount=Decimal(200), status="done", completed_on=D("2026-11-20")),
            milestone("M3", "2026-11-20", amount=Decimal(300)),
            milestone("M4", "2026-11-29", amount=Decimal(400)),  # due later this month: not yet counted as due
            milestone("M5", "2026-07-01", amount=Decimal(50)),  # overdue 149 days, outside the period
            milestone("M6", "2026-11-12", kind="report", status="waived"),
        ),
        value=Money(Decimal(2000), "CNY"),
    )
    start, end = kpis.period_bounds(TODAY, "month")
    k = kpis.compute(evaluate(portfolio(c), TODAY).contracts.values(), start, end, TODAY)
    assert (start, end) == (D("2026-11-01"), D("2026-11-30"))
    assert (k.due, k.done_on_time, k.done_late, k.overdue, k.overdue_now) == (3, 1, 1, 1, 2)
    assert k.on_time_rate == 1 / 3 and k.obligation_health == 2 / 3
    r = k.receivable  # a sales contract: every payment is theirs to make (collected, 回款)
    assert k.planned == r.planned == {"CNY": Decimal(1000)} and r.settled == {"CNY": Decimal(300)}
    assert r.settlement_rate() == {"CNY": 0.3}
    assert r.share_of_value() == {"CNY": 0.15}
    assert k.late_days == [7, 10] and k.average_days_late == 8.5 and k.median_days_late == 8.5
    assert r.aging_count == {"0-30": 1, "31-60": 0, "61-90": 0, "90+": 1}
    assert r.aging_amount["90+"] == {"CNY": Decimal(50)}
    assert k.payable.planned == {} and k.payable.settled == {} and k.payable.aging_count["90+"] == 0
    assert k.overdue_amount == {"CNY": Decimal(350)}


def test_currencies_are_never_added() -> None:
    a = contract("A", (milestone("M1", "2026-11-05", amount=Decimal(100), status="done", completed_on=D("2026-11-05")),))
    b = contract(
        "B",
        (milestone("M1", "2026-11-05", amount=Decimal(7), currency="USD", status="done", completed_on=D("2026-11-05")),),
        currency="USD",
        value=Money(Decimal(10), "USD"),
    )
    k = kpis.compute(evaluate(portfolio(a, b), TODAY).contracts.values(), D("2026-11-01"), D("2026-11-30"), TODAY)
    assert k.receivable.settled == {"CNY": Decimal(100), "USD": Decimal(7)}


def test_notice_and_renewing_value() -> None:
    c = contract(
        term=term("2025-02-16", "2027-02-15", auto_renew=True, renewal_months=12, notice_days=60), value=Money(Decimal(5000), "CNY")
    )
    k = kpis.compute(evaluate(portfolio(c), TODAY).contracts.values(), D("2026-11-01"), D("2026-11-30"), TODAY)
    assert k.next_notice_days == 20 and k.renewing_value == {"CNY": Decimal(5000)}


def test_week_bounds() -> None:
    assert kpis.period_bounds(D("2026-11-27"), "week") == (D("2026-11-23"), D("2026-11-29"))
    assert kpis.period_bounds(D("2026-12-31"), "month") == (D("2026-12-01"), D("2026-12-31"))


def test_on_time_rate_counts_only_milestones_whose_due_date_has_passed() -> None:
    """On the morning two payments fall due, nothing is late: the rate is not 0% (0/2)."""
    first = D("2026-11-02")
    c = contract(
        milestones=(
            milestone("M1", "2026-11-02", amount=Decimal(100)),
            milestone("M2", "2026-11-02", kind="report"),
            milestone("M3", "2026-11-02", status="done", completed_on=first),  # done on its day: counted, on time
        ),
    )
    start, end = kpis.period_bounds(first, "month")
    k = kpis.compute(evaluate(portfolio(c), first).contracts.values(), start, end, first)
    assert (k.due, k.done_on_time, k.overdue) == (1, 1, 0) and k.on_time_rate == 1.0
    later = D("2026-11-03")  # the next day they are late
    k = kpis.compute(evaluate(portfolio(c), later).contracts.values(), start, end, later)
    assert (k.due, k.done_on_time, k.overdue) == (3, 1, 2)
