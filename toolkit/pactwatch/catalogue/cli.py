"""Catalogue entries: the command line's own words (finding layout, counts, summaries)."""

from __future__ import annotations

from pactwatch.catalogue import Text

TEXTS: dict[str, Text] = {
    "finding.severity.error": Text("错误", "error"),
    "finding.severity.warning": Text("警告", "warning"),
    "finding.hint": Text("建议：{hint}", "hint: {hint}"),
    "finding.hint_inline": Text("（建议：{hint}）", " (hint: {hint})"),
}
