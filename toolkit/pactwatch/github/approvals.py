"""PURE: old and new versions of contracts -> what changed and which approvals the policy asks for.

A contract is matched across versions by id (so a moved file is one change, not two). The
approvals are the contract owner's handle (CODEOWNERS makes them a reviewer) plus the teams of
every rule that the old OR the new version matches: lowering a value below a threshold still needs
the team that guarded it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from pactwatch.github.codeowners import describe, matches, owner_handle
from pactwatch.i18n import format_money
from pactwatch.model import ApprovalRule, Contract, Milestone, Money, Person, Settings

CATEGORIES = ("new", "removed", "value", "dates", "milestones", "terms", "status", "owner", "parties", "other")
_MILESTONE_FIELDS = tuple(
    name for name in Milestone._fields if name not in ("id", "index", "line")
)  # everything a person wrote; index and line only move


Key = tuple[str | None, str]  # (milestone id or None, field): what one detail line is about


@dataclass(frozen=True, slots=True)
class Requirement:
    who: str  # "@login" or "@org/team"
    why: str  # "owner" or the rule's condition
    rule: ApprovalRule | None = None  # the rule that asks for it (None: the owner), for outputs that word it themselves
    person: str | None = None  # the owner's person id (outputs name them), None for a team


@dataclass(frozen=True, slots=True)
class ContractChange:
    contract_id: str
    source: str
    status: Literal["new", "removed", "changed"]
    categories: tuple[str, ...]
    details: tuple[str, ...]
    required: tuple[Requirement, ...]
    fields: tuple[Key, ...] = ()  # what ``details`` are about, for outputs that word the change themselves

    def as_json(self) -> dict[str, Any]:
        return {
            "contract": self.contract_id,
            "source": self.source,
            "status": self.status,
            "categories": list(self.categories),
            "details": list(self.details),
            "approvals": [{"who": r.who, "why": r.why} for r in self.required],
        }


@dataclass(frozen=True, slots=True)
class Review:
    ref: str
    base: str
    changes: tuple[ContractChange, ...]
    policy_files: tuple[str, ...] = ()  # pactwatch.yml / people.yaml changed
    policy_teams: tuple[str, ...] = ()  # who owns those (every team the policy names)
    unreadable: tuple[str, ...] = ()  # files that do not load on one side; `pactwatch validate` says why

    def as_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "base": self.base,
            "contracts": [c.as_json() for c in self.changes],
            "policy_files": list(self.policy_files),
            "policy_teams": list(self.policy_teams),
            "unreadable": list(self.unreadable),
        }


def _show(value: object) -> str:
    if value is None or value in ((), {}):
        return "—"
    if isinstance(value, Money):
        return format_money(value.amount, value.currency)
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, tuple):
        return ", ".join(_show(v) for v in value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {v}" for k, v in sorted(value.items()))
    return str(value)


Line = tuple[Key, str]


def _changed(label: str, old: object, new: object, milestone: str | None = None) -> list[Line]:
    said = f"milestone {milestone} {label}" if milestone else label
    return [] if old == new else [((milestone, label), f"{said}: {_show(old)} -> {_show(new)}")]


def _milestones(old: Sequence[Milestone], new: Sequence[Milestone]) -> list[Line]:
    before, after = {m.id: m for m in old}, {m.id: m for m in new}
    lines: list[Line] = [
        ((mid, "milestone"), f"milestone {mid} added (due {after[mid].due})") for mid in sorted(after.keys() - before.keys())
    ]
    lines += [((mid, "milestone"), f"milestone {mid} removed") for mid in sorted(before.keys() - after.keys())]
    for mid in sorted(before.keys() & after.keys()):
        for name in _MILESTONE_FIELDS:
            lines += _changed(name, getattr(before[mid], name), getattr(after[mid], name), mid)
    return lines


def _terms(old: Contract, new: Contract) -> list[Line]:
    before, after = {t.key: t.value for t in old.terms}, {t.key: t.value for t in new.terms}
    return [line for key in sorted(before.keys() | after.keys()) for line in _changed(f"terms.{key}", before.get(key), after.get(key))]


def compare(old: Contract, new: Contract) -> tuple[tuple[str, ...], tuple[Line, ...]]:
    """(categories, (what, detail) lines) of what differs between two versions of one contract."""
    found: dict[str, list[Line]] = {
        "value": _changed("value", old.value, new.value),
        "dates": _changed("signed_on", old.signed_on, new.signed_on),
        "milestones": _milestones(old.milestones, new.milestones),
        "terms": _terms(old, new),
        "status": _changed("status", old.status, new.status),
        "owner": _changed("owner", old.owner, new.owner),
        "parties": _changed("counterparty", old.counterparty.name, new.counterparty.name),
    }
    ot, nt = old.term, new.term
    for name in ("start", "end", "auto_renew", "renewal_months", "notice_days"):
        found["dates"] += _changed(f"term.{name}", getattr(ot, name, None), getattr(nt, name, None))
    other: list[Line] = []
    for name in ("title", "type", "currency", "tags", "confidential", "source"):
        other += _changed(name, getattr(old, name), getattr(new, name))
    other += [
        ((None, "amendments"), f"amendment {a.id} added ({a.date})") for a in new.amendments if a.id not in {b.id for b in old.amendments}
    ]
    other += _changed("documents", tuple(d.url for d in old.documents), tuple(d.url for d in new.documents))
    found["other"] = other
    categories = tuple(c for c in CATEGORIES if found.get(c))
    return categories, tuple(line for c in categories for line in found[c])


def requirements(versions: Iterable[Contract], settings: Settings, people: Mapping[str, Person]) -> tuple[Requirement, ...]:
    """The owner(s) and every team whose rule one of the versions matches, owners first."""
    owners: dict[str, str] = {}  # handle -> person id
    teams: dict[str, tuple[str, ApprovalRule]] = {}
    for contract in versions:
        handle = owner_handle(contract, people)
        if handle:
            owners.setdefault(handle, contract.owner)
        for rule in settings.approvals:
            if matches(rule, contract, settings.currency):
                for team in rule.require:
                    teams.setdefault(team, (describe(rule, settings.currency), rule))
    named = [Requirement(who, why, rule) for who, (why, rule) in sorted(teams.items())]
    return (*(Requirement(who, "owner", person=person) for who, person in owners.items()), *named)


def change_of(old: Contract | None, new: Contract | None, settings: Settings, people: Mapping[str, Person]) -> ContractChange | None:
    """One contract's change, or None when nothing a person wrote differs."""
    versions = [c for c in (old, new) if c is not None]
    if not versions:
        return None
    latest = versions[-1]
    required = requirements(versions, settings, people)
    if old is None:
        value = f", value {_show(latest.value)}" if latest.value else ""
        return ContractChange(latest.id, latest.source, "new", ("new",), (f"new {latest.type} contract: {latest.title}{value}",), required)
    if new is None:
        return ContractChange(old.id, old.source, "removed", ("removed",), (f"contract removed: {old.title}",), required)
    categories, lines = compare(old, new)
    if not categories:
        return None
    details, fields = tuple(line for _, line in lines), tuple(key for key, _ in lines)
    return ContractChange(new.id, new.source, "changed", categories, details, required, fields)


def review(
    ref: str,
    base: str,
    pairs: Mapping[str, tuple[Contract | None, Contract | None]],
    settings: Settings,
    people: Mapping[str, Person],
    policy_files: Sequence[str] = (),
    unreadable: Sequence[str] = (),
) -> Review:
    found = (change_of(old, new, settings, people) for old, new in (pairs[cid] for cid in sorted(pairs)))
    changes = tuple(c for c in found if c is not None)
    teams = tuple(sorted({team for rule in settings.approvals for team in rule.require})) if policy_files else ()
    return Review(ref, base, changes, tuple(sorted(policy_files)), teams, tuple(sorted(unreadable)))
