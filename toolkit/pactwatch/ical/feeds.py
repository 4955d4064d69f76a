"""Which feeds exist and what each holds: ``build_feeds(evaluation, public=...) -> {relative path: bytes}``.

- ``all.ics``: every occurrence and notice deadline in the window (below);
- ``people/<person id>.ics``: what that person owns in the window (one per person in people.yaml, even if
  empty, so a subscription never meets a 404);
- ``contracts/<contract id>.ics``: one contract, complete;
- ``counterparties/<slug>.ics``: one counterparty in the window (see pactwatch.naming).

The window (``feeds: {window: {past_days: 60, future_days: 400}}``) keeps the aggregate feeds to what a
subscriber acts on: every overdue occurrence however old, and every occurrence (open, done, waived, cancelled)
due from ``today - past_days`` to ``today + future_days``. The size budget (``feeds: {max_mb: 3}``) then
guarantees that calendar clients load them: a feed that would be larger holds a narrower window
(horizon.py). Each aggregate feed states the window it actually holds in its DESCRIPTION.

Public builds (``public=True``) leave confidential contracts out entirely and leave amounts and document
links out of every event. Each event is rendered for the contract feed and, in the window, for all.ics, the
person's feed (without the owner, with alarms) and the counterparty's (without the counterparty): events.py.
Deterministic: the stamp defaults to midnight UTC of the evaluation's day, and the bytes are the same whether
one process renders or several (workers.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from operator import attrgetter
from typing import NamedTuple

from pactwatch.catalogue import text, word
from pactwatch.engine import Evaluation, Occurrence
from pactwatch.escape.ical import clean_text
from pactwatch.i18n import format_date
from pactwatch.ical import reuse
from pactwatch.ical.events import ContractFacts, EventContext, LeanEvent, contract_facts, contract_notes
from pactwatch.ical.horizon import Horizon, Item, fit
from pactwatch.ical.output import ALL_FEED, FEED_DIRS, WriteResult, windowed, write_feeds
from pactwatch.ical.records import CalendarMeta, EventRecord
from pactwatch.ical.reuse import Events, RenderCache, origin
from pactwatch.ical.writer import CALENDAR_END, format_stamp, render_calendar, render_event, render_header, render_texts
from pactwatch.model import Contract
from pactwatch.naming import assign_slugs, contract_feed, counterparty_feed, group_key, person_feed

__all__ = [
    "ALL_FEED",
    "FEED_DIRS",
    "Layout",
    "Rendered",
    "WriteResult",
    "build_feeds",
    "layout",
    "write_feeds",
]


@dataclass(frozen=True, slots=True)
class Layout:
    """The contracts a build shows and, for each, the contract and counterparty feeds its events go in."""

    evaluation: Evaluation
    ctx: EventContext
    contracts: list[Contract]  # public builds leave confidential contracts out entirely
    slugs: dict[str, str]  # counterparty group key -> slug
    homes: dict[str, tuple[str, str]]  # contract id -> (its contract feed, its counterparty feed)
    window: Horizon  # what the aggregate feeds hold besides every overdue occurrence (both days included)
    budget: int  # bytes: no aggregate feed is larger, unless its overdue events alone are

    def in_window(self, occurrence: Occurrence) -> bool:
        """Overdue however old, else due within the window (open or not: far-off upcoming ones wait their turn)."""
        return occurrence.state == "overdue" or self.window.start <= occurrence.due <= self.window.end


def layout(evaluation: Evaluation, *, public: bool) -> Layout:
    ctx = EventContext.of(evaluation, public=public)
    contracts = [c for c in evaluation.portfolio.contracts if not (public and c.confidential)]
    slugs = assign_slugs([c.counterparty for c in contracts])
    homes = {c.id: (contract_feed(c.id), counterparty_feed(slugs[group_key(c.counterparty)])) for c in contracts}
    settings = evaluation.portfolio.settings
    window, today = settings.feed_window, evaluation.today
    span = Horizon(today - timedelta(days=window.past_days), today + timedelta(days=window.future_days))
    return Layout(evaluation, ctx, contracts, slugs, homes, span, round(settings.feed_max_mb * 1_000_000))


def window_text(plan: Layout, horizon: Horizon) -> str:
    """The aggregate feeds' DESCRIPTION: the window they actually hold, and why when it was narrowed."""
    lang = plan.ctx.language
    budget = f"{plan.budget / 1_000_000:g}"
    if horizon.empty:
        return text("feeds.window_overdue_only", lang, budget=budget)
    start, end = (format_date(day, lang) for day in (horizon.start, horizon.end))
    return text("feeds.window_shortened" if horizon.shortened else "feeds.window", lang, start=start, end=end, budget=budget)


def feed_metas(plan: Layout) -> dict[str, CalendarMeta]:
    """Every feed that exists (path -> calendar properties), sorted by path; a person's feed exists even when empty."""
    settings = plan.ctx.settings
    lang, zone = settings.language, settings.timezone

    window = window_text(plan, plan.window)

    def meta(name: str, description: str = window) -> CalendarMeta:
        return CalendarMeta(text("feeds.calendar", lang, name=name), zone, lang, description=description)

    metas = {ALL_FEED: meta(word("feeds.all", lang))}
    owners = set(plan.ctx.names) | {o.milestone.owner for o in plan.evaluation.occurrences if o.contract.id in plan.homes}
    for person in sorted(owners):
        metas.setdefault(person_feed(person), meta(plan.ctx.names.get(person, person)))
    for contract in plan.contracts:
        metas[contract_feed(contract.id)] = meta(f"{contract.id} {clean_text(contract.title)}", contract_notes(contract, plan.ctx))
        slug = plan.slugs[group_key(contract.counterparty)]
        metas.setdefault(counterparty_feed(slug), meta(clean_text(contract.counterparty.name)))
    return dict(sorted(metas.items()))


class Placer:
    """Per occurrence: the feeds listing its events, and its contract's facts (both made once, on first use)."""

    def __init__(self, plan: Layout) -> None:
        self.plan = plan
        self.facts: dict[str, ContractFacts] = {}
        self.paths: dict[tuple[str, str], tuple[str, ...] | None] = {}  # shared tuples: one per (contract, owner)

    def where(self, occurrence: Occurrence) -> tuple[str, ...] | None:
        """The feeds of the occurrence's events: (all, person, contract, counterparty), only its contract's outside
        the window; None for a confidential contract in a public build."""
        key = (occurrence.contract.id, occurrence.milestone.owner)
        if key not in self.paths:
            homes = self.plan.homes.get(key[0])
            self.paths[key] = None if homes is None else (ALL_FEED, person_feed(key[1]), *homes)
        paths = self.paths[key]
        if paths is None or self.plan.in_window(occurrence):
            return paths
        return paths[2:3]  # its contract feed: complete

    def facts_of(self, occurrence: Occurrence) -> ContractFacts:
        known = self.facts.get(occurrence.contract.id)
        if known is None:
            known = self.facts[occurrence.contract.id] = contract_facts(occurrence.contract, self.plan.ctx)
        return known


def sort_key(record: EventRecord, occurrence: Occurrence, rank: int) -> str:
    """Sorts like (start, contract id, occurrence key, rank): ids hold no NUL, and ISO dates sort by time."""
    return f"{record.start.isoformat()}\0{occurrence.contract.id}\0{occurrence.key}\0{rank}"


class Rendered(NamedTuple):
    """One event rendered for every feed listing it."""

    key: str  # sort key ("" when events come in occurrence order already)
    due: date  # its occurrence's due day: what a narrowed window cuts on
    pinned: bool  # overdue: every aggregate feed keeps it
    where: tuple[str, ...]  # Placer.where
    own: bytes  # for the contract's feed
    everyone: bytes  # for all.ics (b"" outside the window, as the next two)
    person: bytes  # for the owner's feed: without the owner, with the alarms
    counterparty: bytes  # for the counterparty's feed: without the counterparty
    origin: str  # its occurrence (reuse.origin): what a rebuild finds it by


def render_variants(
    key: str, occurrence: Occurrence, where: tuple[str, ...], own: EventRecord, lean: LeanEvent | None, stamp: str
) -> Rendered:
    """The contract feed's event and, in the window, the aggregate feeds' three (events.LeanEvent)."""
    mine = render_event(own, stamp)
    person = everyone = counterparty = b""
    if lean is not None:
        event = lean.event
        person, everyone, counterparty = render_texts(event, (lean.person, event.description, lean.counterparty), stamp, alarmed=1)
    found = origin(occurrence.contract.id, occurrence.key)
    return Rendered(key, occurrence.due, occurrence.state == "overdue", where, mine, everyone, person, counterparty, found)


def reused(occurrence: Occurrence, where: tuple[str, ...], stored: reuse.Record) -> Rendered:
    """An event of the last build (reuse.py) placed for this one."""
    key, own, everyone, person, counterparty = stored
    pinned = occurrence.state == "overdue"
    return Rendered(key, occurrence.due, pinned, where, own, everyone, person, counterparty, origin(occurrence.contract.id, occurrence.key))


def kept(rendered: Iterable[Rendered], valid: frozenset[str], previous: Events) -> Events:
    """The events to keep for the next build: the reused contracts' as they were, the others' as rendered now."""
    out: Events = {cid: previous[cid] for cid in valid if cid in previous}
    for event in rendered:
        contract_id, _, key = event.origin.partition("\0")
        if contract_id in valid:
            continue
        record = (event.key, event.own, event.everyone, event.person, event.counterparty)
        out.setdefault(contract_id, {}).setdefault(key, []).append(record)
    return out


def default_stamp(evaluation: Evaluation) -> datetime:
    """DTSTAMP when none is given: 00:00 UTC of the evaluation's day, so equal inputs give equal bytes."""
    day = evaluation.today
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def assemble(plan: Layout, metas: dict[str, CalendarMeta], rendered: Iterable[Rendered]) -> dict[str, bytes]:
    """Whole feeds from rendered events, each in every feed that lists it; the windowed feeds fit their budget."""
    own: dict[str, list[bytes]] = {path: [] for path in metas if not windowed(path)}
    lean: dict[str, list[Item]] = {path: [] for path in metas if windowed(path)}
    for event in rendered:
        if len(event.where) == 1:
            own[event.where[0]].append(event.own)
            continue
        everyone, person, contract, counterparty = event.where
        own[contract].append(event.own)
        lean[everyone].append(Item(event.due, event.pinned, event.everyone))
        lean[counterparty].append(Item(event.due, event.pinned, event.counterparty))
        lean[person].append(Item(event.due, event.pinned, event.person))
    feeds = {path: render_calendar(metas[path], events) for path, events in own.items()}
    for path, items in lean.items():
        feeds[path] = fitted(plan, metas[path], items)
    return dict(sorted(feeds.items()))


def fitted(plan: Layout, meta: CalendarMeta, items: list[Item]) -> bytes:
    """One windowed feed within the budget (horizon.py), saying the window it holds."""

    def framed(horizon: Horizon) -> CalendarMeta:
        return meta if horizon == plan.window else replace(meta, description=window_text(plan, horizon))

    def frame(horizon: Horizon) -> int:
        return len(render_header(framed(horizon))) + len(CALENDAR_END)

    horizon, kept = fit(items, plan.window, plan.evaluation.today, plan.budget, frame)
    return render_calendar(framed(horizon), kept)


def build_feeds(evaluation: Evaluation, *, public: bool, stamp: datetime | None = None, jobs: int = 1) -> dict[str, bytes]:
    """Every feed as bytes, by path relative to the feeds folder (sorted by path).

    Streamed (only each event's bytes are kept) and, for large portfolios with ``jobs`` > 1, rendered on
    several cores (see workers.py); the same bytes for any ``jobs`` as the plain placement and rendering in
    tests/ical/reference.py, which the tests check.
    """
    return _build(evaluation, public, stamp, jobs, None)[0]


def build_feeds_reusing(
    evaluation: Evaluation, previous: RenderCache, *, public: bool, stamp: datetime | None = None, jobs: int = 1
) -> tuple[dict[str, bytes], RenderCache]:
    """``build_feeds``, taking the events of contracts unchanged since ``previous`` from it (reuse.py); the
    same bytes as a build without it. Returns the feeds and what the next build may reuse."""
    feeds, cache = _build(evaluation, public, stamp, jobs, previous)
    assert cache is not None
    return feeds, cache


def _build(
    evaluation: Evaluation, public: bool, stamp: datetime | None, jobs: int, previous: RenderCache | None
) -> tuple[dict[str, bytes], RenderCache | None]:
    from pactwatch.ical.workers import render_all

    plan = layout(evaluation, public=public)
    stamp_text = format_stamp(stamp or default_stamp(evaluation))
    digests: dict[str, bytes] = {}
    if previous is not None:
        shared = reuse.build_digest(evaluation, public=public, stamp=stamp_text, names=plan.ctx.names)
        digests = {c.id: reuse.contract_digest(shared, c, evaluation) for c in plan.contracts}
    valid = reuse.reusable(previous, digests) if previous is not None else frozenset()
    events = previous.events if previous is not None else {}
    rendered, metas = render_all(plan, evaluation.occurrences, stamp_text, jobs, events, valid)
    rendered.sort(key=attrgetter("key"))  # already in order unless reminder events were added
    cache = None
    if previous is not None:  # what to keep, and what save() must write again: the shards of contracts rendered now
        cache = RenderCache(digests, kept(rendered, valid, events), previous.shards, frozenset(digests) - valid)
    return assemble(plan, metas, rendered), cache
