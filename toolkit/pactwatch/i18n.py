"""Words of the engine's outputs, risk sentences, due-date notes, and locale formatting of money and dates.

Every text comes from the one catalogue (pactwatch.catalogue: ``value.*``, ``flag.*``, ``risk.*``,
``due.*``, ``format.*``); this module only picks the entry and fills in the facts, so a state or a
risk is called the same in every output (terminal, report, feeds, site, issues, messages).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from pactwatch.catalogue import CATALOGUE, Msg, msg, text
from pactwatch.model import DueAfter

if TYPE_CHECKING:  # the engine's records are data for these functions, not a dependency of loading this module
    from pactwatch.engine.records import Occurrence

Language = str  # "zh" or "en"

# The catalogue families ``word`` names by their bare key (done, blocked, slow_payment, high...).
_WORD_FAMILIES = ("value.", "flag.", "risk.kind.", "risk.level.")


def _word_ids() -> dict[str, str]:
    ids: dict[str, str] = {}
    for family in _WORD_FAMILIES:
        for message_id in CATALOGUE:
            if message_id.startswith(family):
                key = message_id.removeprefix(family)
                if ids.setdefault(key, message_id) != message_id:
                    raise ValueError(f"{key!r} is both {ids[key]} and {message_id}")
    return ids


_WORD_IDS = _word_ids()

_SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "JP¥", "HKD": "HK$"}
_MINOR_DIGITS = {"JPY": 0, "KRW": 0, "VND": 0, "BHD": 3, "JOD": 3, "KWD": 3, "OMR": 3, "TND": 3}  # ISO 4217; others have 2


def minor_digits(currency: str) -> int:
    """Decimal places of the currency's minor unit (cents: 2; yen: 0): what amounts are rounded to."""
    return _MINOR_DIGITS.get(currency, 2)


def word(key: str, language: Language) -> str:
    """The word for a state, health, kind, type, flag, risk kind or level; the key itself when unknown."""
    message_id = _WORD_IDS.get(key)
    return key if message_id is None else text(message_id, language)


def format_money(amount: Decimal, currency: str, language: Language = "en") -> str:
    """¥1,200,000.00 / $48,000.00; other currencies as "1,200.00 CHF"."""
    del language  # grouping by thousands with two decimals reads right in both zh and en
    places = Decimal(1).scaleb(-minor_digits(currency))
    written = f"{amount.quantize(places, rounding=ROUND_HALF_UP):,}"
    symbol = _SYMBOLS.get(currency)
    if symbol is None:
        return f"{written} {currency}"
    return f"-{symbol}{written[1:]}" if written.startswith("-") else f"{symbol}{written}"


def format_date(day: date, language: Language) -> str:
    """2026年10月8日 / 2026-10-08."""
    return text("format.date", language, year=day.year, month=day.month, day=day.day)


def format_share(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


def escalation_message(subject: str, days: int, owner: str, manager: str | None) -> Msg:
    """An escalation: with the manager to escalate to, or saying the owner has none (never "manager |")."""
    if manager:
        return msg("risk.escalation", subject=subject, count=days, owner=owner, manager=manager)
    return msg("risk.escalation_no_manager", subject=subject, count=days, owner=owner)


def escalation_sentence(subject: str, days: int, owner: str, manager: str | None, language: Language) -> str:
    """The one wording of an escalation, in ``language``."""
    return escalation_message(subject, days, owner, manager).render(language)


def risk_sentence(kind: str, subject: str, facts: Mapping[str, object], language: Language, detail: Msg) -> str:
    """A risk signal as one sentence in ``language``: its ``detail`` (a Msg: the catalogue id and the facts).

    ``kind``, ``subject`` and ``facts`` are in the Msg already; the outputs pass them as they always have.
    """
    del kind, subject, facts
    return detail.render(language)


def relative_rule(relative: DueAfter, language: Language) -> str:
    """``due_after`` in words: "M3 完成后 30 日" / "30 days after M3" (the ledger export's cell, read back by its importer)."""
    return text("due.working_days" if relative.working else "due.days", language, anchor=relative.anchor, count=relative.days)


def due_note(occurrence: Occurrence, language: Language) -> str:
    """Why the occurrence is due on its date, or "" when it is the date written: "合同约定 2026-10-01，遇节假日顺延至 2026-10-08"."""
    relative = occurrence.milestone.due_after
    rule = relative_rule(relative, language) if relative is not None else ""
    written = occurrence.written
    if written is None:
        if not rule:
            return ""
        if occurrence.projected:
            return text("due.projected", language, rule=rule, anchor=relative.anchor if relative else "")
        return rule
    subject = text("due.computed", language, rule=rule, written=written) if rule else text("due.written", language, written=written)
    moved = text("due.later" if occurrence.due > written else "due.earlier", language, subject=subject, due=occurrence.due)
    if occurrence.projected and relative is not None:
        return text("due.projected", language, rule=moved, anchor=relative.anchor)
    return moved


def with_due_note(day_text: str, occurrence: Occurrence, language: Language) -> str:
    """The effective date as the caller wrote it, then why it is not the date written (reports, alerts, reminders)."""
    note = due_note(occurrence, language)
    return text("due.with_note", language, date=day_text, note=note) if note else day_text


def amount_text(occurrence: Occurrence, language: Language, *, fee: bool = True) -> str:
    """A payment's amount with its direction and any accrued late fee: "应收 ¥408,000.00（逾期违约金 ¥19,176.00）";
    "" without an amount. The one wording of an amount in rows, feeds, reminders and issues (``fee=False``: text that
    must not change from day to day, as an alert issue's body, which is rewritten only when its facts change)."""
    from pactwatch.engine.latefees import late_fee  # the engine imports this module
    from pactwatch.parties import direction

    milestone = occurrence.milestone
    if milestone.amount is None:
        return ""
    written = format_money(milestone.amount, milestone.currency, language)
    flow = direction(milestone)
    if flow is None:
        return written
    said = text(f"money.amount.{flow}", language, amount=written)
    accrued = late_fee(occurrence) if fee else None
    if accrued is None:
        return said
    return text("money.amount.late_fee", language, amount=said, fee=format_money(accrued, milestone.currency, language))
