"""Notices as words, in the portfolio's language (zh or en): one Line per notice, shared by every channel."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from pactwatch.i18n import format_date, format_money, with_due_note, word
from pactwatch.links import contract_link
from pactwatch.model import Person, Settings
from pactwatch.notify.plan import Notice
from pactwatch.vocabulary import FIELD_WORDS

Urgency = Literal["overdue", "today", "soon", "later"]

_PHRASES: dict[str, tuple[str, str]] = {
    "today": ("今天到期", "due today"),
    "tomorrow": ("明天到期", "due tomorrow"),
    "in_days": ("{n} 天后到期", "due in {n} days"),
    "overdue": ("已逾期 {n} 天", "overdue by {n} day(s)"),
    "escalated": ("已逾期 {n} 天，升级至 {manager}", "{n} day(s) overdue, escalated to {manager}"),
    "unescalated": ("已逾期 {n} 天（无上级可升级）", "{n} day(s) overdue, no manager to escalate to"),
    "title": ("合同履约提醒 · {date}", "Contract reminders · {date}"),
    "subject": ("【合同提醒】{name}：{n} 项事项（{date}）", "[pactwatch] {n} contract reminder(s) for {name} ({date})"),
    "confidential": ("（保密合同）", "(confidential contract)"),
    "more": ("……另有 {n} 项，详见站点", "... and {n} more: see the site"),
    "digest_title": ("近期合同事项：{name}", "Upcoming contract milestones: {name}"),
    "entered": ("以下 {n} 项事项进入提醒期：", "{n} item(s) entered a reminder window:"),
    "digest_intro": (
        "{name} 负责的近期合同事项（临近到期或已逾期），每天自动更新。",
        "Contract milestones {name} owns that are due soon or overdue, updated daily.",
    ),
    "nothing": ("目前没有临近或逾期的事项。", "Nothing is due soon or overdue."),
    "greeting": ("{name}，你好：", "Hello {name},"),
    "intro": ("以下合同事项需要你关注：", "These contract milestones need your attention:"),
    "cc_note": ("因逾期升级，本邮件抄送：{names}", "Copied to {names} because of an escalation."),
    "col_when": ("状态", "When"),
    "col_item": ("事项", "Milestone"),
    "col_contract": FIELD_WORDS["contract"],
    "col_due": FIELD_WORDS["due"],
    "col_amount": FIELD_WORDS["amount"],
    "col_counterparty": FIELD_WORDS["counterparty"],
    "open": ("查看", "Open"),
    "footer": (
        "此邮件由 pactwatch 根据合同仓库自动发送；完成后请在合同文件中登记 completed_on。",
        "Sent by pactwatch from the contracts repository; record completed_on in the contract file when done.",
    ),
    "updated": (
        "截至 {date}。本 issue 由 pactwatch 自动维护，手动编辑会被覆盖。",
        "As of {date}. pactwatch maintains this issue; edits are overwritten.",
    ),
}


def phrase(key: str, language: str, **values: object) -> str:
    zh, en = _PHRASES[key]
    return (zh if language == "zh" else en).format(**values)


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
        manager = people.get(notice.escalate_to or "")
        if manager is None:
            return phrase("unescalated", language, n=o.days_late), "overdue"
        return phrase("escalated", language, n=o.days_late, manager=manager.name), "overdue"
    if until < 0:
        return phrase("overdue", language, n=-until), "overdue"
    if until == 0:
        return phrase("today", language), "today"
    if until == 1:
        return phrase("tomorrow", language), "soon"
    return phrase("in_days", language, n=until), "soon" if until <= 3 else "later"


def line(notice: Notice, people: Mapping[str, Person], settings: Settings, *, private: bool) -> Line:
    """``private``: the reader is the owner (e-mail, the repository itself), so confidential details may show."""
    o, language = notice.occurrence, settings.language
    label, urgency = _label(notice, people, language)
    hide = o.contract.confidential and not private
    amount = "" if o.amount is None or hide else format_money(o.amount, o.currency, language)
    return Line(
        key=notice.key,
        label=label,
        urgency=urgency,
        contract_id=o.contract.id,
        contract_title=phrase("confidential", language) if hide else o.contract.title,
        milestone=o.title,
        kind=word(o.kind, language),
        due=with_due_note(format_date(o.due, language), o, language),  # and why it moved, if it did
        amount=amount,
        counterparty="" if hide else o.contract.counterparty.name,
        owner_id=o.owner,
        link=contract_link(settings, o.contract) or "",
        escalate_to=notice.escalate_to or "",
    )


def title(day: date, language: str) -> str:
    return phrase("title", language, date=format_date(day, language))
