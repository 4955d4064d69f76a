"""Catalogue entries: where ``pactwatch announce`` starts (a push's ``before``, or a window of days) and why it may not.

The rest of the announcement (its sentences, e-mail and head line) is ``changes.announce.*`` in catalogue/changes.py.
"""

from __future__ import annotations

from pactwatch.catalogue import Text

TEXTS: dict[str, Text] = {
    "changes.announce.since_or_days": Text("请给出 --since REF 或 --since-days N 之一", "give one of --since REF or --since-days N"),
    "changes.announce.window": Text(
        "pactwatch announce（最近 {count} 天）：", "pactwatch announce (the last {count} days):", "pactwatch announce (the last day):"
    ),
    "changes.announce.new_branch": Text(
        "这次推送新建了分支，之前没有提交：不发送变更通知（每日运行会补发近期的变更）",
        "this push created the branch, there is no commit before it: nothing announced (the daily run covers recent changes)",
    ),
    "changes.announce.not_here": Text(
        "此克隆中没有提交 {ref}（浅克隆未取到，或已被强制推送覆盖）：不发送变更通知；请加大 `fetch-depth`，每日运行会补发近期的变更",
        "{ref} is not in this clone (a shallow clone did not fetch it, or a force-push replaced it): nothing announced;"
        " fetch more history (`fetch-depth`), the daily run covers recent changes",
    ),
}
