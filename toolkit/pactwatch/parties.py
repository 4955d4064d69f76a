"""Who owes each milestone: the contract's side, each milestone's ``by``, and the direction of money.

One home for the defaults, read when records are built (load/construct.py) and by every output that
tells a receivable (应收, collected = 回款) from a payable (应付, paid = 付款).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pactwatch.model import ContractType, Milestone, MilestoneKind, Party, Side

Direction = Literal["receivable", "payable"]
DIRECTIONS: tuple[Direction, ...] = ("receivable", "payable")

# The side a type implies; the others (service, lease, framework, other) state it when they hold payments.
SIDE_OF_TYPE: Mapping[ContractType, Side] = {"sales": "sell", "purchase": "buy"}
SIDE_NEEDED: frozenset[ContractType] = frozenset({"service", "lease", "framework", "other"})

# Who performs a kind of milestone, by role: the buyer pays and accepts, the seller delivers, serves and reports.
_PERFORMER: Mapping[MilestoneKind, Side | Party] = {
    "payment": "buy",
    "delivery": "sell",
    "service": "sell",
    "report": "sell",
    "acceptance": "buy",
    "renewal": "us",
    "other": "us",
}


def side_of(contract_type: ContractType, written: Side | None) -> Side | None:
    """The side as written, else the one the type implies; None when neither says."""
    return written if written is not None else SIDE_OF_TYPE.get(contract_type)


def default_by(kind: MilestoneKind, side: Side | None) -> Party:
    """Who performs a milestone of ``kind`` when it does not say: us when our side plays the role (or the side is unknown)."""
    performer = _PERFORMER[kind]
    if performer in ("us", "them"):
        return "us" if performer == "us" else "them"
    return "us" if side is None or performer == side else "them"


def direction(milestone: Milestone) -> Direction | None:
    """A payment by them is a receivable, by us a payable; other kinds move no money."""
    if milestone.kind != "payment":
        return None
    return "receivable" if milestone.by == "them" else "payable"
