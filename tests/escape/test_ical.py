"""RFC 5545 TEXT values: escaping and cleaning, checked against icalendar's parser."""

from __future__ import annotations

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.escape.ical import clean_text, escape_text
from pactwatch.ical.text import fold_line


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a,b", "a\\,b"),
        ("a;b", "a\\;b"),
        ("a\\b", "a\\\\b"),
        ("a\nb", "a\\nb"),
        ("a\r\nb", "a\\nb"),
        ("a\rb", "a\\nb"),
        ("\\n", "\\\\n"),  # a literal backslash-n stays two characters
        ("付款：30%", "付款：30%"),
        ("x\nEND:VEVENT\nBEGIN:VEVENT", "x\\nEND:VEVENT\\nBEGIN:VEVENT"),
    ],
)
def test_escape_text(raw: str, escaped: str) -> None:
    assert escape_text(raw) == escaped


def test_clean_text_drops_controls_and_normalises_newlines() -> None:
    assert clean_text("a\r\nb\rc\x00d\x1be\tf\x7fg") == "a\nb\ncde\tfg"
    assert clean_text("合同 · 节点") == "合同 · 节点"


@given(st.text(max_size=300))
def test_escaped_text_parses_back_with_icalendar(text: str) -> None:
    clean = clean_text(text)
    data = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + fold_line("SUMMARY:" + escape_text(clean)) + b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["summary"]) == clean
