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
    "feeds.reminder_title": Text(
        "[提醒 · {count} 天后到期] {title}", "[reminder · due in {count} days] {title}", "[reminder · due in 1 day] {title}"
    ),
}
