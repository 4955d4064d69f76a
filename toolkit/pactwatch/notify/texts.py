"""Notices as words, in the portfolio's language (zh or en): one Line per notice, shared by every channel.

The words are the catalogue's (``notify.*``, and the shared ``value.*`` for kinds); people are named by
pactwatch.naming.person_name, as in every output.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from pactwatch.catalogue import text, word
from pactwatch.i18n import amount_text, format_date, with_due_note
from pactwatch.links import contract_link
from pactwatch.model import Person, Settings
from pactwatch.naming import person_name
from pactwatch.notify.plan import Notice

Urgency = Literal["overdue", "today", "soon", "later"]


@dataclass(frozen=True, slots=True)
class Line:
    """A notice as display fields (not yet escaped for any format)."""

    key: str
    label: str  # "3 天后到期" / "due in 3 days"
    urgency: Urgency
    contract_id: str
    contract_title: str  # "" when hidden
    milestone: str
    kind: str
    due: str  # the effective date, with why it is not the date written (a holiday, a relative deadline)
    amount: str  # "" when none or hidden
    counterparty: str  # "" when hidden
    owner_id: str
    link: str  # "" when the portfolio has neither site_url nor repository
    escalate_to: str  # manager id, "" when not an escalation


def _label(notice: Notice, people: Mapping[str, Person], language: str) -> tuple[str, Urgency]:
    o = notice.occurrence
    until = o.days_until if o.days_until is not None else 0
    if notice.kind == "escalation":
        manager = notice.escalate_to or ""
        if manager not in people:
            return text("notify.unescalated", language, count=o.days_late), "overdue"
        return text("notify.escalated", language, count=o.days_late, manager=person_name(manager, people)), "overdue"
    if until < 0:
        return text("notify.due.overdue", language, count=-until), "overdue"
    if until == 0:
        return word("notify.due.today", language), "today"
    if until == 1:
        return word("notify.due.tomorrow", language), "soon"
    return text("notify.due.in_days", language, count=until), "soon" if until <= 3 else "later"


def line(notice: Notice, people: Mapping[str, Person], settings: Settings, *, private: bool) -> Line:
    """``private``: the reader is the owner (e-mail, the repository itself), so confidential details may show."""
    o, language = notice.occurrence, settings.language
    label, urgency = _label(notice, people, language)
    hide = o.contract.confidential and not private
    amount = "" if o.amount is None or hide else amount_text(o, language)  # 应收/应付 and any accrued late fee
    return Line(
        key=notice.key,
        label=label,
        urgency=urgency,
        contract_id=o.contract.id,
        contract_title=word("notify.confidential", language) if hide else o.contract.title,
        milestone=o.title,
        kind=word(f"value.{o.kind}", language),
        due=with_due_note(format_date(o.due, language), o, language),  # and why it moved, if it did
        amount=amount,
        counterparty="" if hide else o.contract.counterparty.name,
        owner_id=o.owner,
        link=contract_link(settings, o.contract) or "",
        escalate_to=notice.escalate_to or "",
    )


def title(day: date, language: str) -> str:
    return text("notify.title", language, date=format_date(day, language))


def more(count: int, language: str) -> str:
    """What a message says of the notices it leaves out."""
    return text("notify.more", language, count=count)
