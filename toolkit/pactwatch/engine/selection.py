"""Which occurrences a question asks for (``status`` filters), and why none answer it. Pure.

An empty answer says why: which filters were applied, that only open milestones are shown unless
states are named, that the open milestones of draft, terminated and expired contracts are left out,
and that a person or counterparty named is not in the portfolio at all. "Nothing matches" alone
reads like "nothing is due", which a portfolio of drafts is not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from pactwatch.catalogue import Msg, msg
from pactwatch.engine.contracts import INACTIVE_STATUSES
from pactwatch.engine.records import OPEN_STATES, STATES, Evaluation, Occurrence
from pactwatch.model import Counterparty
from pactwatch.naming import name_key


@dataclass(frozen=True, slots=True)
class Filters:
    owner: str | None = None  # a person id (a name is resolved to the id by the caller)
    owner_text: str | None = None  # as the user wrote it, for the explanation
    counterparty: str | None = None  # part of the name, or the id
    contract: str | None = None
    states: tuple[str, ...] = field(default=())  # empty: the open ones
    within: int | None = None  # days from today (overdue included)


def counterparty_matches(needle: str, counterparty: Counterparty) -> bool:
    """Part of the name or the whole id, ignoring case, width and spacing (ＡＢＣ and abc, 星瀚  科技 and 星瀚 科技)."""
    key = name_key(needle)
    return key in name_key(counterparty.name) or key == name_key(counterparty.id or "")


def _matcher(evaluation: Evaluation, filters: Filters) -> Callable[[Occurrence], bool]:
    wanted = set(filters.states) if filters.states else set(OPEN_STATES)
    horizon = evaluation.today + timedelta(days=filters.within) if filters.within is not None else None
    needle, owner, contract = filters.counterparty, filters.owner, filters.contract
    return lambda o: (
        o.state in wanted
        and (owner is None or o.owner == owner)
        and (contract is None or o.contract.id == contract)
        and (needle is None or counterparty_matches(needle, o.contract.counterparty))
        and (horizon is None or o.due <= horizon)
    )


def select(evaluation: Evaluation, filters: Filters) -> list[Occurrence]:
    """The occurrences matching the filters (open ones unless states are named), in the engine's order."""
    return list(filter(_matcher(evaluation, filters), evaluation.occurrences))


def _inactive(evaluation: Evaluation, filters: Filters) -> list[Msg]:
    """What the open milestones of draft, terminated and expired contracts hide from this question."""
    contracts = [c for c in evaluation.portfolio.contracts if c.status in INACTIVE_STATUSES]
    if not contracts:
        return []
    matches = _matcher(evaluation, filters)
    hidden = sum(1 for c in contracts for o in evaluation.parts[c.id].occurrences if o.is_open and matches(o))
    counted = Counter(c.status for c in contracts)
    said = [msg(f"cli.why.left_out.{status}", count=n) for status, n in sorted(counted.items())]
    if len(contracts) == len(evaluation.portfolio.contracts):
        said.append(msg("cli.why.no_other_contracts"))
    said.append(msg("cli.why.would_match", count=hidden) if hidden else msg("cli.why.once_active"))
    return said


def _applied(filters: Filters) -> list[str]:
    shown = []
    if filters.owner_text is not None:
        resolved = f" ({filters.owner})" if filters.owner and filters.owner != filters.owner_text else ""
        shown.append(f"--owner {filters.owner_text}{resolved}")
    shown += [f"--{name} {value}" for name, value in (("counterparty", filters.counterparty), ("contract", filters.contract)) if value]
    if filters.within is not None:
        shown.append(f"--within {filters.within}")
    return shown


def _states(filters: Filters) -> Msg | None:
    if not filters.states:
        return msg("cli.why.open_only")
    if set(filters.states) == set(STATES):
        return None
    return msg("cli.why.states", states=", ".join(filters.states))


def _unknown(evaluation: Evaluation, filters: Filters) -> list[Msg]:
    portfolio = evaluation.portfolio
    found = []
    if filters.owner_text is not None and filters.owner not in portfolio.people:
        found.append(msg("cli.why.unknown_owner", text=filters.owner_text))
    if filters.counterparty and not any(counterparty_matches(filters.counterparty, c.counterparty) for c in portfolio.contracts):
        found.append(msg("cli.why.unknown_counterparty", text=filters.counterparty))
    if filters.contract and not any(c.id == filters.contract for c in portfolio.contracts):
        found.append(msg("cli.why.unknown_contract", text=filters.contract))
    return found


def why_nothing(evaluation: Evaluation, filters: Filters) -> list[Msg]:
    """One line per reason an empty selection is empty, most telling first (worded by the caller, in its language)."""
    contracts = evaluation.portfolio.contracts
    if not contracts:
        return [msg("cli.why.no_contracts")]
    reasons = [*_unknown(evaluation, filters), *_inactive(evaluation, filters)]
    applied: Sequence[str] = _applied(filters)
    if applied:
        reasons.append(msg("cli.why.filters", filters=", ".join(applied)))
    if states := _states(filters):
        reasons.append(states)
    return reasons
