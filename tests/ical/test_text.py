"""RFC 5545 line folding (escaping is tested in tests/escape/test_ical.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.escape.ical import clean_text, escape_text
from pactwatch.ical.text import MAX_OCTETS, fold_line


def unfold(data: bytes) -> str:
    return data.replace(b"\r\n ", b"").decode()


def test_short_lines_are_not_folded() -> None:
    assert fold_line("SUMMARY:" + "a" * 67) == ("SUMMARY:" + "a" * 67).encode()
    assert b"\r\n" not in fold_line("SUMMARY:" + "a" * 67)


def test_ascii_line_folds_at_exactly_75_octets() -> None:
    line = "DESCRIPTION:" + "x" * 200
    physical = fold_line(line).split(b"\r\n")
    assert len(physical[0]) == 75
    assert all(p.startswith(b" ") and len(p) <= 75 for p in physical[1:])
    assert len(physical[1]) == 75
    assert unfold(fold_line(line)) == line


def test_long_chinese_title_folds_between_characters() -> None:
    line = "SUMMARY:[逾期] " + "年度智能分拣设备销售合同" * 8 + " · 第二期付款"
    folded = fold_line(line)
    for physical in folded.split(b"\r\n"):
        assert len(physical) <= MAX_OCTETS
        physical.decode("utf-8")  # each physical line is whole UTF-8: no character split
    assert unfold(folded) == line
    assert len(folded.split(b"\r\n")) > 3


@pytest.mark.parametrize("prefix", ["", "a", "ab"])  # shift the cut through every offset of a 3-octet character
def test_cut_never_lands_inside_a_character(prefix: str) -> None:
    line = "SUMMARY:" + prefix + "长" * 60 + "😀" * 20
    for physical in fold_line(line).split(b"\r\n"):
        assert len(physical) <= MAX_OCTETS
        physical.decode("utf-8")


@given(st.text(min_size=0, max_size=400))
def test_fold_round_trips_and_respects_the_limit(text: str) -> None:
    line = "DESCRIPTION:" + escape_text(clean_text(text))
    folded = fold_line(line)
    physical = folded.split(b"\r\n")
    assert all(len(p) <= MAX_OCTETS for p in physical)
    assert all(p.startswith(b" ") for p in physical[1:])
    for p in physical:
        p.decode("utf-8")
    assert unfold(folded) == line
