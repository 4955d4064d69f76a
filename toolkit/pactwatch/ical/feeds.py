"""Which feeds exist and what each holds: ``build_feeds(evaluation, public=...) -> {relative path: bytes}``.

- ``all.ics``: every occurrence and notice deadline in the window (below);
- ``people/<person id>.ics``: what that person owns in the window (one per person in people.yaml, even if
  empty, so a subscription never meets a 404);
- ``contracts/<contract id>.ics``: one contract, complete;
- ``counterparties/<slug>.ics``: one counterparty in the window (see pactwatch.naming).

The window (``feeds: {window: {past_days: 60, future_days: 400}}``) keeps the aggregate feeds to what a
subscriber acts on, so calendar clients load them at 50,000 contracts: every open occurrence (overdue ones
however old) and every occurrence due from ``today - past_days`` to ``today + future_days``. Each aggregate
feed says so in its DESCRIPTION.

Public builds (``public=True``) leave confidential contracts out entirely and
leave amounts and document links out of every event. Each event is rendered
once and shared by the four feeds that list it. Deterministic: the stamp
defaults to midnight UTC of the evaluation's day, and the bytes are the same
whether one process renders or several (workers.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from operator import itemgetter

from pactwatch.catalogue import text, word
from pactwatch.engine import OPEN_STATES, Evaluation, Occurrence
from pactwatch.escape.ical import clean_text
from pactwatch.i18n import format_date
from pactwatch.ical.events import ContractFacts, EventContext, contract_facts
from pactwatch.ical.output import ALL_FEED, FEED_DIRS, WriteResult, write_feeds
from pactwatch.ical.records import CalendarMeta, EventRecord
from pactwatch.ical.writer import format_stamp, render_calendar
from pactwatch.model import Contract
from pactwatch.naming import assign_slugs, contract_feed, counterparty_feed, group_key, person_feed

__all__ = [
    "ALL_FEED",
    "FEED_DIRS",
    "Layout",
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
    window: tuple[date, date]  # what the aggregate feeds hold besides open occurrences (both days included)

    def in_window(self, occurrence: Occurrence) -> bool:
        return occurrence.state in OPEN_STATES or self.window[0] <= occurrence.due <= self.window[1]


def layout(evaluation: Evaluation, *, public: bool) -> Layout:
    ctx = EventContext.of(evaluation, public=public)
    contracts = [c for c in evaluation.portfolio.contracts if not (public and c.confidential)]
    slugs = assign_slugs([c.counterparty for c in contracts])
    homes = {c.id: (contract_feed(c.id), counterparty_feed(slugs[group_key(c.counterparty)])) for c in contracts}
    window = evaluation.portfolio.settings.feed_window
    today = evaluation.today
    span = (today - timedelta(days=window.past_days), today + timedelta(days=window.future_days))
    return Layout(evaluation, ctx, contracts, slugs, homes, span)


def feed_metas(plan: Layout) -> dict[str, CalendarMeta]:
    """Every feed that exists (path -> calendar properties), sorted by path; a person's feed exists even when empty."""
    settings = plan.ctx.settings
    lang, zone = settings.language, settings.timezone

    start, end = (format_date(day, lang) for day in plan.window)
    window = text("scale.feed_window", lang, start=start, end=end)

    def meta(name: str, description: str = window) -> CalendarMeta:
        return CalendarMeta(text("feeds.calendar", lang, name=name), zone, lang, description=description)

    metas = {ALL_FEED: meta(word("feeds.all", lang))}
    owners = set(plan.ctx.names) | {o.milestone.owner for o in plan.evaluation.occurrences if o.contract.id in plan.homes}
    for person in sorted(owners):
        metas.setdefault(person_feed(person), meta(plan.ctx.names.get(person, person)))
    for contract in plan.contracts:
        metas[contract_feed(contract.id)] = meta(f"{contract.id} {clean_text(contract.title)}", "")
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
        """The feeds of the occurrence's events (only its contract's outside the window); None for a
        confidential contract in a public build."""
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


def default_stamp(evaluation: Evaluation) -> datetime:
    """DTSTAMP when none is given: 00:00 UTC of the evaluation's day, so equal inputs give equal bytes."""
    day = evaluation.today
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def assemble(metas: dict[str, CalendarMeta], rendered: Iterable[tuple[bytes, tuple[str, ...]]]) -> dict[str, bytes]:
    """Whole feeds from rendered events, each appended to every feed that lists it."""
    buckets: dict[str, list[bytes]] = {path: [] for path in metas}
    for data, where in rendered:
        for path in where:
            buckets[path].append(data)
    return {path: render_calendar(meta, buckets[path]) for path, meta in metas.items()}


def build_feeds(evaluation: Evaluation, *, public: bool, stamp: datetime | None = None, jobs: int = 1) -> dict[str, bytes]:
    """Every feed as bytes, by path relative to the feeds folder (sorted by path).

    Streamed (only each event's bytes are kept) and, for large portfolios with ``jobs`` > 1, rendered on
    several cores (see workers.py); the same bytes for any ``jobs`` as the plain placement and rendering in
    tests/ical/reference.py, which the tests check.
    """
    from pactwatch.ical.workers import render_all

    plan = layout(evaluation, public=public)
    rendered, metas = render_all(plan, evaluation.occurrences, format_stamp(stamp or default_stamp(evaluation)), jobs)
    rendered.sort(key=itemgetter(0))  # already in order unless reminder events were added
    return assemble(metas, ((data, where) for _, data, where in rendered))
