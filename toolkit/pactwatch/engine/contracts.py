"""Per-contract views: health, progress, next milestone, current term."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from pactwatch.engine.records import COMPLETED_STATES, ContractView, Health, Occurrence, Progress
from pactwatch.model import Contract, Term

# Open milestones of contracts in these statuses are not pending work: a draft is not signed yet,
# a terminated or expired contract will not be performed.
INACTIVE_STATUSES = frozenset({"draft", "terminated", "expired"})


def progress(occurrences: Iterable[Occurrence]) -> Progress:
    done = total = 0
    collected: dict[str, Decimal] = defaultdict(Decimal)
    planned: dict[str, Decimal] = defaultdict(Decimal)
    for o in occurrences:
        if o.derived or o.state == "cancelled":
            continue
        total += 1
        if o.state in COMPLETED_STATES or o.state == "waived":
            done += 1
        if o.kind == "payment" and o.amount is not None and o.state != "waived":
            planned[o.currency] += o.amount
            if o.state in COMPLETED_STATES:
                collected[o.currency] += o.amount
    return Progress(done, total, dict(sorted(collected.items())), dict(sorted(planned.items())))


def health(contract: Contract, occurrences: Sequence[Occurrence], flagged: bool) -> Health:
    if contract.status == "active":
        if any(o.state == "overdue" for o in occurrences):
            return "overdue"
        if flagged or any(o.state == "due_soon" for o in occurrences):
            return "at_risk"
        return "on_track"
    if contract.status == "draft":
        return "draft"
    return contract.status


def view(
    contract: Contract,
    occurrences: Sequence[Occurrence],
    term: Term | None,
    notice: Occurrence | None,
    flagged: bool,
) -> ContractView:
    prog = progress(occurrences)
    share = None
    if contract.value is not None and contract.value.amount > 0:
        share = float(prog.collected.get(contract.currency, Decimal(0)) / contract.value.amount)
    open_ones = [o for o in occurrences if o.is_open]
    return ContractView(
        contract=contract,
        health=health(contract, occurrences, flagged),
        progress=prog,
        collected_share=share,
        next_open=min(open_ones, key=lambda o: (o.due, o.key), default=None),
        current_term=term,
        notice_deadline=notice.due if notice is not None else None,
        occurrences=tuple(sorted(occurrences, key=lambda o: (o.due, o.key))),
    )
