"""Which feeds exist and what each holds: ``build_feeds(evaluation, public=...) -> {relative path: bytes}``.

- ``all.ics``: every occurrence and notice deadline in the evaluation;
- ``people/<person id>.ics``: what that person owns (one per person in people.yaml, even if empty,
  so a subscription never meets a 404);
- ``contracts/<contract id>.ics``: one contract;
- ``counterparties/<slug>.ics``: one counterparty (see slug.py).

Public builds (``public=True``) leave confidential contracts out entirely and
leave amounts and document links out of every event. Each event is rendered
once and shared by the four feeds that list it. Pure: the stamp defaults to
midnight UTC of the evaluation's day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter

from pactwatch.engine import Evaluation, Occurrence
from pactwatch.ical.events import ContractFacts, EventContext, contract_facts, occurrence_events
from pactwatch.ical.labels import label
from pactwatch.ical.output import ALL_FEED, FEED_DIRS, WriteResult, write_feeds
from pactwatch.ical.records import CalendarMeta, EventRecord
from pactwatch.ical.slug import assign_slugs, group_key, slugify
from pactwatch.ical.text import clean_text
from pactwatch.ical.writer import format_stamp, render_calendar, render_event
from pactwatch.model import Contract

__all__ = [
    "ALL_FEED",
    "FEED_DIRS",
    "FeedPlan",
    "Layout",
    "WriteResult",
    "build_feeds",
    "layout",
    "plan_feeds",
    "render_feeds",
    "write_feeds",
]

Placed = tuple[str, EventRecord, tuple[str, ...]]
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")


def file_name(identifier: str) -> str:
    """A person or contract id as a file name (ids are schema-checked; anything else is slugged)."""
    return identifier if _SAFE_NAME.fullmatch(identifier) else slugify(identifier)


def _metas(evaluation: Evaluation, contracts: list[Contract], slugs: dict[str, str], ctx: EventContext) -> dict[str, CalendarMeta]:
    settings = evaluation.portfolio.settings
    lang, zone = settings.language, settings.timezone
    prefix = label("calendar", lang)

    def meta(name: str) -> CalendarMeta:
        return CalendarMeta(f"{prefix} · {name}", zone, lang)

    metas = {ALL_FEED: meta(label("all", lang))}
    shown = {c.id for c in contracts}
    owners = set(ctx.names) | {o.milestone.owner for o in evaluation.occurrences if o.contract.id in shown}
    for person in sorted(owners):
        metas.setdefault(f"people/{file_name(person)}.ics", meta(ctx.names.get(person, person)))
    for contract in contracts:
        metas[f"contracts/{file_name(contract.id)}.ics"] = meta(f"{contract.id} {clean_text(contract.title)}")
        slug = slugs[group_key(contract.counterparty)]
        metas.setdefault(f"counterparties/{slug}.ics", meta(clean_text(contract.counterparty.name)))
    return dict(sorted(metas.items()))


@dataclass(frozen=True, slots=True)
class Layout:
    """Which feeds exist (path -> calendar properties) and, per contract, its facts and feeds."""

    ctx: EventContext
    metas: dict[str, CalendarMeta]  # sorted by path
    facts: dict[str, ContractFacts]  # by contract id, for the contracts shown
    homes: dict[str, tuple[str, str]]  # contract id -> (its contract feed, its counterparty feed)


def layout(evaluation: Evaluation, *, public: bool) -> Layout:
    """Public builds leave confidential contracts out entirely."""
    ctx = EventContext.of(evaluation, public=public)
    contracts = [c for c in evaluation.portfolio.contracts if not (public and c.confidential)]
    slugs = assign_slugs([c.counterparty for c in contracts])
    facts = {c.id: contract_facts(c, ctx) for c in contracts}
    homes = {c.id: (f"contracts/{file_name(c.id)}.ics", f"counterparties/{slugs[group_key(c.counterparty)]}.ics") for c in contracts}
    return Layout(ctx, _metas(evaluation, contracts, slugs, ctx), facts, homes)


def placed_events(plan: Layout, occurrences: Iterable[Occurrence]) -> Iterator[Placed]:
    """(sort key, event, the feeds listing it) for every event of ``occurrences``, in their order.

    Sorting by the key (stable) puts reminder events on their own days; without them every key is "".
    """
    paths: dict[tuple[str, str], tuple[str, ...]] = {}  # shared tuples: one per (contract, owner), not one per event
    keyed = plan.ctx.settings.reminder_events  # otherwise events come in occurrence order already: no key needed
    for occurrence in occurrences:
        contract_id, owner = occurrence.contract.id, occurrence.milestone.owner
        known = plan.facts.get(contract_id)
        if known is None:
            continue  # a confidential contract in a public build
        where = paths.get((contract_id, owner))
        if where is None:
            where = paths[contract_id, owner] = (ALL_FEED, f"people/{file_name(owner)}.ics", *plan.homes[contract_id])
        for rank, record in enumerate(occurrence_events(occurrence, known, plan.ctx)):
            # A string key sorts like (start, contract id, occurrence key, rank): ids hold no NUL, ISO dates sort by time.
            yield (f"{record.start.isoformat()}\0{contract_id}\0{occurrence.key}\0{rank}" if keyed else ""), record, where


@dataclass(frozen=True, slots=True)
class FeedPlan:
    """Every feed and every event before rendering (for the icalendar reference and for tests)."""

    metas: dict[str, CalendarMeta]  # sorted by path
    events: list[tuple[EventRecord, tuple[str, ...]]]  # (event, the feeds listing it), sorted by day, contract, key
    stamp: datetime  # DTSTAMP of every event


def default_stamp(evaluation: Evaluation) -> datetime:
    """DTSTAMP when none is given: 00:00 UTC of the evaluation's day, so equal inputs give equal bytes."""
    day = evaluation.today
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def plan_feeds(evaluation: Evaluation, *, public: bool, stamp: datetime | None = None) -> FeedPlan:
    plan = layout(evaluation, public=public)
    placed = sorted(placed_events(plan, evaluation.occurrences), key=itemgetter(0))
    return FeedPlan(plan.metas, [(record, where) for _, record, where in placed], stamp or default_stamp(evaluation))


def assemble(metas: dict[str, CalendarMeta], rendered: Iterable[tuple[bytes, tuple[str, ...]]]) -> dict[str, bytes]:
    """Whole feeds from rendered events, each appended to every feed that lists it."""
    buckets: dict[str, list[bytes]] = {path: [] for path in metas}
    for data, where in rendered:
        for path in where:
            buckets[path].append(data)
    return {path: render_calendar(meta, buckets[path]) for path, meta in metas.items()}


def render_feeds(plan: FeedPlan) -> dict[str, bytes]:
    """A plan through the fast writer: each event rendered once, shared by the feeds that list it."""
    stamp = format_stamp(plan.stamp)
    return assemble(plan.metas, ((render_event(record, stamp), where) for record, where in plan.events))


def build_feeds(evaluation: Evaluation, *, public: bool, stamp: datetime | None = None, jobs: int = 1) -> dict[str, bytes]:
    """Every feed as bytes, by path relative to the feeds folder (sorted by path).

    The same bytes as ``render_feeds(plan_feeds(...))`` for any ``jobs``, but streamed (only each event's
    bytes are kept) and, for large portfolios with ``jobs`` > 1, rendered on several cores (see workers.py).
    """
    from pactwatch.ical.workers import render_all

    plan = layout(evaluation, public=public)
    rendered = render_all(plan, evaluation.occurrences, format_stamp(stamp or default_stamp(evaluation)), jobs)
    rendered.sort(key=itemgetter(0))  # already in order unless reminder events were added
    return assemble(plan.metas, ((data, where) for _, data, where in rendered))
