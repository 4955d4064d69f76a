"""Catalogue entries: the weekly and monthly report (周报/月报).

Its columns are the shared field names (``field.*``), its KPI names the site's (``site.*``: 按时完成率 on the
dashboard is 按时完成率 in the report), its risk words ``risk.*``.
"""

from __future__ import annotations

from pactwatch.catalogue import Text

TEXTS: dict[str, Text] = {
    "report.title.week": Text("合同履约周报 · {start} 至 {end}", "Contract execution weekly report · {start} to {end}"),
    "report.title.month": Text("合同履约月报 · {start} 至 {end}", "Contract execution monthly report · {start} to {end}"),
    "report.summary": Text(
        "截至 {today}。本期应完成 {count} 项，按时完成 {on_time} 项，逾期完成 {late} 项；当前逾期 {overdue} 项。",
        "As of {today}. {count} milestones were due in the period: {on_time} done on time, {late} done late. Overdue now: {overdue}.",
        "As of {today}. 1 milestone was due in the period: {on_time} done on time, {late} done late. Overdue now: {overdue}.",
    ),
    "report.key_figures": Text("关键指标", "Key figures"),
    "report.value": Text("数值", "Figure"),  # not Value: that is a contract's 合同金额
    "report.obligation_health": Text("履约完成率（按时 + 逾期完成）", "Obligation health (on time + late)"),
    "report.overdue_now": Text("{count} 项，{amount}", "{count}, {amount}"),
    "report.days_late": Text("平均 / 中位逾期天数", "Average / median days late"),
    "report.aging_cell": Text("{count} 项 {amount}", "{count} × {amount}"),
    "report.next_notice": Text("距最近续约通知截止", "Days to the next notice deadline"),
    "report.days": Text("{count} 天", "{count}"),
    "report.subject": Text("对象", "Subject"),
    "report.detail": Text("说明", "Detail"),
    "report.none": Text("无。", "None."),
    "report.overdue": Text("逾期事项", "Overdue items"),  # also the counterparty statement's
    "report.nothing_overdue": Text("无逾期事项。", "Nothing is overdue."),
    "report.acknowledged_until": Text("（已确认延期至 {date}）", " (delay acknowledged until {date})"),
    "report.new": Text("（本期新增）", " (new)"),
    "report.nothing_completed": Text("本期无完成事项。", "Nothing was completed in the period."),
    "report.due_next": Text("下期待办（至 {date}）", "Due next (until {date})"),
    "report.days_left": Text("剩余天数", "Days left"),
    "report.blocked": Text("（受阻）", " (blocked)"),
    "report.owner_summary": Text(
        "按期完成率 {rate}；本期完成 {completed} 项，逾期 {overdue} 项，下期待办 {upcoming} 项。",
        "On-time rate {rate}; {completed} completed, {overdue} overdue, {upcoming} due next.",
    ),
    "report.owner_overdue": Text(
        "逾期 {count} 天：{contract} · {milestone}（{date}）",
        "{count} days overdue: {contract} · {milestone} ({date})",
        "1 day overdue: {contract} · {milestone} ({date})",
    ),
    "report.owner_upcoming": Text("待办：{contract} · {milestone}（{date}）", "Due: {contract} · {milestone} ({date})"),
}
