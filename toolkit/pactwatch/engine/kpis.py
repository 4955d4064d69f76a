"""Key performance indicators over a period, for the portfolio or any grouping.

Every figure is a count or a per-currency sum, so the KPIs of a partition
(per owner, counterparty or type) add up to the portfolio's; rates are
derived from those sums. Amounts of two currencies are never added, and neither are money we receive
and money we pay: each has its own Flow (receivable, payable: pactwatch.parties).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from pactwatch.engine.latefees import late_fee
from pactwatch.engine.records import COMPLETED_STATES, OPEN_STATES, ContractView, Evaluation, Occurrence
from pactwatch.parties import direction

AGING_BUCKETS: tuple[tuple[str, int, int | None], ...] = (("0-30", 0, 30), ("31-60", 31, 60), ("61-90", 61, 90), ("90+", 91, None))
RENEWAL_HORIZON_DAYS = 90

Amounts = dict[str, Decimal]


def _add(target: dict[str, Decimal], currency: str, amount: Decimal | None) -> None:
    if amount is not None:
        target[currency] = target.get(currency, Decimal(0)) + amount


def _aging() -> dict[str, int]:
    return {name: 0 for name, _, _ in AGING_BUCKETS}


@dataclass(slots=True)
class Flow:
    """Money in one direction: receivables (payments by them: collected, 回款) or payables (by us: paid, 付款)."""

    planned: Amounts = field(default_factory=dict)  # payments due in the period
    settled: Amounts = field(default_factory=dict)  # payments completed in the period
    settled_to_date: Amounts = field(default_factory=dict)
    value: Amounts = field(default_factory=dict)  # value of the contracts on this side (sell: receivable, buy: payable)
    overdue_amount: Amounts = field(default_factory=dict)  # payments overdue today
    aging_count: dict[str, int] = field(default_factory=_aging)
    aging_amount: dict[str, Amounts] = field(default_factory=lambda: {name: {} for name, _, _ in AGING_BUCKETS})
    late_fees: Amounts = field(default_factory=dict)  # accrued on payments overdue today or completed late in the period

    def settlement_rate(self) -> dict[str, float]:
        return {c: float(self.settled.get(c, Decimal(0)) / p) for c, p in sorted(self.planned.items()) if p > 0}

    def share_of_value(self) -> dict[str, float]:
        return {c: min(1.0, float(self.settled_to_date.get(c, Decimal(0)) / v)) for c, v in sorted(self.value.items()) if v > 0}


@dataclass(slots=True)
class Kpis:
    start: date
    end: date
    # milestones due in the period whose due date has passed, or that are done already (due today and
    # still open is not late yet: counting it would make the rate 0% on the morning things fall due);
    # waived, cancelled and notice deadlines excluded
    due: int = 0
    done_on_time: int = 0
    done_late: int = 0
    overdue: int = 0  # of those due in the period, still open
    overdue_now: int = 0  # all overdue milestones as of today
    overdue_amount: Amounts = field(default_factory=dict)  # payments overdue today, both directions
    planned: Amounts = field(default_factory=dict)  # payments due in the period, both directions
    value: Amounts = field(default_factory=dict)  # value of the contracts, either side
    receivable: Flow = field(default_factory=Flow)
    payable: Flow = field(default_factory=Flow)
    party_due: dict[str, int] = field(default_factory=lambda: {"us": 0, "them": 0})  # ``due`` by who performs (by: us / them)
    party_on_time: dict[str, int] = field(default_factory=lambda: {"us": 0, "them": 0})
    late_days: list[int] = field(default_factory=list)  # days late of late milestones due in the period
    next_notice_days: int | None = None
    renewing_value: Amounts = field(default_factory=dict)  # auto-renewing within 90 days
    due_by_baseline: int = 0  # as ``due``, by the baseline date (milestones with a baseline: engine.slippage)
    done_by_baseline: int = 0  # of those, done on or before the baseline date

    @property
    def on_time_rate(self) -> float | None:
        return self.done_on_time / self.due if self.due else None

    def party_on_time_rate(self, party: str) -> float | None:
        """The on-time rate of our milestones (``us``) or the counterparties' (``them``)."""
        due = self.party_due[party]
        return self.party_on_time[party] / due if due else None

    def flow(self, name: str) -> Flow:
        return self.receivable if name == "receivable" else self.payable

    @property
    def on_time_vs_baseline(self) -> float | None:
        """The on-time rate against the original plan: moving a due date does not make a milestone on time."""
        return self.done_by_baseline / self.due_by_baseline if self.due_by_baseline else None

    @property
    def obligation_health(self) -> float | None:
        return (self.done_on_time + self.done_late) / self.due if self.due else None

    @property
    def average_days_late(self) -> float | None:
        return sum(self.late_days) / len(self.late_days) if self.late_days else None

    @property
    def median_days_late(self) -> float | None:
        return float(statistics.median(self.late_days)) if self.late_days else None


def _count_occurrence(k: Kpis, o: Occurrence, today: date, last: date) -> None:
    """Count one occurrence (``last``: the period's last day that has come, min(end, today)).

    The hot loop of every KPI pass (a dozen passes over every occurrence in a build): fields are read once into
    locals, as the properties that delegate to the milestone cost a call each."""
    state = o.state
    if o.derived or state in ("waived", "cancelled"):
        return
    milestone = o.milestone
    payment = milestone.kind == "payment" and milestone.amount is not None
    if state == "overdue":
        k.overdue_now += 1
        if payment:
            _add(k.overdue_amount, milestone.currency, milestone.amount)
    due = o.due
    if k.start <= due <= last and (due < today or state not in OPEN_STATES):
        k.due += 1
        k.party_due[milestone.by] += 1
        if state == "done":
            k.done_on_time += 1
            k.party_on_time[milestone.by] += 1
        elif state == "done_late":
            k.done_late += 1
            k.late_days.append(o.days_late)
        elif state == "overdue":
            k.overdue += 1
            k.late_days.append(o.days_late)
    baseline = o.baseline
    if baseline is not None and k.start <= baseline <= last and (baseline < today or state not in OPEN_STATES):
        k.due_by_baseline += 1
        k.done_by_baseline += o.completed_on is not None and o.completed_on <= baseline and state in COMPLETED_STATES
    if payment:
        _count_payment(k, o)


def _count_payment(k: Kpis, o: Occurrence) -> None:
    """A payment in the totals and in the Flow of its direction."""
    assert o.amount is not None
    flow = k.receivable if direction(o.milestone) == "receivable" else k.payable
    if k.start <= o.due <= k.end:
        _add(k.planned, o.currency, o.amount)
        _add(flow.planned, o.currency, o.amount)
    if o.state == "overdue":
        _add(flow.overdue_amount, o.currency, o.amount)
        for name, low, high in AGING_BUCKETS:
            if o.days_late >= low and (high is None or o.days_late <= high):
                flow.aging_count[name] += 1
                _add(flow.aging_amount[name], o.currency, o.amount)
    in_period = o.completed_on is not None and k.start <= o.completed_on <= k.end
    if o.state == "overdue" or (o.state == "done_late" and in_period):
        _add(flow.late_fees, o.currency, late_fee(o))
    if o.completed_on is not None:
        _add(flow.settled_to_date, o.currency, o.amount)
        if in_period:
            _add(flow.settled, o.currency, o.amount)


def _count_contract(k: Kpis, view: ContractView, today: date) -> None:
    contract = view.contract
    if contract.value is not None:
        _add(k.value, contract.value.currency, contract.value.amount)
        if contract.side is not None:
            flow = k.receivable if contract.side == "sell" else k.payable
            _add(flow.value, contract.value.currency, contract.value.amount)
    notice = next((o for o in view.occurrences if o.derived and o.is_open), None)
    if notice is not None and notice.days_until is not None and notice.days_until >= 0:
        k.next_notice_days = notice.days_until if k.next_notice_days is None else min(k.next_notice_days, notice.days_until)
    term = view.current_term
    renewing = term is not None and term.auto_renew and today <= term.end <= today + timedelta(days=RENEWAL_HORIZON_DAYS)
    if renewing and contract.status == "active" and contract.value is not None:
        _add(k.renewing_value, contract.value.currency, contract.value.amount)


def _open_counts(view: ContractView) -> bool:
    """Open milestones of draft, terminated and expired contracts are not pending work (their done ones count)."""
    return view.contract.status not in ("draft", "terminated", "expired")


def compute(views: Iterable[ContractView], start: date, end: date, today: date) -> Kpis:
    """KPIs over [start, end] for the given contracts, as of ``today``."""
    k = Kpis(start, end)
    last = min(end, today)
    for view in views:
        _count_contract(k, view, today)
        open_counts = _open_counts(view)
        for o in view.occurrences:
            if open_counts or o.state not in OPEN_STATES:
                _count_occurrence(k, o, today, last)
    k.late_days.sort()
    return k


def compute_by_occurrence_owner(evaluation: Evaluation, start: date, end: date) -> dict[str, Kpis]:
    """KPIs per person: milestones by their owner, contract-level figures by the contract's owner."""
    result: dict[str, Kpis] = {}

    def of(person: str) -> Kpis:
        found = result.get(person)  # not setdefault: that built a Kpis (two Flows, eight dicts) per occurrence
        if found is None:
            found = result[person] = Kpis(start, end)
        return found

    today = evaluation.today
    last = min(end, today)
    for view in evaluation.contracts.values():
        _count_contract(of(view.contract.owner), view, today)
        open_counts = _open_counts(view)
        for o in view.occurrences:
            if open_counts or o.state not in OPEN_STATES:
                _count_occurrence(of(o.milestone.owner), o, today, last)
    for k in result.values():
        k.late_days.sort()
    return dict(sorted(result.items()))


Grouping = Callable[[ContractView], str]
GROUPINGS: Mapping[str, Grouping] = {
    "owner": lambda v: v.contract.owner,
    "counterparty": lambda v: v.contract.counterparty.name,
    "type": lambda v: v.contract.type,
}


def compute_by(evaluation: Evaluation, by: str, start: date, end: date) -> dict[str, Kpis]:
    """KPIs per contract owner, counterparty or type (a partition of the contracts)."""
    groups: dict[str, list[ContractView]] = defaultdict(list)
    for view in evaluation.contracts.values():
        groups[GROUPINGS[by](view)].append(view)
    return {name: compute(views, start, end, evaluation.today) for name, views in sorted(groups.items())}


def period_bounds(today: date, period: str) -> tuple[date, date]:
    """The ISO week (Monday..Sunday) or calendar month containing ``today``."""
    if period == "week":
        start = today - timedelta(days=today.weekday())
        return start, start + timedelta(days=6)
    start = today.replace(day=1)
    following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start, following - timedelta(days=1)
