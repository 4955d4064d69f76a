"""Hypothesis: invariants of the engine for generated portfolios and days."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from pactwatch.dates import occurrence_dates
from pactwatch.engine import STATES, evaluate, kpis
from pactwatch.engine.states import classify
from pactwatch.model import Contract, Counterparty, Milestone, Money, Repeat
from tests.engine.factories import contract, portfolio

days = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))
statuses = st.sampled_from(["pending", "in_progress", "done", "waived", "cancelled"])


@st.composite
def milestones(draw: st.DrawFn, index: int) -> Milestone:
    due = draw(days)
    status = draw(statuses)
    repeat = draw(
        st.none()
        | st.builds(
            Repeat, every=st.integers(1, 3), unit=st.sampled_from(["day", "week", "month", "quarter", "year"]), count=st.integers(1, 6)
        )
    )
    completed: dict[date, date] = {}
    completed_on = None
    if repeat is not None:
        status = draw(st.sampled_from(["pending", "cancelled"]))
        for d in occurrence_dates(due, repeat):
            if draw(st.booleans()):
                completed[d] = d + timedelta(days=draw(st.integers(-5, 40)))
    elif status == "done":
        completed_on = due + timedelta(days=draw(st.integers(-10, 60)))
    return Milestone(
        id=f"M{index}",
        title="t",
        kind=draw(st.sampled_from(["payment", "delivery", "report", "acceptance"])),
        due=due,
        owner=draw(st.sampled_from(["ann", "bob", "cy"])),
        currency="CNY",
        amount=Decimal(draw(st.integers(0, 10_000))),
        status=status,  # type: ignore[arg-type]
        completed_on=completed_on,
        repeat=repeat,
        completed=completed,
        index=index,
        by=draw(st.sampled_from(["us", "them"])),
    )


@st.composite
def contracts(draw: st.DrawFn, index: int) -> Contract:
    items = tuple(draw(milestones(i)) for i in range(draw(st.integers(0, 5))))
    return contract(
        f"C-{index}",
        items,
        owner=draw(st.sampled_from(["ann", "bob", "cy"])),
        counterparty=Counterparty(draw(st.sampled_from(["A", "B", "C"]))),
        type=draw(st.sampled_from(["sales", "purchase", "lease"])),
        side=draw(st.sampled_from([None, "sell", "buy"])),
        keep_by=draw(st.booleans()),  # some milestones say by: explicitly (a refund we pay on a sale)
        status=draw(st.sampled_from(["active", "active", "completed", "draft"])),
        value=Money(Decimal(draw(st.integers(1, 100_000))), "CNY"),
    )


portfolios = st.integers(1, 6).flatmap(lambda n: st.tuples(*[contracts(i) for i in range(n)])).map(lambda cs: portfolio(*cs))


@given(st.sampled_from(["pending", "in_progress", "done", "waived", "cancelled"]), days, st.none() | days, days, st.integers(0, 30))
def test_exactly_one_state_and_done_late_iff_completed_after_due(
    status: str, due: date, completed: date | None, today: date, window: int
) -> None:
    state, days_late, days_until = classify(status, due, completed, today, window)  # type: ignore[arg-type]
    assert state in STATES
    if status not in ("waived", "cancelled") and completed is not None:
        assert (state == "done_late") == (completed > due)
    assert days_late >= 0
    assert (days_late > 0) == (state in ("done_late", "overdue"))
    assert (days_until is not None) == (state in ("overdue", "due_soon", "upcoming"))


@settings(max_examples=60, deadline=None)
@given(portfolios, days)
def test_kpis_partition_and_bounds(p: object, today: date) -> None:
    ev = evaluate(p, today)  # type: ignore[arg-type]
    assert Counter(o.ref for o in ev.occurrences).most_common(1)[0][1] == 1 if ev.occurrences else True
    for period in ("week", "month"):
        start, end = kpis.period_bounds(today, period)
        whole = kpis.compute(ev.contracts.values(), start, end, today)
        flows = (whole.receivable, whole.payable)
        rates = [v for f in flows for v in (*f.settlement_rate().values(), *f.share_of_value().values())]
        for share in (whole.on_time_rate, whole.obligation_health, *rates):
            assert share is None or 0 <= share <= 1
        _assert_directions_partition(whole)
        for by in ("owner", "counterparty", "type"):
            _assert_sums(whole, list(kpis.compute_by(ev, by, start, end).values()))
        _assert_sums(whole, list(kpis.compute_by_occurrence_owner(ev, start, end).values()))


def _assert_sums(whole: kpis.Kpis, parts: list[kpis.Kpis]) -> None:
    for name in ("due", "done_on_time", "done_late", "overdue", "overdue_now"):
        assert sum(getattr(k, name) for k in parts) == getattr(whole, name), name
    for name in ("planned", "overdue_amount", "value", "renewing_value"):
        assert _sum(getattr(k, name) for k in parts) == getattr(whole, name), name
    for flow in ("receivable", "payable"):
        for name in ("planned", "settled", "settled_to_date", "overdue_amount", "late_fees", "value"):
            assert _sum(getattr(k.flow(flow), name) for k in parts) == getattr(whole.flow(flow), name), (flow, name)
    assert sorted(d for k in parts for d in k.late_days) == whole.late_days


def _sum(maps: Iterable[Mapping[str, Decimal]]) -> dict[str, Decimal]:
    total: dict[str, Decimal] = {}
    for amounts in maps:
        for currency, amount in amounts.items():
            total[currency] = total.get(currency, Decimal(0)) + amount
    return total


def _assert_directions_partition(k: kpis.Kpis) -> None:
    """Receivables and payables split the old mixed totals: nothing counted twice, nothing lost (issue #14)."""
    r, p = k.receivable, k.payable
    assert _sum((r.planned, p.planned)) == k.planned and _sum((r.overdue_amount, p.overdue_amount)) == k.overdue_amount
    for bucket in r.aging_count:
        assert r.aging_count[bucket] + p.aging_count[bucket] <= k.overdue_now
    assert sum(k.party_due.values()) == k.due and sum(k.party_on_time.values()) == k.done_on_time


@settings(max_examples=60, deadline=None)
@given(portfolios, days)
def test_occurrences_come_sorted_by_due_then_contract_then_key(p: object, today: date) -> None:
    listed = evaluate(p, today).occurrences  # type: ignore[arg-type]
    assert list(listed) == sorted(listed, key=lambda o: (o.due, o.contract.id, o.key))
