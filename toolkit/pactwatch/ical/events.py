"""Occurrences -> event records: pure, localised, with stable UIDs.

UIDs are UUIDv5 of ``<contract id>/<occurrence key>`` in a fixed namespace:
the key is the milestone id for a one-off milestone (so moving its due date
keeps the UID), ``M3@2026-05-31`` for an occurrence of a recurring one and
``_notice@2026-12-17`` for a notice deadline. Titles, owners and due dates
are not part of it, and no host or person is (RFC 7986, section 5.3).

Reminders: each reminder offset still ahead (on or after today, and at most
``ALARM_LOOKAHEAD_DAYS`` away) of an open
occurrence that is not yet overdue becomes a DISPLAY alarm at 09:00 local time
on the reminder day (all-day events start at 00:00, so ``n`` days before is
``-P(n-1)DT15H`` and the day itself is ``PT9H``). With
``feeds: {reminder_events: true}`` each offset above 0 also becomes its own
one-day event, for clients that ignore alarms in subscribed calendars.

Each fact once, where the clients that matter show it (docs/how-to/calendar-feeds.md cites what was checked):
the page link is the description's last line (Google Calendar and Outlook show DESCRIPTION, not URL; Apple
Calendar makes a link in the notes clickable), so no URL property; what a feed's calendar name says for all
its events is not repeated in them. The contract's own feed names the contract in its calendar name, so its
events' summaries name only the milestone, and says the contract, its counterparty, page, file and documents
once in its calendar description (``contract_notes``): its events carry kind, amount, owner, lateness,
completion day, the alarms and, while it is open, the page link (a closed one's is in the calendar's description:
a tenth of the feed). The aggregate feeds' events (``LeanEvent``) add the counterparty
and the contract's title; a person's feed leaves out the owner (the calendar is theirs) and a counterparty's
the counterparty, and only a person's feed has alarms. The summary says the state; STATUS is written for
cancelled events only; no CATEGORIES (reminder events aside).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from pactwatch import links
from pactwatch.catalogue import text, word
from pactwatch.engine import STATES, Evaluation, Occurrence
from pactwatch.engine.reminders import offsets as reminder_offsets
from pactwatch.escape.ical import clean_text
from pactwatch.i18n import amount_text, due_note, format_date
from pactwatch.ical.records import Alarm, EventRecord, EventStatus
from pactwatch.model import MILESTONE_KINDS, Contract, Settings
from pactwatch.rules.urls import SAFE_SCHEMES, is_safe_url
from pactwatch.workdays import WorkCalendar

UID_NAMESPACE = uuid.UUID("7af7e07a-e748-573f-adf5-4e9bba665514")  # fixed forever: changing it changes every UID
_NAMESPACE_SHA1 = hashlib.sha1(UID_NAMESPACE.bytes)  # UUIDv5 = SHA-1 of namespace + name, version and variant bits set
_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}  # RFC 4122 variant: the 17th hex digit is 10xx
ALARM_HOUR = 9  # alarms fire at 09:00 local time on the reminder day
MAX_REMIND_DAYS = 366  # reminder offsets are at most 365 (schema)
# An alarm is written once its day is this near: feeds are rebuilt every day (the Pages workflow) and clients
# refresh them every few hours, so the alarms of a milestone a year away would only fill every feed meanwhile
# (they were a fifth of the contract feeds at 10,000 contracts).
ALARM_LOOKAHEAD_DAYS = 30
UNMARKED_STATES = frozenset({"upcoming"})  # every other state prefixes the summary, e.g. [逾期]


@dataclass(frozen=True, slots=True)
class EventContext:
    """What every event of one build needs besides its occurrence (words looked up once, not per event)."""

    settings: Settings
    today: date
    public: bool
    names: Mapping[str, str]  # person id -> clean display name
    words: Mapping[str, str]  # state or kind -> its word (catalogue ``value.*``)
    fields: Mapping[str, str]  # description label -> "类型：" prefix
    workdays: WorkCalendar | None = None  # the evaluation's calendar: reminders move off non-working days

    @property
    def language(self) -> str:
        return self.settings.language

    @classmethod
    def of(cls, evaluation: Evaluation, *, public: bool) -> EventContext:
        settings = evaluation.portfolio.settings
        lang = settings.language
        names = {pid: clean_text(person.name) for pid, person in evaluation.portfolio.people.items()}
        words: dict[str, str] = {key: word(f"value.{key}", lang) for key in (*STATES, *MILESTONE_KINDS)}
        fields = {key: field(word(f"field.{key}", lang), "", lang) for key in ("owner", "state", "due", "completed_on", "days_late")}
        return cls(settings, evaluation.today, public, names, words, fields, evaluation.workdays)


@dataclass(frozen=True, slots=True)
class ContractFacts:
    """The parts of an event that depend on the contract only (computed once per contract)."""

    title: str
    counterparty: str  # the "相对方：…" line of the aggregate feeds' events
    url: str | None  # the contract's page, else its file on GitHub: every event's last description line


class LeanEvent(NamedTuple):
    """An aggregate feeds' event: ``event`` as all.ics lists it (its alarms go only in the person's feed), and
    the descriptions of the person's and the counterparty's feeds, which leave out the owner or the counterparty
    (the calendar's name says it)."""

    event: EventRecord
    person: str
    counterparty: str


def event_uid(contract_id: str, key: str, suffix: str = "") -> str:
    """``str(uuid.uuid5(UID_NAMESPACE, f"{contract_id}/{key}{suffix}"))``, without building UUID objects (hot path)."""
    digest = _NAMESPACE_SHA1.copy()
    digest.update(f"{contract_id}/{key}{suffix}".encode())
    h = digest.hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


def linkable(url: str) -> bool:
    """``is_safe_url`` (what the site links), with a fast path for the usual plain URL."""
    if url.isprintable() and " " not in url:
        return url.lower().startswith(SAFE_SCHEMES)
    return is_safe_url(url)


def field(label: str, value: str, language: str) -> str:
    """``金额：¥1.00 CNY`` / ``Amount: ¥1.00 CNY``."""
    return text("feeds.field", language, label=label, value=value)


def contract_facts(contract: Contract, ctx: EventContext) -> ContractFacts:
    lang, settings = ctx.language, ctx.settings
    counterparty = field(word("field.counterparty", lang), clean_text(contract.counterparty.name), lang)
    page = links.contract_url(settings.site_url, contract.id)
    url = page or links.repository_file(settings.repository, contract.source)
    return ContractFacts(clean_text(contract.title), counterparty, url)


def contract_notes(contract: Contract, ctx: EventContext) -> str:
    """The contract feed's own DESCRIPTION: what every event of the contract shares, said once."""
    lang, settings = ctx.language, ctx.settings
    lines = [
        field(word("field.contract", lang), text("feeds.contract", lang, title=clean_text(contract.title), id=contract.id), lang),
        field(word("field.counterparty", lang), clean_text(contract.counterparty.name), lang),
    ]
    page, source = links.contract_url(settings.site_url, contract.id), links.repository_file(settings.repository, contract.source)
    lines += [field(word(key, lang), url, lang) for key, url in (("feeds.page", page), ("feeds.source", source)) if url]
    documents = [] if ctx.public else [d for d in contract.documents if linkable(d.url)]
    if documents:
        lines.append(field(word("feeds.documents", lang), "", lang))
        lines.extend(text("feeds.document", lang, title=clean_text(d.title), url=clean_text(d.url.strip())) for d in documents)
    return "\n".join(lines)


def summary(occurrence: Occurrence, facts: ContractFacts, ctx: EventContext, *, own: bool) -> str:
    """``[state] contract · milestone``; in the contract's own feed, whose calendar name is the contract, the milestone only."""
    title = _title(occurrence, facts, own=own)
    if occurrence.state in UNMARKED_STATES:
        return title
    return f"[{ctx.words[occurrence.state]}] {title}"


def _title(occurrence: Occurrence, facts: ContractFacts, *, own: bool) -> str:
    milestone = clean_text(occurrence.milestone.title)
    return milestone if own else f"{facts.title} · {milestone}"


def _amount(occurrence: Occurrence, language: str) -> str:
    currency = occurrence.milestone.currency
    money = amount_text(occurrence, language)  # 应收/应付 and any accrued late fee
    return money if currency in money else f"{money} {currency}"


Lines = tuple[str, str, str, str]  # counterparty ("" in the contract feed), kind and amount, owner, the rest ("" when none)


def joined(counterparty: str, kind: str, owner: str, rest: str) -> str:
    """An event's description from its lines; a feed whose calendar's name says a line passes "" for it."""
    return "\n".join([line for line in (counterparty, kind, owner, rest) if line])


def description(occurrence: Occurrence, facts: ContractFacts, ctx: EventContext, *, own: bool) -> Lines:
    """What a subscriber acts on, in parts (see ``joined``); the summary already says the state, milestone and,
    outside the contract's own feed, the contract.

    Aggregate feeds (``own=False``) name the counterparty; the contract's own feed (``own=True``) says the
    contract's facts once in its calendar description and adds the completion day instead. The rest: flags, due
    note, completion day, lateness and the page link."""
    lang, f, milestone = ctx.language, ctx.fields, occurrence.milestone
    kind = ctx.words[milestone.kind]
    if milestone.amount is not None and not ctx.public:
        kind += " · " + _amount(occurrence, lang)
    rest = []
    flags = [word(key, lang) for key, on in (("feeds.blocked", occurrence.blocked), ("flag.acknowledged", occurrence.acknowledged)) if on]
    if flags:
        rest.append(f["state"] + " · ".join((ctx.words[occurrence.state], *flags)))
    note = due_note(occurrence, lang) if occurrence.written is not None or milestone.due_after is not None else ""
    if note:
        rest.append(f["due"] + clean_text(note))
    if own and occurrence.completed_on is not None:
        rest.append(f["completed_on"] + _day(occurrence.completed_on, lang))
    if occurrence.days_late > 0:
        rest.append(f"{f['days_late']}{occurrence.days_late}")
    if facts.url and (occurrence.is_open or not own):
        rest.append(facts.url)  # the contract's own feed: for what is still to do (its calendar names the page once)
    owner = f["owner"] + ctx.names.get(milestone.owner, milestone.owner)
    return ("" if own else facts.counterparty, kind, owner, "\n".join(rest))


@lru_cache(maxsize=65536)
def _day(day: date, language: str) -> str:
    return format_date(day, language)


def pending_reminders(occurrence: Occurrence, ctx: EventContext) -> tuple[int, ...]:
    """Reminder offsets (days before due, largest first) whose day has not passed and comes within
    ``ALARM_LOOKAHEAD_DAYS``, for open occurrences not yet overdue."""
    if occurrence.state not in ("upcoming", "due_soon"):
        return ()
    ahead = (occurrence.due - ctx.today).days
    if ahead - MAX_REMIND_DAYS > ALARM_LOOKAHEAD_DAYS:
        return ()  # no reminder of it fires soon enough
    return _offsets(reminder_offsets(occurrence, ctx.settings, ctx.workdays), min(ahead, MAX_REMIND_DAYS), ahead - ALARM_LOOKAHEAD_DAYS)


@lru_cache(maxsize=4096)
def _offsets(days: tuple[int, ...], ahead: int, least: int) -> tuple[int, ...]:
    return tuple(sorted({d for d in days if least <= d <= ahead}, reverse=True))


def alarm_trigger(days: int) -> timedelta:
    """09:00 on the reminder day, relative to the all-day event's start (00:00 of the due day)."""
    return timedelta(days=-days, hours=ALARM_HOUR)


@lru_cache(maxsize=1024)
def _alarm(days: int, language: str) -> Alarm:
    """What an alarm says (clients show it with the event's own title): the reminders' own words."""
    said = word("notify.due.today", language) if days == 0 else text("notify.due.in_days", language, count=days)
    return Alarm(alarm_trigger(days), said)


def occurrence_events(occurrence: Occurrence, facts: ContractFacts, ctx: EventContext) -> list[EventRecord]:
    """The contract feed's event of one occurrence, then its reminder events when ``reminder_events`` is on."""
    said = joined(*description(occurrence, facts, ctx, own=True))
    event, offsets = _event(occurrence, facts, ctx, said, own=True)
    if ctx.settings.reminder_events and any(offsets):
        return [event, *reminder_events(occurrence, ctx, offsets, _title(occurrence, facts, own=True), said)]
    return [event]


def lean_events(occurrence: Occurrence, facts: ContractFacts, ctx: EventContext) -> list[LeanEvent]:
    """The aggregate feeds' events of one occurrence, in the order of ``occurrence_events``."""
    theirs, kind, owner, rest = description(occurrence, facts, ctx, own=False)
    said = joined(theirs, kind, owner, rest)
    person, counterparty = joined(theirs, kind, "", rest), joined("", kind, owner, rest)
    event, offsets = _event(occurrence, facts, ctx, said, own=False)
    if ctx.settings.reminder_events and any(offsets):
        title = _title(occurrence, facts, own=False)
        mine, yours = _reminder_text(occurrence, ctx, person), _reminder_text(occurrence, ctx, counterparty)
        return [
            LeanEvent(event, person, counterparty),
            *(LeanEvent(r, mine, yours) for r in reminder_events(occurrence, ctx, offsets, title, said)),
        ]
    return [LeanEvent(event, person, counterparty)]


def _event(occurrence: Occurrence, facts: ContractFacts, ctx: EventContext, said: str, *, own: bool) -> tuple[EventRecord, tuple[int, ...]]:
    """The occurrence's event (the kind is in its description) and its pending reminder offsets."""
    offsets = pending_reminders(occurrence, ctx)
    alarms = tuple(_alarm(days, ctx.language) for days in offsets) if offsets else ()
    uid = event_uid(occurrence.contract.id, occurrence.key)
    status: EventStatus = "CANCELLED" if occurrence.state == "cancelled" else "CONFIRMED"
    return EventRecord(uid, occurrence.due, summary(occurrence, facts, ctx, own=own), said, (), status, alarms), offsets


def _reminder_text(occurrence: Occurrence, ctx: EventContext, event_text: str) -> str:
    return f"{ctx.fields['due']}{_day(occurrence.due, ctx.language)}\n{event_text}"


def reminder_events(occurrence: Occurrence, ctx: EventContext, offsets: tuple[int, ...], title: str, event_text: str) -> list[EventRecord]:
    """One-day events on the reminder days before the due day (offset 0 is the event itself)."""
    lang = ctx.language
    said = _reminder_text(occurrence, ctx, event_text)
    categories = (word("feeds.reminder", lang),)
    return [
        EventRecord(
            event_uid(occurrence.contract.id, occurrence.key, f"#reminder-{days}"),
            occurrence.due - timedelta(days=days),
            text("feeds.reminder_title", lang, count=days, title=title),
            said,
            categories,
        )
        for days in offsets
        if days > 0
    ]
