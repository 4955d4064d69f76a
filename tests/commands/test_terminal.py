"""Terminal tables line up with Chinese text (two columns per character)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from pactwatch.terminal import clip, table, width


def test_width_counts_cjk_twice() -> None:
    assert (width("abc"), width("合同"), width("合同 A")) == (3, 4, 6)


def test_table_aligns_mixed_scripts() -> None:
    lines = table([["合同", "x"], ["abc", "y"], ["a", "zz"]])
    assert lines == ["合同  x", "abc   y", "a     zz"]
    assert len({width(line.split()[0]) + line.count(" ", 0, line.rfind(" ") + 1) for line in lines}) == 1


def test_clip_never_exceeds_the_limit() -> None:
    assert clip("年度智能分拣设备销售合同", 9) == "年度智能…"
    assert width(clip("年度智能分拣设备销售合同", 9)) <= 9
    assert clip("short", 9) == "short"


def _reference_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in text)


def _reference_clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if _reference_width(text) <= limit:
        return text
    out, used = "", 0
    for ch in text:
        w = _reference_width(ch)
        if used + w > limit - 1:
            break
        out, used = out + ch, used + w
    return out + "…"


mixed = st.text(st.sampled_from("ab 合同年度·…é\u0301한글ｱＡ🙂\t"), max_size=40)


@given(mixed, st.integers(1, 50))
def test_width_and_clip_agree_with_a_character_by_character_reference(text: str, limit: int) -> None:
    assert width(text) == _reference_width(text)
    clipped = clip(text, limit)
    assert clipped == _reference_clip(text, limit)
    assert width(clipped) == _reference_width(clipped) <= max(limit, 1)


cells_ = mixed.map(lambda text: " ".join(text.split()) or "x")  # non-empty, no outer spaces: where a cell starts is visible


@given(st.lists(st.lists(cells_, min_size=3, max_size=3), min_size=1, max_size=6))
def test_table_columns_line_up(cells: list[list[str]]) -> None:
    lines = table(cells)
    for column in range(2):
        starts = {_reference_width(line[: _start_of(line, row, column + 1)]) for line, row in zip(lines, cells, strict=True)}
        assert len(starts) == 1


def _start_of(line: str, row: list[str], column: int) -> int:
    """Index in ``line`` where cell ``column`` begins (after the padded cells before it and their separators)."""
    index = 0
    for cell in row[:column]:
        index += len(cell)
        while line[index : index + 1] == " ":
            index += 1
    return index
