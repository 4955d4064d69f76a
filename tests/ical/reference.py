"""The reference paths the feed builder is checked against (by the tests) and timed against (by the benchmark).

- placement: ``plan_feeds`` places every event with a plain generator and one sort at the end; the
  streamed, batched and forked ``build_feeds`` must give the same bytes;
- rendering: ``reference_feeds`` builds a plan event by event through icalendar's Calendar/Event API,
  what the fast writer must parse like; ``render_feeds`` is the same plan through the fast writer.

icalendar is needed only here, so it is a test dependency, not a runtime one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from operator import itemgetter

import icalendar

from pactwatch.engine import Evaluation, Occurrence
from pactwatch.ical.events import LeanEvent, lean_events, occurrence_events
from pactwatch.ical.feeds import Layout, Placer, assemble, default_stamp, feed_metas, layout, render_variants, sort_key
from pactwatch.ical.records import CalendarMeta, EventRecord
from pactwatch.ical.writer import PRODID, format_stamp

Placed = tuple[str, Occurrence, tuple[str, ...], EventRecord, LeanEvent | None]  # key, occurrence, where, own, lean


def placed_events(plan: Layout, occurrences: Iterable[Occurrence]) -> Iterator[Placed]:
    """(sort key, occurrence, the feeds listing it, the contract feed's event, the lean one in the window) for
    every event of ``occurrences``, in their order."""
    placer = Placer(plan)
    for occurrence in occurrences:
        where = placer.where(occurrence)
        if where is not None:
            facts = placer.facts_of(occurrence)
            own = occurrence_events(occurrence, facts, plan.ctx)
            lean: list[LeanEvent | None] = [*lean_events(occurrence, facts, plan.ctx)] if len(where) > 1 else [None] * len(own)
            for rank, (record, shared) in enumerate(zip(own, lean, strict=True)):
                yield sort_key(record, occurrence, rank), occurrence, where, record, shared


@dataclass(frozen=True, slots=True)
class FeedPlan:
    """Every feed and every event before rendering."""

    layout: Layout
    metas: dict[str, CalendarMeta]  # sorted by path
    events: list[Placed]  # sorted by day, contract, key
    stamp: datetime  # DTSTAMP of every event


def plan_feeds(evaluation: Evaluation, *, public: bool, stamp: datetime | None = None) -> FeedPlan:
    plan = layout(evaluation, public=public)
    placed = sorted(placed_events(plan, evaluation.occurrences), key=itemgetter(0))
    return FeedPlan(plan, feed_metas(plan), placed, stamp or default_stamp(evaluation))


def render_feeds(plan: FeedPlan) -> dict[str, bytes]:
    """A plan through the fast writer: each variant rendered once, shared by the feeds that list it."""
    stamp = format_stamp(plan.stamp)
    return assemble(plan.layout, plan.metas, [render_variants(key, o, where, own, lean, stamp) for key, o, where, own, lean in plan.events])


def reference_event(record: EventRecord, stamp: datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", record.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", record.start)
    event.add("dtend", record.end)
    event.add("summary", record.summary)
    if record.description:
        event.add("description", record.description)
    if record.categories:
        event.add("categories", list(record.categories))
    if record.status != "CONFIRMED":  # the writer leaves out what a client assumes
        event.add("status", record.status)
    event.add("transp", "TRANSPARENT")
    for item in record.alarms:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", item.description)
        alarm.add("trigger", item.trigger)
        event.add_component(alarm)
    return event


def reference_calendar(meta: CalendarMeta) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID.format(language=meta.language.upper()))
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", icalendar.vText(meta.name))  # icalendar does not know RFC 7986 NAME: say it is TEXT
    calendar.add("x-wr-calname", icalendar.vText(meta.name))
    if meta.description:
        calendar.add("x-wr-caldesc", icalendar.vText(meta.description))
    calendar.add("x-wr-timezone", icalendar.vText(meta.timezone))
    calendar.add("refresh-interval", timedelta(hours=meta.refresh_hours), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(timedelta(hours=meta.refresh_hours)))
    return calendar


def reference_feeds(plan: FeedPlan) -> dict[str, bytes]:
    """The plan through icalendar: one Event object per variant (the aggregate feeds' three: events.LeanEvent), then
    to_ical per feed.

    No size budget: for plans whose windowed feeds fit it (the benchmark's and the tests' do not narrow)."""
    calendars = {path: reference_calendar(meta) for path, meta in plan.metas.items()}
    for _, _, where, own, lean in plan.events:
        calendars[where[2] if len(where) > 1 else where[0]].add_component(reference_event(own, plan.stamp))
        if lean is not None:
            event = lean.event
            quiet = event._replace(alarms=())
            variants = (quiet, event._replace(description=lean.person), quiet._replace(description=lean.counterparty))
            for path, variant in zip((where[0], where[1], where[3]), variants, strict=True):
                calendars[path].add_component(reference_event(variant, plan.stamp))
    return {path: calendar.to_ical() for path, calendar in calendars.items()}
