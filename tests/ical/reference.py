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
from pactwatch.ical.events import occurrence_events
from pactwatch.ical.feeds import Layout, Placer, assemble, default_stamp, feed_metas, layout, sort_key
from pactwatch.ical.records import CalendarMeta, EventRecord
from pactwatch.ical.writer import PRODID, format_stamp, render_event

Placed = tuple[str, EventRecord, tuple[str, ...]]


def placed_events(plan: Layout, occurrences: Iterable[Occurrence]) -> Iterator[Placed]:
    """(sort key, event, the feeds listing it) for every event of ``occurrences``, in their order."""
    placer = Placer(plan)
    for occurrence in occurrences:
        where = placer.where(occurrence)
        if where is not None:
            for rank, record in enumerate(occurrence_events(occurrence, placer.facts_of(occurrence), plan.ctx)):
                yield sort_key(record, occurrence, rank), record, where


@dataclass(frozen=True, slots=True)
class FeedPlan:
    """Every feed and every event before rendering."""

    metas: dict[str, CalendarMeta]  # sorted by path
    events: list[tuple[EventRecord, tuple[str, ...]]]  # (event, the feeds listing it), sorted by day, contract, key
    stamp: datetime  # DTSTAMP of every event


def plan_feeds(evaluation: Evaluation, *, public: bool, stamp: datetime | None = None) -> FeedPlan:
    plan = layout(evaluation, public=public)
    placed = sorted(placed_events(plan, evaluation.occurrences), key=itemgetter(0))
    return FeedPlan(feed_metas(plan), [(record, where) for _, record, where in placed], stamp or default_stamp(evaluation))


def render_feeds(plan: FeedPlan) -> dict[str, bytes]:
    """A plan through the fast writer: each event rendered once, shared by the feeds that list it."""
    stamp = format_stamp(plan.stamp)
    return assemble(plan.metas, ((render_event(record, stamp), where) for record, where in plan.events))


def reference_event(record: EventRecord, stamp: datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", record.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", record.start)
    event.add("dtend", record.end)
    event.add("summary", record.summary)
    if record.description:
        event.add("description", record.description)
    if record.url:
        event.add("url", record.url)
    if record.categories:
        event.add("categories", list(record.categories))
    event.add("status", record.status)
    event.add("transp", "TRANSPARENT")
    for item in record.alarms:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", item.description)
        alarm.add("trigger", item.trigger, parameters={"RELATED": "START"})
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
        calendar.add("description", icalendar.vText(meta.description))
        calendar.add("x-wr-caldesc", icalendar.vText(meta.description))
    calendar.add("x-wr-timezone", icalendar.vText(meta.timezone))
    calendar.add("refresh-interval", timedelta(hours=meta.refresh_hours), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(timedelta(hours=meta.refresh_hours)))
    return calendar


def reference_feeds(plan: FeedPlan) -> dict[str, bytes]:
    """The plan through icalendar: one Event object per event (shared by its feeds), then to_ical per feed."""
    calendars = {path: reference_calendar(meta) for path, meta in plan.metas.items()}
    for record, paths in plan.events:
        event = reference_event(record, plan.stamp)
        for path in paths:
            calendars[path].add_component(event)
    return {path: calendar.to_ical() for path, calendar in calendars.items()}
