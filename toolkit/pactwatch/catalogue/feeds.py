"""Catalogue entries: the calendar feeds' own words (calendar names, description lines, alarms, reminder events).

Field names (类型, 金额, 负责人...) and the words of states and kinds are the shared ones in ``words``;
"due today" / "due in N days" are the reminders' words (``notify.due.*``), so a feed alarm and an e-mail agree.
"""

from __future__ import annotations

from pactwatch.catalogue import Text

TEXTS: dict[str, Text] = {
    "feeds.calendar": Text("合同节点 · {name}", "Contract milestones · {name}"),
    "feeds.all": Text("全部", "All"),
    "feeds.page": Text("合同页面", "Contract page"),
    "feeds.source": Text("合同文件", "Contract file"),
    "feeds.documents": Text("文档", "Documents"),
    "feeds.document": Text("- {title}：{url}", "- {title}: {url}"),
    "feeds.contract": Text("{title}（{id}）", "{title} ({id})"),
    "feeds.field": Text("{label}：{value}", "{label}: {value}"),
    "feeds.blocked": Text("受阻（前置节点未完成）", "blocked (a prerequisite is not done)"),
    "feeds.reminder": Text("提醒", "Reminder"),
    "feeds.window": Text(
        "包含全部逾期节点（无论多久），以及到期日在 {start} 至 {end} 之间的节点；每个合同的订阅包含其全部节点。",
        "Holds every overdue milestone, however old, and those due from {start} to {end}; "
        "each contract's own feed holds all of its milestones.",
    ),
    "feeds.window_shortened": Text(
        "包含全部逾期节点（无论多久），以及到期日在 {start} 至 {end} 之间的节点："
        "时间范围已缩短，使订阅不超过 {budget} MB（feeds: max_mb），以便日历客户端加载；每个合同的订阅包含其全部节点。",
        "Holds every overdue milestone, however old, and those due from {start} to {end}: the window was shortened to keep the "
        "feed under {budget} MB (feeds: max_mb) so that calendar clients load it; each contract's own feed holds all of its milestones.",
    ),
    "feeds.window_overdue_only": Text(
        "只包含逾期节点（无论多久）：仅逾期节点就已占满 {budget} MB 的上限（feeds: max_mb），"
        "其他节点都已略去；每个合同的订阅包含其全部节点。",
        "Holds only the overdue milestones, however old: they alone fill the budget of {budget} MB (feeds: max_mb), so every other "
        "milestone was left out; each contract's own feed holds all of its milestones.",
    ),
    "feeds.over_budget": Text(
        "订阅 {path} 为 {size}，超过上限 {budget}（feeds: max_mb）：其中仅逾期节点就已超出，全部保留；日历客户端可能无法加载。",
        "The feed {path} is {size}, over its budget of {budget} (feeds: max_mb): its overdue milestones alone are, and all "
        "of them are kept; calendar clients may fail to load it.",
    ),
    "feeds.reminder_title": Text(
        "[提醒 · {count} 天后到期] {title}", "[reminder · due in {count} days] {title}", "[reminder · due in 1 day] {title}"
    ),
}
