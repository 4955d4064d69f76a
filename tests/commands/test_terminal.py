"""Terminal tables line up with Chinese text (two columns per character)."""

from __future__ import annotations

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
