"""Catalogue entries: plan versus actual from git history (baselines, re-plans, slippage, month-end trends)."""

from __future__ import annotations

from pactwatch.catalogue import Text

TEXTS: dict[str, Text] = {
    # why there is no history (a notice under -v), or a warning (shallow clone)
    "history.no_git": Text("未安装 git：基线仅来自 baseline_due", "git is not installed: baselines come from baseline_due only"),
    "history.no_repository": Text(
        "组合不在 git 仓库中（或尚无提交）：基线仅来自 baseline_due",
        "the portfolio is not in a git repository (or has no commit yet): baselines come from baseline_due only",
    ),
    "history.shallow": Text(
        "这是浅克隆：历史不完整，不计算基线与重新计划；请完整获取历史（actions/checkout 的 fetch-depth: 0）",
        "this is a shallow clone: the history is incomplete, so no baselines or re-plans are computed; "
        "fetch the whole history (fetch-depth: 0 in actions/checkout)",
    ),
    "history.unreadable": Text("无法读取 git 历史：{reason}", "cannot read the git history: {reason}"),
    # the slipping risk
    "history.risk.slipping": Text(
        "{ref} 已重新计划 {count} 次，比基线 {baseline} 晚 {slip} 天",  # count: the re-plans (the singular's fact)
        "{ref} was re-planned {count} times and is {slip} days behind its baseline {baseline}",
        "{ref} was re-planned once and is {slip} days behind its baseline {baseline}",
    ),
    "history.replan_line": Text("{day} {author}：{before} → {after}{pr}", "{day} {author}: {before} → {after}{pr}"),
    # labels
    "history.baseline": Text("基线", "baseline"),
    "history.baseline_due": Text("基线日期", "Baseline due"),
    "history.slip_days": Text("偏离（天）", "Slip (days)"),
    "history.replans": Text("重新计划", "Re-plans"),
    "history.replans_in_period": Text("本期重新计划的节点", "Milestones re-planned in the period"),
    "history.no_replans": Text("本期没有重新计划。", "No milestone was re-planned in the period."),
    "history.on_time_vs_baseline": Text("按基线准时率", "On time vs baseline"),
    "history.trends": Text("月末趋势（近 12 个月）", "Month-end trends (last 12 months)"),
    "history.trends_chart": Text("按月准时率与逾期数", "On-time rate and overdue count by month"),
    "history.month_end": Text("月末", "Month end"),
    "history.commit": Text("提交", "Commit"),
    "history.on_time_rate": Text("按期完成率", "On-time rate"),
    "history.overdue": Text("逾期数", "Overdue count"),
    "history.overdue_amount": Text("逾期金额", "Overdue amount"),
    "history.collected": Text("已回款", "Collected"),
    "history.planned": Text("计划回款", "Receivables due"),  # the words of money.receivable.due
    "history.no_trends": Text("没有 git 历史，无法显示趋势。", "No git history: no trends to show."),
    "history.date": Text("日期", "Date"),
    "history.author": Text("提交人", "Author"),
    "history.change": Text("变更", "Change"),
    "history.pull_request": Text("合并请求", "Pull request"),
    "history.milestone": Text("节点", "Milestone"),
}
TEXTS["risk.kind.slipping"] = Text("偏离基线", "slipping")  # in the family i18n.word reads risk kinds from
