"""Small builders of model records for engine tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from pactwatch.model import Contract, Counterparty, Milestone, Money, Person, Portfolio, Settings, Term

D = date.fromisoformat


def milestone(mid: str = "M1", due: str = "2026-03-31", **fields: Any) -> Milestone:
    base = Milestone(id=mid, title=f"Milestone {mid}", kind="payment", due=D(due), owner="ann", currency="CNY")
    return base._replace(**fields)


def contract(cid: str = "C-1", milestones: tuple[Milestone, ...] = (), **fields: Any) -> Contract:
    base = Contract(
        id=cid,
        title=f"Contract {cid}",
        type="sales",
        status="active",
        owner="ann",
        counterparty=Counterparty("Acme"),
        milestones=tuple(m._replace(index=i) for i, m in enumerate(milestones)),
        source=f"contracts/{cid}.yaml",
        currency="CNY",
        value=Money(Decimal(1000), "CNY"),
    )
    return replace(base, **fields)


def term(start: str, end: str, **fields: Any) -> Term:
    return replace(Term(D(start), D(end)), **fields)


def portfolio(*contracts: Contract, settings: Settings | None = None) -> Portfolio:
    people = {
        "ann": Person("ann", "Ann", manager="bob", github="ann-gh"),
        "bob": Person("bob", "Bob", github="bob-gh"),
        "cy": Person("cy", "Cy", manager="bob"),
    }
    return Portfolio(settings or Settings(), people, tuple(sorted(contracts, key=lambda c: c.id)))
