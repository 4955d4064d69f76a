"""Who owes each milestone (issue #14): the side of every type, the default ``by`` of every kind, the direction of money."""

from __future__ import annotations

import pytest

from pactwatch.model import CONTRACT_TYPES, MILESTONE_KINDS, ContractType, MilestoneKind, Side
from pactwatch.parties import SIDE_NEEDED, default_by, side_of

# type -> the side it implies (None: the contract states it when it holds payments)
SIDES: dict[ContractType, Side | None] = {
    "sales": "sell", "purchase": "buy", "service": None, "lease": None, "nda": None, "framework": None, "other": None,
}  # fmt: skip
# kind -> who performs it when we sell, when we buy
BY: dict[MilestoneKind, tuple[str, str]] = {
    "payment": ("them", "us"),  # the buyer pays
    "delivery": ("us", "them"),  # the seller delivers, serves and reports
    "service": ("us", "them"),
    "report": ("us", "them"),
    "acceptance": ("them", "us"),  # the buyer accepts
    "renewal": ("us", "us"),
    "other": ("us", "us"),
}


def test_the_tables_cover_every_type_and_kind() -> None:
    assert set(SIDES) == set(CONTRACT_TYPES) and set(BY) == set(MILESTONE_KINDS)
    assert {t for t, s in SIDES.items() if s is None} == SIDE_NEEDED | {"nda"}


@pytest.mark.parametrize("contract_type", CONTRACT_TYPES)
@pytest.mark.parametrize("kind", MILESTONE_KINDS)
def test_default_by_for_every_type_and_kind(contract_type: ContractType, kind: MilestoneKind) -> None:
    implied = side_of(contract_type, None)
    assert implied == SIDES[contract_type]
    for side in ("sell", "buy"):
        expected = BY[kind][0 if side == "sell" else 1]
        assert default_by(kind, side_of(contract_type, side)) == expected  # a stated side wins over the type
    if implied is not None:
        assert default_by(kind, implied) == BY[kind][0 if implied == "sell" else 1]
    else:
        assert default_by(kind, None) == "us"  # unknown side (nda, no payments): our own obligations
