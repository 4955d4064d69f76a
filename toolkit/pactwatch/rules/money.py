"""Payments add up to at most the contract value, in the contract's currency."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pactwatch.catalogue import msg
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
                msg("finding.currency_mismatch", milestone=m.id, currency=m.currency, contract_currency=contract.currency),
                msg("finding.hint.one_currency"),
            )
        elif m.kind == "payment" and m.amount is not None and m.status not in ("waived", "cancelled"):
            total += m.amount * (_occurrences(m) if m.repeat else 1)
    if contract.value is not None and total > contract.value.amount:
        yield site.finding(
            "PW315",
            "/value/amount",
            msg("finding.payments_exceed_value", total=f"{total:,}", currency=contract.currency, value=f"{contract.value.amount:,}"),
            msg("finding.hint.check_amounts"),
        )


def _occurrences(m: object) -> int:
    from pactwatch.dates import occurrence_dates
    from pactwatch.model import Milestone

    assert isinstance(m, Milestone) and m.repeat is not None
    return len(occurrence_dates(m.due, m.repeat))
