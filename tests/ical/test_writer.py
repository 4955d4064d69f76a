"""The fast writer against the RFC and against icalendar's own Calendar/Event API."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pactwatch.escape.ical import clean_text
from pactwatch.ical.records import Alarm, CalendarMeta, EventRecord
from pactwatch.ical.writer import format_duration, format_stamp, render_calendar, render_event, render_texts
from tests.ical.builders import parse_icalendar, parse_vobject
from tests.ical.reference import reference_calendar, reference_event

STAMP = datetime(2026, 11, 27, tzinfo=UTC)
META = CalendarMeta("合同里程碑 · 张伟", "Asia/Shanghai", "zh")


def record(**fields: object) -> EventRecord:
    base: dict[str, object] = {
        "uid": "0b7e3a1c-3c55-5d8b-9e1f-6f0a1d2b3c4d",
        "start": date(2026, 12, 10),
        "summary": "[逾期] 年度设备采购合同 · 第二期付款",
        "description": "金额：¥1.00 CNY\n负责人：张伟",
        "categories": ("付款",),
    }
    base.update(fields)
    return EventRecord(**base)  # type: ignore[arg-type]


def feed(*records: EventRecord) -> bytes:
    return render_calendar(META, [render_event(r, format_stamp(STAMP)) for r in records])


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(days=-7, hours=9), "-P6DT15H"),
        (timedelta(days=-1, hours=9), "-PT15H"),
        (timedelta(hours=9), "PT9H"),
        (timedelta(days=-7), "-P7D"),
        (timedelta(0), "PT0S"),
        (timedelta(days=2, minutes=5, seconds=1), "P2DT5M1S"),
    ],
)
def test_format_duration(delta: timedelta, text: str) -> None:
    assert format_duration(delta) == text
    assert icalendar.vDuration.from_ical(text) == delta


def test_stamp_is_utc() -> None:
    assert format_stamp(datetime(2026, 11, 27, 8, 0, tzinfo=timezone(timedelta(hours=8)))) == "20261127T000000Z"
    assert format_stamp(datetime(2026, 11, 27, 1, 2, 3)) == "20261127T010203Z"


def test_event_layout_is_all_day_with_crlf_lines() -> None:
    data = feed(record(alarms=(Alarm(timedelta(days=-7, hours=9), "7天后到期"),)))
    text = data.decode()
    assert "\n" not in text.replace("\r\n", "")  # CRLF only
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert text.endswith("END:VEVENT\r\nEND:VCALENDAR\r\n")
    for line in (
        "METHOD:PUBLISH",
        "CALSCALE:GREGORIAN",
        "NAME:合同里程碑 · 张伟",
        "X-WR-CALNAME:合同里程碑 · 张伟",
        "X-WR-TIMEZONE:Asia/Shanghai",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
        "DTSTAMP:20261127T000000Z",
        "DTSTART;VALUE=DATE:20261210",
        "DTEND;VALUE=DATE:20261211",
        "TRIGGER:-P6DT15H",  # relative to the start: RELATED's default
        "ACTION:DISPLAY",
        "TRANSP:TRANSPARENT",
    ):
        assert f"\r\n{line}\r\n" in text
    assert "STATUS:" not in text  # CONFIRMED is what a client assumes: only a cancelled event says its status
    assert "\r\nSTATUS:CANCELLED\r\n" in feed(record(status="CANCELLED")).decode()


def test_hostile_title_cannot_break_the_structure() -> None:
    evil = "x\nEND:VEVENT\r\nBEGIN:VEVENT\rUID:evil\nSUMMARY:owned;,\\"
    data = feed(record(summary=clean_text(evil), description=clean_text(evil), categories=(clean_text(evil),)), record(uid="second"))
    for parse in (parse_icalendar, parse_vobject):
        _, events = parse(data)
        assert [e.uid for e in events] == ["0b7e3a1c-3c55-5d8b-9e1f-6f0a1d2b3c4d", "second"]
        assert events[0].summary == clean_text(evil)
        assert events[0].description == clean_text(evil)
        assert events[0].categories == (clean_text(evil),)
    assert data.count(b"\r\nBEGIN:VEVENT\r\n") == 2


def test_literal_backslash_n_is_kept() -> None:
    data = feed(record(summary="C:\\New\\Nord", description="a\\Nb\nc"))
    for parse in (parse_icalendar, parse_vobject):
        event = parse(data)[1][0]
        assert (event.summary, event.description) == ("C:\\New\\Nord", "a\\Nb\nc")


def test_the_calendar_description_is_written_once_where_google_reads_it() -> None:
    text = render_calendar(replace(META, description="窗口：2026年9月28日 至 2028年1月1日"), []).decode()
    assert "\r\nX-WR-CALDESC:窗口：2026年9月28日 至 2028年1月1日\r\n" in text
    assert "\r\nDESCRIPTION:" not in text  # RFC 7986's: none of Google, Outlook and Apple is known to read it
    assert "X-WR-CALDESC" not in render_calendar(META, []).decode()


# --- property: the fast writer and icalendar's API give the same events -------------------------------------------

# icalendar's escaping turns a literal backslash-N into a line break on purpose (icalendar/parser/string.py, step 1 of
# _escape_char); ours keeps the text as written (see test_literal_backslash_n_is_kept), so the comparison leaves it out.
texts = st.text(max_size=120).map(clean_text).filter(lambda t: "\\N" not in t)
alarms = st.builds(Alarm, st.integers(0, 365).map(lambda days: timedelta(days=-days, hours=9)), texts)
records = st.builds(
    EventRecord,
    uid=st.uuids().map(str) | texts.filter(bool),
    start=st.dates(min_value=date(1970, 1, 1), max_value=date(9998, 12, 30)),
    summary=texts,
    description=texts,
    categories=st.lists(texts.filter(lambda c: c.strip() != ""), max_size=3).map(tuple),
    status=st.sampled_from(["CONFIRMED", "CANCELLED"]),
    alarms=st.lists(alarms, max_size=3).map(tuple),
)
metas = st.builds(
    CalendarMeta, name=texts, timezone=st.sampled_from(["Asia/Shanghai", "UTC", "Europe/Berlin"]), language=st.sampled_from(["zh", "en"])
)


def unescape(text: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def calendar_properties(calendar: icalendar.Calendar) -> dict[str, str]:
    return {name: calendar[name].to_ical().decode() for name in calendar if name != "BEGIN"}


@settings(max_examples=150, deadline=None)
@given(metas, st.lists(records, max_size=6))
def test_fast_writer_parses_like_icalendar(meta: CalendarMeta, events: list[EventRecord]) -> None:
    fast = render_calendar(meta, [render_event(e, format_stamp(STAMP)) for e in events])
    reference = reference_calendar(meta)
    for e in events:
        reference.add_component(reference_event(e, STAMP))
    fast_calendar, fast_events = parse_icalendar(fast)
    reference_calendar_, reference_events = parse_icalendar(reference.to_ical())
    assert fast_events == reference_events
    assert calendar_properties(fast_calendar) == calendar_properties(reference_calendar_)
    assert [(e.uid, e.start, e.end, e.summary, e.categories) for e in fast_events] == [
        (e.uid, e.start, e.end, e.summary, e.categories) for e in events
    ]
    assert [p.decoded("dtstamp") for p in fast_calendar.walk("VEVENT")] == [STAMP] * len(events)
    assert unescape(fast_calendar["name"].to_ical().decode()) == meta.name  # icalendar leaves NAME (RFC 7986) raw


@settings(max_examples=60, deadline=None)
@given(st.lists(records, max_size=4))
def test_vobject_reads_the_fast_writer_the_same_way(events: list[EventRecord]) -> None:
    data = render_calendar(META, [render_event(e, format_stamp(STAMP)) for e in events])
    assert parse_vobject(data)[1] == parse_icalendar(data)[1]


@settings(max_examples=100, deadline=None)
@given(records, st.lists(texts, min_size=1, max_size=3), st.integers(0, 3))
def test_variants_render_like_their_own_events(event: EventRecord, descriptions: list[str], alarmed: int) -> None:
    """An aggregate feeds' event rendered once per description is byte for byte each variant rendered alone."""
    stamp = format_stamp(STAMP)
    variants = [event._replace(description=d, alarms=event.alarms if n < alarmed else ()) for n, d in enumerate(descriptions)]
    expected = [render_event(variant, stamp) for variant in variants]
    assert render_texts(event, descriptions, stamp, alarmed=alarmed) == expected
