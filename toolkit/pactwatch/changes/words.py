"""A Change as a sentence in the run's language: field labels, values and people worded at output time.

Field names are the catalogue's (``field.*`` shared with the other outputs, ``changes.field.*``), a key
term's label is ``catalogue.terms.term_label`` (the company's own first), a person is
``naming.person_name``; no sentence holds a bare person id.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation

from pactwatch.catalogue import text, word
from pactwatch.catalogue.terms import term_label
from pactwatch.changes.semantic import Change, Value
from pactwatch.i18n import format_date, format_money
from pactwatch.model import Person, Settings
from pactwatch.naming import person_name

_CONTRACT_FIELDS = {
    "status": "field.status",
    "owner": "field.owner",
    "value": "changes.field.value",
    "currency": "changes.field.currency",
    "term.start": "changes.field.term_start",
    "term.end": "changes.field.term_end",
    "term.notice_days": "changes.field.notice_days",
    "term.auto_renew": "changes.field.auto_renew",
    "term.renewal_months": "changes.field.renewal_months",
}
_MILESTONE_FIELDS = {
    "due": "field.due",
    "due_after": "changes.field.due_after",
    "status": "changes.field.milestone_status",
    "amount": "field.amount",
    "owner": "field.owner",
}
_DATES = frozenset({"due", "term.start", "term.end"})


def label(change: Change, language: str, settings: Settings) -> str:
    if change.field.startswith("terms."):
        return term_label(change.field.removeprefix("terms."), language, settings.term_labels)
    table = _MILESTONE_FIELDS if change.milestone is not None else _CONTRACT_FIELDS
    return word(table[change.field], language)


def _plan(plan: str, language: str) -> str:
    """``M3+30d`` as 节点 M3 完成后 30 天; an ISO date as the language writes dates."""
    anchor, plus, offset = plan.rpartition("+")
    if not plus:
        return format_date(date.fromisoformat(plan), language)
    working = offset.endswith("wd")
    count = int(offset.removesuffix("wd").removesuffix("d"))
    return text("changes.after_milestone_working" if working else "changes.after_milestone", language, milestone=anchor, count=count)


def value(change: Change, shown: Value, language: str, people: Mapping[str, Person]) -> str:
    if shown is None:
        return word("changes.none", language)
    if isinstance(shown, bool):
        return word("changes.yes" if shown else "changes.no", language)
    if change.field == "owner" and isinstance(shown, str):
        return person_name(shown, people)
    if change.field == "status" and isinstance(shown, str):
        return word(f"value.{shown}", language)
    if change.field in ("due_after", "milestone") and isinstance(shown, str):
        return _plan(shown, language)
    if change.field in _DATES and isinstance(shown, str):
        return format_date(date.fromisoformat(shown), language)
    if change.field in ("value", "amount") and isinstance(shown, str):
        try:
            return format_money(Decimal(shown), change.currency, language)
        except InvalidOperation:
            return shown
    return str(shown)


def summary(change: Change, language: str, settings: Settings, people: Mapping[str, Person]) -> str:
    """The change as one sentence naming its contract (and milestone)."""
    facts: dict[str, object] = {"contract": change.contract, "milestone": change.milestone or "", "title": change.title}
    if change.kind in ("contract_added", "contract_removed", "done", "waived", "milestone_removed"):
        return text(f"changes.{'milestone_' if change.kind in ('done', 'waived') else ''}{change.kind}", language, **facts)
    before, after = value(change, change.before, language, people), value(change, change.after, language, people)
    if change.kind == "milestone_added":
        return text("changes.milestone_added", language, due=after, **facts)
    if change.kind == "replanned" and isinstance(change.before, str) and isinstance(change.after, str):
        days = (date.fromisoformat(change.after) - date.fromisoformat(change.before)).days
        which = "changes.milestone_later" if days > 0 else "changes.milestone_earlier"
        return text(which, language, before=before, after=after, count=abs(days), **facts)
    field = label(change, language, settings)
    if change.kind == "milestone_field":
        return text("changes.milestone_field", language, field=field, before=before, after=after, **facts)
    if change.before is None:
        return text("changes.field_set", language, field=field, after=after, **facts)
    if change.after is None:
        return text("changes.field_cleared", language, field=field, before=before, **facts)
    return text("changes.field", language, field=field, before=before, after=after, **facts)
