"""The fast writer: event and calendar records -> RFC 5545 bytes, by plain string building.

Each event is rendered once, to bytes ending in CRLF, so one rendering can be
shared by every feed that lists the event (all, person, contract, counterparty).
tests/ical/reference.py builds the same output through icalendar's API; a
property test checks that both parse to the same events.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from pactwatch.escape.ical import escape_text
from pactwatch.ical.records import ONE_DAY, Alarm, CalendarMeta, EventRecord
from pactwatch.ical.text import fold_line

CRLF = b"\r\n"
PRODID = "-//pactwatch//Contract milestones//{language}"
CALENDAR_END = b"END:VCALENDAR\r\n"
# STATUS only where it says something: CONFIRMED is what a client assumes of a published event (RFC 5545 3.8.1.11).
# TRANSP always: RFC 5545's default is OPAQUE (busy), and what Google, Outlook and Apple assume without it is
# documented nowhere; a milestone does not make its owner busy all day.
_STATUS = {"CONFIRMED": b"TRANSP:TRANSPARENT", "CANCELLED": b"STATUS:CANCELLED\r\nTRANSP:TRANSPARENT"}
_PLAIN_UID = re.compile(r"[0-9A-Za-z-]{1,71}")


def format_stamp(stamp: datetime) -> str:
    """A UTC DATE-TIME value (DTSTAMP must be UTC); naive values are taken as UTC."""
    if stamp.utcoffset() is not None:
        stamp = stamp.astimezone(UTC)
    return f"{stamp.year:04d}{stamp.month:02d}{stamp.day:02d}T{stamp.hour:02d}{stamp.minute:02d}{stamp.second:02d}Z"


@lru_cache(maxsize=65536)
def format_date(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


@lru_cache(maxsize=1024)
def format_duration(delta: timedelta) -> str:
    """An RFC 5545 dur-value: -P6DT15H, PT9H, -P7D, PT0S."""
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else ""
    days, rest = divmod(abs(seconds), 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    time = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (secs, "S")) if n)
    if not days and not time:
        return "PT0S"
    return f"{sign}P{f'{days}D' if days else ''}{'T' + time if time else ''}"


@lru_cache(maxsize=256)
def _categories_line(categories: tuple[str, ...]) -> bytes:
    return fold_line("CATEGORIES:" + ",".join(escape_text(c) for c in categories))


@lru_cache(maxsize=1024)  # alarms repeat (a few offsets, one text each)
def _alarm_block(alarm: Alarm) -> bytes:
    trigger = f"TRIGGER:{format_duration(alarm.trigger)}".encode()  # relative to the start: RELATED's default (RFC 5545 3.2.14)
    return CRLF.join((b"BEGIN:VALARM\r\nACTION:DISPLAY", _text("DESCRIPTION", alarm.description), trigger, b"END:VALARM"))


def _text(name: str, value: str) -> bytes:
    return fold_line(f"{name}:{escape_text(value)}")


# DTEND although RFC 5545 (3.6.1) makes a DATE start without it last one day: Exchange, behind Outlook on the web
# and Microsoft 365, does not import an event without DTEND or DURATION ([MS-STANXICAL], on that section).
@lru_cache(maxsize=65536)
def _dates(start: date) -> bytes:
    return f"DTSTART;VALUE=DATE:{format_date(start)}\r\nDTEND;VALUE=DATE:{format_date(start + ONE_DAY)}".encode()


def _uid_line(uid: str) -> bytes:
    if _PLAIN_UID.fullmatch(uid):  # the usual UUID: nothing to escape or fold
        return f"UID:{uid}".encode()
    return _text("UID", uid)


def render_event(event: EventRecord, stamp: str) -> bytes:
    """One VEVENT (with its VALARMs) as bytes ending in CRLF; ``stamp`` is a formatted DTSTAMP.

    The hot path of a large build (over 100,000 events): every line that repeats across events
    (CATEGORIES, the dates, alarms) is rendered once and cached.
    """
    lines = [b"BEGIN:VEVENT", _uid_line(event.uid), f"DTSTAMP:{stamp}".encode(), _dates(event.start), _text("SUMMARY", event.summary)]
    if event.description:
        lines.append(_text("DESCRIPTION", event.description))
    if event.categories:
        lines.append(_categories_line(event.categories))
    lines.append(_STATUS[event.status])
    lines.extend(map(_alarm_block, event.alarms))
    lines.append(b"END:VEVENT\r\n")
    return CRLF.join(lines)


def render_texts(event: EventRecord, descriptions: Sequence[str], stamp: str, *, alarmed: int) -> list[bytes]:
    """``render_event`` of ``event`` with each of ``descriptions`` (the other lines rendered once), with its alarms
    in the first ``alarmed`` only: an aggregate feeds' event differs between its feeds in just these."""
    stamped = f"DTSTAMP:{stamp}".encode()
    head = CRLF.join((b"BEGIN:VEVENT", _uid_line(event.uid), stamped, _dates(event.start), _text("SUMMARY", event.summary)))
    tail = [_categories_line(event.categories)] if event.categories else []
    tail.append(_STATUS[event.status])
    plain = CRLF.join((*tail, b"END:VEVENT\r\n"))
    alarms = CRLF.join((*tail, *map(_alarm_block, event.alarms), b"END:VEVENT\r\n")) if event.alarms else plain
    out = []
    for n, said in enumerate(descriptions):
        ending = alarms if n < alarmed else plain
        out.append(CRLF.join((head, _text("DESCRIPTION", said), ending)) if said else CRLF.join((head, ending)))
    return out


def render_header(meta: CalendarMeta) -> bytes:
    ttl = format_duration(timedelta(hours=meta.refresh_hours))
    lines = [
        b"BEGIN:VCALENDAR\r\nVERSION:2.0",
        fold_line("PRODID:" + PRODID.format(language=meta.language.upper())),
        b"CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH",
        _text("NAME", meta.name),
        _text("X-WR-CALNAME", meta.name),  # what Google, Apple and Outlook name the calendar by; NAME is RFC 7986's
        *((_text("X-WR-CALDESC", meta.description),) if meta.description else ()),  # Google reads it, not DESCRIPTION
        _text("X-WR-TIMEZONE", meta.timezone),
        f"REFRESH-INTERVAL;VALUE=DURATION:{ttl}\r\nX-PUBLISHED-TTL:{ttl}\r\n".encode(),
    ]
    return CRLF.join(lines)


def render_calendar(meta: CalendarMeta, events: Iterable[bytes]) -> bytes:
    """A whole feed from rendered events (each from render_event, in the order given)."""
    return b"".join((render_header(meta), *events, CALENDAR_END))
