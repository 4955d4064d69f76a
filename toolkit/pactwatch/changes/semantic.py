"""PURE: two versions of each contract (constructed records, never text) -> what changed in meaning.

Records are compared, not YAML, so whitespace, comments, key order and the spelling of a number
(``1200000`` or ``1200000.00``) are not changes. Contracts are paired by id (a moved file is one
contract); milestones by id within it. The order is fixed: contracts by id; in each, the contract's
own fields (status, owner, value, currency, term, key terms by key), then milestones in the new
file's order, then removed milestones in the old file's order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from pactwatch.model import Contract, Milestone

Value = str | int | bool | None  # as JSON writes it: dates ISO, amounts as exact decimal text, people by id
Kind = Literal[
    "contract_added", "contract_removed", "field", "milestone_added", "milestone_removed", "milestone_field", "replanned", "done", "waived"
]  # fmt: skip
Pair = tuple[Contract | None, Contract | None]
TERM_FIELDS = ("start", "end", "notice_days", "auto_renew", "renewal_months")


@dataclass(frozen=True, slots=True)
class Change:
    contract: str
    milestone: str | None
    field: str  # "contract", "status", "owner", "value", "currency", "term.end", "terms.payment_days", "milestone", "due", "due_after"...
    before: Value
    after: Value
    kind: Kind
    title: str = ""  # the contract's or the milestone's title, for the sentences that name it
    currency: str = ""  # of an amount or a value
    concerns: tuple[str, ...] = ()  # people ids: the owners of the contract and milestone, before and after, sorted
    watchers: tuple[str, ...] = ()  # the contract's ``watchers:`` (people ids or teams), as the newer version lists them

    def as_json(self, summary: str) -> dict[str, Value]:
        return {
            "contract": self.contract,
            "milestone": self.milestone,
            "field": self.field,
            "before": self.before,
            "after": self.after,
            "summary": summary,
        }


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def plan_of(m: Milestone) -> str:
    """A milestone's plan as written: ``2026-06-15``, or ``M3+30d`` / ``M3+10wd`` for ``due_after`` (as pactwatch.history writes it)."""
    if m.due_after is None:
        return m.due.isoformat()
    return f"{m.due_after.anchor}+{m.due_after.days}{'wd' if m.due_after.working else 'd'}"


def _term_value(contract: Contract, name: str) -> Value:
    if contract.term is None:
        return None
    value: object = getattr(contract.term, name)
    return value.isoformat() if hasattr(value, "isoformat") else value  # type: ignore[return-value]


def _key_terms(contract: Contract) -> dict[str, object]:
    return {t.key: t.value for t in contract.terms}


def _same(before: object, after: object) -> bool:
    """Equal in meaning: 30 and 30.0 are one number, but true is not 1."""
    return before == after and isinstance(before, bool) == isinstance(after, bool)


def _shown(value: object) -> Value:
    if value is None or isinstance(value, str | int | bool):
        return value
    return str(value)  # a Decimal, exactly as written


class _Contract:
    """The changes of one contract that exists on both sides."""

    def __init__(self, old: Contract, new: Contract) -> None:
        self.old, self.new = old, new
        self.watchers = tuple(dict.fromkeys(new.watchers))

    def change(
        self,
        field: str,
        before: object,
        after: object,
        *,
        milestone: str | None = None,
        kind: Kind | None = None,
        title: str = "",
        currency: str = "",
        owners: tuple[str, ...] = (),
    ) -> Iterator[Change]:
        if _same(before, after):
            return
        concerns = tuple(sorted({self.old.owner, self.new.owner, *owners}))
        kind = kind or ("milestone_field" if milestone else "field")
        yield Change(self.new.id, milestone, field, _shown(before), _shown(after), kind, title, currency, concerns, self.watchers)

    def fields(self) -> Iterator[Change]:
        old, new = self.old, self.new
        yield from self.change("status", old.status, new.status)
        yield from self.change("owner", old.owner, new.owner)
        old_value, new_value = (c.value.amount if c.value else None for c in (old, new))
        yield from self.change("value", old_value, new_value, currency=new.currency)
        yield from self.change("currency", old.currency, new.currency)
        for name in TERM_FIELDS:
            yield from self.change(f"term.{name}", _term_value(old, name), _term_value(new, name))
        before, after = _key_terms(old), _key_terms(new)
        for key in sorted(before.keys() | after.keys()):
            yield from self.change(f"terms.{key}", before.get(key), after.get(key))

    def milestones(self) -> Iterator[Change]:
        before = {m.id: m for m in self.old.milestones}
        after = {m.id: m for m in self.new.milestones}
        for m in self.new.milestones:
            was = before.get(m.id)
            if was is None:
                yield from self.change(
                    "milestone", None, plan_of(m), milestone=m.id, kind="milestone_added", title=m.title, owners=(m.owner,)
                )
            else:
                yield from self.milestone(was, m)
        for m in self.old.milestones:
            if m.id not in after:
                yield from self.change(
                    "milestone", plan_of(m), None, milestone=m.id, kind="milestone_removed", title=m.title, owners=(m.owner,)
                )

    def milestone(self, old: Milestone, new: Milestone) -> Iterator[Change]:
        mid, title, owners = new.id, new.title, (old.owner, new.owner)
        if old.due_after is None and new.due_after is None:
            yield from self.change(
                "due", old.due.isoformat(), new.due.isoformat(), milestone=mid, kind="replanned", title=title, owners=owners
            )
        else:
            yield from self.change("due_after", plan_of(old), plan_of(new), milestone=mid, title=title, owners=owners)
        status: Kind | None = "done" if new.status == "done" else "waived" if new.status == "waived" else None
        yield from self.change("status", old.status, new.status, milestone=mid, kind=status, title=title, owners=owners)
        yield from self.change("amount", old.amount, new.amount, milestone=mid, title=title, currency=new.currency, owners=owners)
        yield from self.change("owner", old.owner, new.owner, milestone=mid, title=title, owners=owners)


def _one(old: Contract | None, new: Contract | None) -> Iterator[Change]:
    if old is None and new is not None:
        concerns = tuple(sorted({new.owner, *(m.owner for m in new.milestones)}))
        yield Change(new.id, None, "contract", None, new.title, "contract_added", new.title, concerns=concerns, watchers=new.watchers)
    elif new is None and old is not None:
        yield Change(old.id, None, "contract", old.title, None, "contract_removed", old.title, concerns=(old.owner,), watchers=old.watchers)
    elif old is not None and new is not None:
        both = _Contract(old, new)
        yield from both.fields()
        yield from both.milestones()


def diff(pairs: Mapping[str, Pair]) -> tuple[Change, ...]:
    """Every change in meaning, contracts by id (``pairs``: id -> (old version or None, new version or None))."""
    return tuple(change for cid in sorted(pairs) for change in _one(*pairs[cid]))
