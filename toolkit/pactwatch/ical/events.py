"""Occurrences -> event records: pure, localised, with stable UIDs.

UIDs are UUIDv5 of ``<contract id>/<occurrence key>`` in a fixed namespace:
the key is the milestone id for a one-off milestone (so moving its due date
keeps the UID), ``M3@2026-05-31`` for an occurrence of a recurring one and
``_notice@2026-12-17`` for a notice deadline. Titles, owners and due dates
are not part of it, and no host or person is (RFC 7986, section 5.3).

Reminders: each reminder offset still ahead (on or after today) of an open
occurrence that is not yet overdue becomes a DISPLAY alarm at 09:00 local time
on the reminder day (all-day events start at 00:00, so ``n`` days before is
``-P(n-1)DT15H`` and the day itself is ``PT9H``). With
``feeds: {reminder_events: true}`` each offset above 0 also becomes its own
one-day event, for clients that ignore alarms in subscribed calendars.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import quote

from pactwatch.engine import Evaluation, Occurrence
from pactwatch.engine.reminders import remind_days
from pactwatch.i18n import format_date, format_money, word
from pactwatch.ical.labels import alarm_text, field, label, reminder_marker
from pactwatch.ical.records import Alarm, EventRecord, EventStatus
from pactwatch.ical.text import clean_text
from pactwatch.model import Contract, Settings
from pactwatch.rules.urls import is_safe_url

UID_NAMESPACE = uuid.UUID("7af7e07a-e748-573f-adf5-4e9bba665514")  # fixed forever: changing it changes every UID
ALARM_HOUR = 9  # alarms fire at 09:00 local time on the reminder day
UNMARKED_STATES = frozenset({"upcoming"})  # every other state prefixes the summary, e.g. [逾期]


@dataclass(frozen=True, slots=True)
class EventContext:
    """What every event of one build needs besides its occurrence."""

    settings: Settings
    today: date
    public: bool
    names: Mapping[str, str]  # person id -> clean display name

    @property
    def language(self) -> str:
        return self.settings.language

    @classmethod
    def of(cls, evaluation: Evaluation, *, public: bool) -> EventContext:
        names = {pid: clean_text(person.name) for pid, person in evaluation.portfolio.people.items()}
        return cls(evaluation.portfolio.settings, evaluation.today, public, names)


@dataclass(frozen=True, slots=True)
class ContractFacts:
    """The parts of an event that depend on the contract only (computed once per contract)."""

    title: str
    head: str  # description lines before the milestone's own
    tail: str  # description lines after (links, documents)
    url: str | None


def event_uid(contract_id: str, key: str, suffix: str = "") -> str:
    return str(uuid.uuid5(UID_NAMESPACE, f"{contract_id}/{key}{suffix}"))


def _links(contract: Contract, settings: Settings) -> tuple[str | None, str | None]:
    page = source = None
    if settings.site_url:
        base = settings.site_url if settings.site_url.endswith("/") else settings.site_url + "/"
        page = f"{base}contracts/{quote(contract.id, safe='')}/"
    if settings.repository:
        source = f"https://github.com/{settings.repository}/blob/main/{quote(contract.source, safe='/')}"
    return (page if page and is_safe_url(page) else None), (source if source and is_safe_url(source) else None)


def contract_facts(contract: Contract, ctx: EventContext) -> ContractFacts:
    lang = ctx.language
    title = clean_text(contract.title)
    head = [field("contract", f"{title} ({contract.id})", lang), field("counterparty", clean_text(contract.counterparty.name), lang)]
    page, source = _links(contract, ctx.settings)
    tail = [field(key, url, lang) for key, url in (("page", page), ("source", source)) if url]
    documents = [] if ctx.public else [d for d in contract.documents if is_safe_url(d.url)]
    if documents:
        tail.append(field("documents", "", lang))
        tail.extend(f"- {clean_text(d.title)}: {d.url.strip()}" for d in documents)
    return ContractFacts(title, "\n".join(head), "\n".join(tail), page or source)


def summary(occurrence: Occurrence, facts: ContractFacts, language: str) -> str:
    text = f"{facts.title} · {clean_text(occurrence.title)}"
    if occurrence.state in UNMARKED_STATES:
        return text
    return f"[{word(occurrence.state, language)}] {text}"


def _amount(occurrence: Occurrence, language: str) -> str:
    assert occurrence.amount is not None
    money = format_money(occurrence.amount, occurrence.currency, language)
    return money if money.endswith(occurrence.currency) else f"{money} {occurrence.currency}"


def description(occurrence: Occurrence, facts: ContractFacts, ctx: EventContext) -> str:
    lang = ctx.language
    lines = [facts.head, field("kind", word(occurrence.kind, lang), lang)]
    if occurrence.amount is not None and not ctx.public:
        lines.append(field("amount", _amount(occurrence, lang), lang))
    lines.append(field("owner", ctx.names.get(occurrence.owner, occurrence.owner), lang))
    state = [word(occurrence.state, lang)]
    if occurrence.blocked:
        state.append(label("blocked", lang))
    if occurrence.acknowledged:
        state.append(label("acknowledged", lang))
    lines.append(field("state", " · ".join(state), lang))
    lines.append(field("due", format_date(occurrence.due, lang), lang))
    if occurrence.completed_on is not None:
        lines.append(field("completed_on", format_date(occurrence.completed_on, lang), lang))
    if occurrence.days_late > 0:
        lines.append(field("days_late", str(occurrence.days_late), lang))
    if facts.tail:
        lines.append(facts.tail)
    return "\n".join(lines)


def pending_reminders(occurrence: Occurrence, ctx: EventContext) -> list[int]:
    """Reminder offsets (days before due, largest first) whose day has not passed, for open occurrences not yet overdue."""
    if occurrence.state not in ("upcoming", "due_soon"):
        return []
    ahead = (occurrence.due - ctx.today).days
    return sorted({days for days in remind_days(occurrence, ctx.settings) if days <= ahead}, reverse=True)


def alarm_trigger(days: int) -> timedelta:
    """09:00 on the reminder day, relative to the all-day event's start (00:00 of the due day)."""
    return timedelta(days=-days, hours=ALARM_HOUR)


def occurrence_events(occurrence: Occurrence, facts: ContractFacts, ctx: EventContext) -> list[EventRecord]:
    """The event of one occurrence, then its reminder events when ``reminder_events`` is on."""
    lang = ctx.language
    title = summary(occurrence, facts, lang)
    text = description(occurrence, facts, ctx)
    kind = word(occurrence.kind, lang)
    offsets = pending_reminders(occurrence, ctx)
    alarms = tuple(Alarm(alarm_trigger(days), alarm_text(days, title, lang)) for days in offsets)
    uid = event_uid(occurrence.contract.id, occurrence.key)
    status: EventStatus = "CANCELLED" if occurrence.state == "cancelled" else "CONFIRMED"
    events = [EventRecord(uid, occurrence.due, title, text, (kind,), status, facts.url, alarms)]
    if ctx.settings.reminder_events:
        for days in offsets:
            if days > 0:
                events.append(
                    EventRecord(
                        event_uid(occurrence.contract.id, occurrence.key, f"#reminder-{days}"),
                        occurrence.due - timedelta(days=days),
                        f"{reminder_marker(days, lang)} {facts.title} · {clean_text(occurrence.title)}",
                        text,
                        (kind, label("reminder", lang)),
                        "CONFIRMED",
                        facts.url,
                    )
                )
    return events
