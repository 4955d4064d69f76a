"""UI words in the portfolio's language (zh or en), and locale formatting of money and dates.

One table for every output (terminal, report, feeds, site, issues, messages),
so a state is called the same everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from pactwatch.model import DueAfter
from pactwatch.vocabulary import VALUE_WORDS

if TYPE_CHECKING:  # the engine imports this module
    from pactwatch.engine.records import Occurrence

Language = str  # "zh" or "en"

# Values of the closed choices (types, statuses, kinds, states, health) come from the one vocabulary;
# the words below are for what only the engine's outputs name.
_WORDS: dict[str, tuple[str, str]] = {
    **VALUE_WORDS,
    # milestone flags
    "blocked": ("受阻", "blocked"),
    "acknowledged": ("已确认延期", "acknowledged"),
    "projected": ("预计", "projected"),
    # risk kinds
    "repeated_delays": ("多次延误", "repeated delays"),
    "slow_payment": ("回款缓慢", "slow payment"),
    "notice_window": ("续约通知期临近", "notice window closing"),
    "escalation": ("逾期升级", "escalation"),
    "concentration": ("集中度过高", "concentration"),
    "high": ("高", "high"),
    "medium": ("中", "medium"),
    "low": ("低", "low"),
}

_SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "JP¥", "HKD": "HK$"}
_NO_DECIMALS = frozenset({"JPY", "KRW"})


def word(key: str, language: Language) -> str:
    """The UI word for a state, health, kind, type or risk; the key itself when unknown."""
    pair = _WORDS.get(key)
    if pair is None:
        return key
    return pair[0] if language == "zh" else pair[1]


def format_money(amount: Decimal, currency: str, language: Language = "en") -> str:
    """¥1,200,000.00 / $48,000.00; other currencies as "1,200.00 CHF"."""
    del language  # grouping by thousands with two decimals reads right in both zh and en
    places = Decimal(1) if currency in _NO_DECIMALS else Decimal("0.01")
    text = f"{amount.quantize(places, rounding=ROUND_HALF_UP):,}"
    symbol = _SYMBOLS.get(currency)
    if symbol is None:
        return f"{text} {currency}"
    return f"-{symbol}{text[1:]}" if text.startswith("-") else f"{symbol}{text}"


def format_date(day: date, language: Language) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if language == "zh" else day.isoformat()


def format_share(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


_RISK_SENTENCES: dict[str, tuple[str, str]] = {
    "repeated_delays": (
        "{subject}：最近 {count} 个节点延期完成或仍逾期",
        "{subject}: the last {count} milestones were late or are overdue",
    ),
    "slow_payment": (
        "{subject} 平均逾期 {average} 天付款（组合中位数 {median:g} 天）",
        "{subject} pays {average} days late on average (portfolio median {median:g} days)",
    ),
    "notice_window": (
        "{subject} 将自动续约，除非在 {deadline} 前发出通知（还剩 {days} 天）",
        "{subject} renews automatically unless notice is given by {deadline} ({days} days)",
    ),
    "concentration": (
        "{subject} 占未收 {currency} 款项的 {share:.0%}（{amount} / {total}）",
        "{subject} holds {share:.0%} of the open {currency} payments ({amount} of {total})",
    ),
}


# An escalation with a manager, and one without (the owner has none to escalate to).
_ESCALATION: dict[bool, tuple[str, str]] = {
    True: (
        "{subject} 已逾期 {days} 天；负责人 {owner}，上级 {manager}",
        "{subject} is {days} days overdue; owner {owner}, manager {manager}",
    ),
    False: (
        "{subject} 已逾期 {days} 天；负责人 {owner}，无上级可升级",
        "{subject} is {days} days overdue; owner {owner}, no manager to escalate to",
    ),
}


def escalation_sentence(subject: str, days: int, owner: str, manager: str | None, language: Language) -> str:
    """The one wording of an escalation, for the engine's detail and every localized output."""
    pair = _ESCALATION[bool(manager)]
    return (pair[0] if language == "zh" else pair[1]).format(subject=subject, days=days, owner=owner, manager=manager)


def risk_sentence(kind: str, subject: str, facts: Mapping[str, object], language: Language, fallback: str) -> str:
    """A risk signal as one sentence in the portfolio's language."""
    if kind == "escalation":
        days, owner, manager = facts.get("days"), facts.get("owner"), facts.get("manager")
        if isinstance(days, int) and isinstance(owner, str):
            return escalation_sentence(subject, days, owner, manager if isinstance(manager, str) else None, language)
        return fallback
    pair = _RISK_SENTENCES.get(kind)
    if pair is None:
        return fallback
    try:
        return (pair[0] if language == "zh" else pair[1]).format(subject=subject, **facts)
    except (KeyError, ValueError, IndexError):
        return fallback


# Why an effective due date is not the date written in the contract (business-day conventions, due_after).
_DUE_NOTES: dict[str, tuple[str, str]] = {
    "written": ("合同约定 {written}", "contract date {written}"),
    "days": ("{anchor} 完成后 {days} 日", "{days} days after {anchor}"),
    "working_days": ("{anchor} 完成后 {days} 个工作日", "{days} working days after {anchor}"),
    "computed": ("{rule}为 {written}", "{rule}: {written}"),
    "later": ("{subject}，遇节假日顺延至 {due}", "{subject}, moved to the next working day {due}"),
    "earlier": ("{subject}，遇节假日提前至 {due}", "{subject}, moved to the previous working day {due}"),
    "projected": ("{rule}（预计：{anchor} 尚未完成）", "{rule} (projected: {anchor} is not complete yet)"),
}


def _note(key: str, language: Language, **values: object) -> str:
    pair = _DUE_NOTES[key]
    return (pair[0] if language == "zh" else pair[1]).format(**values)


def relative_rule(relative: DueAfter, language: Language) -> str:
    """``due_after`` in words: "M3 完成后 30 日" / "30 days after M3" (the ledger export's cell, read back by its importer)."""
    return _note("working_days" if relative.working else "days", language, anchor=relative.anchor, days=relative.days)


def due_note(occurrence: Occurrence, language: Language) -> str:
    """Why the occurrence is due on its date, or "" when it is the date written: "合同约定 2026-10-01，遇节假日顺延至 2026-10-08"."""
    relative = occurrence.milestone.due_after
    rule = relative_rule(relative, language) if relative is not None else ""
    written = occurrence.written
    if written is None:
        if not rule:
            return ""
        if occurrence.projected:
            return _note("projected", language, rule=rule, anchor=relative.anchor if relative else "")
        return rule
    subject = _note("computed", language, rule=rule, written=written) if rule else _note("written", language, written=written)
    moved = _note("later" if occurrence.due > written else "earlier", language, subject=subject, due=occurrence.due)
    if occurrence.projected and relative is not None:
        return _note("projected", language, rule=moved, anchor=relative.anchor)
    return moved


def with_due_note(day_text: str, occurrence: Occurrence, language: Language) -> str:
    """The effective due date as the caller wrote it, then why it is not the date written (reports, alerts, reminders)."""
    note = due_note(occurrence, language)
    if not note:
        return day_text
    return f"{day_text}（{note}）" if language == "zh" else f"{day_text} ({note})"
