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
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter

from pactwatch.engine import Evaluation
from pactwatch.ical.events import EventContext, contract_facts, occurrence_events
from pactwatch.ical.labels import label
from pactwatch.ical.output import ALL_FEED, FEED_DIRS, WriteResult, write_feeds
from pactwatch.ical.records import CalendarMeta, EventRecord
from pactwatch.ical.slug import assign_slugs, group_key, slugify
from pactwatch.ical.text import clean_text
from pactwatch.ical.writer import format_stamp, render_calendar, render_event
from pactwatch.model import Contract

__all__ = ["ALL_FEED", "FEED_DIRS", "FeedPlan", "WriteResult", "build_feeds", "plan_feeds", "render_feeds", "write_feeds"]

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
    owners = set(ctx.names) | {o.owner for o in evaluation.occurrences}
    for person in sorted(owners):
        metas.setdefault(f"people/{file_name(person)}.ics", meta(ctx.names.get(person, person)))
    for contract in contracts:
        metas[f"contracts/{file_name(contract.id)}.ics"] = meta(f"{contract.id} {clean_text(contract.title)}")
        slug = slugs[group_key(contract.counterparty)]
        metas.setdefault(f"counterparties/{slug}.ics", meta(clean_text(contract.counterparty.name)))
    return dict(sorted(metas.items()))


@dataclass(frozen=True, slots=True)
class FeedPlan:
    """What goes where, before any rendering: the feeds (path -> calendar properties) and the sorted events."""

    metas: dict[str, CalendarMeta]  # sorted by path
    events: list[tuple[EventRecord, tuple[str, ...]]]  # (event, the feeds listing it), sorted by day, contract, key
    stamp: datetime  # DTSTAMP of every event


def _placed(
    evaluation: Evaluation, contracts: list[Contract], slugs: dict[str, str], ctx: EventContext
) -> list[tuple[EventRecord, tuple[str, ...]]]:
    facts = {c.id: contract_facts(c, ctx) for c in contracts}
    homes = {c.id: (f"contracts/{file_name(c.id)}.ics", f"counterparties/{slugs[group_key(c.counterparty)]}.ics") for c in contracts}
    entries = []
    for occurrence in evaluation.occurrences:
        known = facts.get(occurrence.contract.id)
        if known is None:
            continue  # a confidential contract in a public build
        paths = (ALL_FEED, f"people/{file_name(occurrence.owner)}.ics", *homes[occurrence.contract.id])
        for rank, record in enumerate(occurrence_events(occurrence, known, ctx)):
            entries.append(((record.start, occurrence.contract.id, occurrence.key, rank), record, paths))
    entries.sort(key=itemgetter(0))
    return [(record, paths) for _, record, paths in entries]


def plan_feeds(evaluation: Evaluation, *, public: bool, stamp: datetime | None = None) -> FeedPlan:
    """Decide every feed and event. ``stamp`` is DTSTAMP (default: the evaluation's day, 00:00 UTC)."""
    ctx = EventContext.of(evaluation, public=public)
    contracts = [c for c in evaluation.portfolio.contracts if not (public and c.confidential)]
    slugs = assign_slugs([c.counterparty for c in contracts])
    day = evaluation.today
    return FeedPlan(
        _metas(evaluation, contracts, slugs, ctx),
        _placed(evaluation, contracts, slugs, ctx),
        stamp or datetime(day.year, day.month, day.day, tzinfo=UTC),
    )


def render_feeds(plan: FeedPlan) -> dict[str, bytes]:
    """The plan through the fast writer: each event rendered once, shared by the feeds that list it."""
    stamp = format_stamp(plan.stamp)
    buckets: dict[str, list[bytes]] = {path: [] for path in plan.metas}
    for record, paths in plan.events:
        data = render_event(record, stamp)
        for path in paths:
            buckets[path].append(data)
    return {path: render_calendar(meta, buckets[path]) for path, meta in plan.metas.items()}


def build_feeds(evaluation: Evaluation, *, public: bool, stamp: datetime | None = None) -> dict[str, bytes]:
    """Every feed as bytes, by path relative to the feeds folder (sorted by path)."""
    return render_feeds(plan_feeds(evaluation, public=public, stamp=stamp))
