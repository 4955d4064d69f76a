"""Payments add up to at most the contract value, in the contract's currency."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pactwatch.findings import Finding
from pactwatch.model import Contract
from pactwatch.rules.site import Site


def check(contract: Contract, site: Site) -> Iterator[Finding]:
    total = Decimal(0)
    for m in contract.milestones:
        if m.currency != contract.currency:
            yield site.finding(
                "PW316",
                f"/milestones/{m.index}/currency",
                f"milestone '{m.id}' is in {m.currency} but the contract is in {contract.currency}",
                "amounts of two currencies are never added; split the contract or convert the amount",
            )
        elif m.kind == "payment" and m.amount is not None and m.status not in ("waived", "cancelled"):
            total += m.amount * (_occurrences(m) if m.repeat else 1)
    if contract.value is not None and total > contract.value.amount:
        yield site.finding(
            "PW315",
            "/value/amount",
            f"payment milestones add up to {total:,} {contract.currency}, more than the contract value {contract.value.amount:,}",
            "check the amounts, or record the value change in an amendment",
        )


def _occurrences(m: object) -> int:
    from pactwatch.dates import occurrence_dates
    from pactwatch.model import Milestone

    assert isinstance(m, Milestone) and m.repeat is not None
    return len(occurrence_dates(m.due, m.repeat))
