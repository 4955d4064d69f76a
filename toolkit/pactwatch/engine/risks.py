"""Risk signals: a counterparty that keeps paying us late or missing its milestones, our payments overdue,
a notice window closing, escalations, concentration of receivables or payables."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal

from pactwatch.catalogue import msg
from pactwatch.engine.latefees import late_fee
from pactwatch.engine.records import Occurrence, Risk
from pactwatch.engine.slippage import slipping
from pactwatch.history.records import PlanHistory
from pactwatch.i18n import escalation_message, format_money, format_share
from pactwatch.model import Person, Settings
from pactwatch.naming import person_name
from pactwatch.parties import DIRECTIONS, direction

_CLOSED_OR_LATE = frozenset({"done", "done_late", "overdue"})


def _by_counterparty(occurrences: Iterable[Occurrence]) -> dict[str, list[Occurrence]]:
    groups: dict[str, list[Occurrence]] = defaultdict(list)
    for o in occurrences:
        if not o.derived:
            groups[o.contract.counterparty.name].append(o)
    return groups


def repeated_delays(groups: Mapping[str, Sequence[Occurrence]], settings: Settings) -> Iterable[Risk]:
    """The latest run of the counterparty's own late milestones (``by: them``; done late or overdue, by due date)."""
    threshold = settings.risk.consecutive_delays
    for name, items in sorted(groups.items()):
        theirs = (o for o in items if o.milestone.by == "them" and o.state in _CLOSED_OR_LATE)
        settled = sorted(theirs, key=lambda o: (o.due, o.ref))
        streak: list[Occurrence] = []
        for o in reversed(settled):
            if o.state == "done":
                break
            streak.append(o)
        if len(streak) >= threshold:
            streak.reverse()
            yield Risk(
                kind="repeated_delays",
                subject_type="counterparty",
                subject=name,
                severity="high" if len(streak) >= 2 * threshold else "medium",
                detail=msg("risk.repeated_delays", subject=name, count=len(streak)),
                evidence=tuple(o.ref for o in streak),
                contract_ids=tuple(sorted({o.contract.id for o in streak})),
            )


def slow_payment(groups: Mapping[str, Sequence[Occurrence]], settings: Settings) -> Iterable[Risk]:
    """Customers whose average delay in paying us is far above the median of our receivables (our own payments are not theirs)."""
    delays = {name: [o.days_late for o in items if _receivable(o) and o.state in _CLOSED_OR_LATE] for name, items in groups.items()}
    every = [d for values in delays.values() for d in values]
    if not every:
        return
    median = statistics.median(every)
    factor, minimum = float(settings.risk.slow_payment_factor), settings.risk.slow_payment_min_days
    for name, values in sorted(delays.items()):
        average = sum(values) / len(values) if values else 0.0
        if values and average > factor * median and average >= minimum:
            yield Risk(
                kind="slow_payment",
                subject_type="counterparty",
                subject=name,
                severity="high" if average >= 2 * max(factor * median, minimum) else "medium",
                detail=msg("risk.slow_payment", subject=name, average=f"{average:.1f}", median=f"{median:g}"),
                evidence=tuple(sorted(o.ref for o in groups[name] if _receivable(o) and o.days_late > 0)),
                contract_ids=tuple(sorted({o.contract.id for o in groups[name] if _receivable(o)})),
            )


def _receivable(o: Occurrence) -> bool:
    return direction(o.milestone) == "receivable"


def late_payables(occurrences: Iterable[Occurrence]) -> Iterable[Risk]:
    """Per contract, our payments overdue: the amount we owe late and the late fee it has accrued (our exposure)."""
    by_contract: dict[str, list[Occurrence]] = defaultdict(list)
    for o in occurrences:
        if o.state == "overdue" and not o.derived and direction(o.milestone) == "payable":
            by_contract[o.contract.id].append(o)
    for contract_id, items in sorted(by_contract.items()):
        currencies = sorted({o.currency for o in items})
        amount = " + ".join(
            format_money(sum((o.amount or Decimal(0) for o in items if o.currency == c), Decimal(0)), c) for c in currencies
        )
        fees = {c: sum((late_fee(o) or Decimal(0) for o in items if o.currency == c), Decimal(0)) for c in currencies}
        fee = " + ".join(format_money(v, c) for c, v in fees.items() if v > 0) or "—"
        worst = max(o.days_late for o in items)
        yield Risk(
            kind="late_payables",
            subject_type="contract",
            subject=contract_id,
            severity="high" if worst > 30 else "medium",
            detail=msg("risk.late_payables", subject=contract_id, count=len(items), amount=amount, fee=fee, days=worst),
            evidence=tuple(o.ref for o in items),
            contract_ids=(contract_id,),
            person=items[0].contract.owner,
        )


def notice_window(notices: Iterable[Occurrence], settings: Settings) -> Iterable[Risk]:
    for o in notices:
        if o.contract.term is None or not o.contract.term.auto_renew or not o.is_open or o.days_until is None:
            continue
        if 0 <= o.days_until <= settings.risk.notice_window_days:
            yield Risk(
                kind="notice_window",
                subject_type="contract",
                subject=o.contract.id,
                severity="high" if o.days_until <= 7 else "medium",
                detail=msg("risk.notice_window", subject=o.contract.id, deadline=o.due.isoformat(), count=o.days_until),
                evidence=(o.ref,),
                contract_ids=(o.contract.id,),
                person=o.contract.owner,
            )


def escalations(occurrences: Iterable[Occurrence], people: Mapping[str, Person], settings: Settings) -> Iterable[Risk]:
    """Milestones overdue for longer than escalate_after_days (an acknowledged delay is not escalated)."""
    for o in occurrences:
        if o.state != "overdue" or o.acknowledged or o.days_late <= settings.escalate_after_days:
            continue
        owner = people.get(o.owner)
        manager = owner.manager if owner is not None else None
        yield Risk(
            kind="escalation",
            subject_type="milestone",
            subject=o.ref,
            severity="high" if o.days_late > 4 * settings.escalate_after_days else "medium",
            detail=escalation_message(o.ref, o.days_late, person_name(o.owner, people), manager and person_name(manager, people)),
            evidence=(o.ref,),
            contract_ids=(o.contract.id,),
            person=manager,
        )


def concentration(occurrences: Sequence[Occurrence], settings: Settings) -> Iterable[Risk]:
    """A customer holding more than concentration_share of the open receivables, a supplier of the open payables (per currency)."""
    for flow in DIRECTIONS:
        yield from _concentration(occurrences, settings, flow)


def _concentration(occurrences: Sequence[Occurrence], settings: Settings, flow: str) -> Iterable[Risk]:
    totals: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for o in occurrences:
        if o.is_open and o.amount is not None and not o.derived and direction(o.milestone) == flow:
            totals[o.currency][o.contract.counterparty.name] += o.amount
    for currency, by_name in sorted(totals.items()):
        whole = sum(by_name.values(), Decimal(0))
        if len(by_name) < 2 or whole <= 0:
            continue
        for name, amount in sorted(by_name.items()):
            share = amount / whole
            if share > settings.risk.concentration_share:
                yield Risk(
                    kind="concentration",
                    subject_type="counterparty",
                    subject=name,
                    severity="medium" if share < Decimal("0.6") else "high",
                    detail=msg(
                        f"risk.concentration.{flow}",
                        subject=name,
                        share=format_share(float(share)),
                        currency=currency,
                        amount=f"{amount:,.2f}",
                        total=f"{whole:,.2f}",
                    ),
                    contract_ids=tuple(
                        sorted(
                            {o.contract.id for o in occurrences if o.contract.counterparty.name == name and direction(o.milestone) == flow}
                        )
                    ),
                )


def assess(
    occurrences: Sequence[Occurrence],
    notices: Sequence[Occurrence],
    people: Mapping[str, Person],
    settings: Settings,
    today: date,
    history: PlanHistory | None = None,
) -> list[Risk]:
    del today  # every signal is read off the occurrences, which were evaluated for today
    groups = _by_counterparty(occurrences)
    risks = [
        *repeated_delays(groups, settings),
        *slow_payment(groups, settings),
        *late_payables(occurrences),
        *notice_window(notices, settings),
        *escalations(occurrences, people, settings),
        *concentration(occurrences, settings),
        *slipping(occurrences, history, settings),
    ]
    order = {"high": 0, "medium": 1, "low": 2}
    return sorted(risks, key=lambda r: (order[r.severity], r.kind, r.subject))
