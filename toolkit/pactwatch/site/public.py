"""``--public``: the portfolio as a site published beyond the company may show it.

Confidential contracts are left out entirely; amounts, values, documents, key
terms, evidence and amendment summaries are dropped (free text there often
carries prices). Done on the model before evaluation, so no page, chart or
KPI can show what is not there.
"""

from __future__ import annotations

from dataclasses import replace

from pactwatch.model import Ack, Amendment, Contract, Milestone, Portfolio


def _milestone(milestone: Milestone) -> Milestone:
    ack = Ack(milestone.ack.until, "") if milestone.ack is not None else None
    return milestone._replace(amount=None, evidence=None, ack=ack)


def _contract(contract: Contract) -> Contract:
    return replace(
        contract,
        value=None,
        documents=(),
        terms=(),
        amendments=tuple(Amendment(a.id, a.date, "") for a in contract.amendments),
        milestones=tuple(_milestone(m) for m in contract.milestones),
    )


def redact(portfolio: Portfolio) -> Portfolio:
    """The portfolio without confidential contracts, amounts, documents, terms and free-text details."""
    contracts = tuple(_contract(c) for c in portfolio.contracts if not c.confidential)
    return replace(portfolio, contracts=contracts)
