"""The same feeds built event by event through icalendar's Calendar/Event API.

icalendar is the reference for what our fast writer must produce: the property
tests parse both outputs and compare the events, and the benchmark times both.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import icalendar

from pactwatch.ical.feeds import FeedPlan
from pactwatch.ical.records import CalendarMeta, EventRecord
from pactwatch.ical.writer import PRODID


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
