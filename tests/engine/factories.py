"""Small builders of model records for engine tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from pactwatch.model import Contract, Counterparty, Milestone, Money, Person, Portfolio, Settings, Term
from pactwatch.parties import default_by, side_of

D = date.fromisoformat


def milestone(mid: str = "M1", due: str = "2026-03-31", **fields: Any) -> Milestone:
    base = Milestone(id=mid, title=f"Milestone {mid}", kind="payment", due=D(due), owner="ann", currency="CNY")
    return base._replace(**fields)


def contract(cid: str = "C-1", milestones: tuple[Milestone, ...] = (), *, keep_by: bool = False, **fields: Any) -> Contract:
    """``by`` of each milestone is the default of its kind and the side, as the loader makes it, unless ``keep_by``."""
    side = fields["side"] = side_of(fields.get("type", "sales"), fields.get("side"))
    if not keep_by:
        milestones = tuple(m._replace(by=default_by(m.kind, side)) for m in milestones)
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
        side=side,
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
