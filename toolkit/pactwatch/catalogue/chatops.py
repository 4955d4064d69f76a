"""Catalogue entries: owners updating a milestone (done, ack, reschedule, waive) from the terminal, an issue comment or the site.

What is in backticks is a command the reader types, the same in both languages.
"""

from __future__ import annotations

from pactwatch.catalogue import Text

_COMMANDS_EN = "`/done [DATE] [evidence]`, `/ack DATE [note]`, `/reschedule DATE reason`, `/waive reason`"
_COMMANDS_ZH = "`/done [日期] [凭证]`、`/ack 日期 [说明]`、`/reschedule 日期 原因`、`/waive 原因`"

TEXTS: dict[str, Text] = {
    # refusals of a change, with their hints
    "chatops.error.bad_ref": Text("“{ref}” 不是节点编号", "'{ref}' is not a milestone id"),
    "chatops.hint.ref": Text(
        "写节点编号，如 M3；周期节点写 R1@2026-05-31", "give a milestone id such as M3, or R1@2026-05-31 for one occurrence"
    ),
    "chatops.error.no_contract": Text(
        "组合中没有合同 {contract}（或其文件有错误）", "there is no contract {contract} in the portfolio (or its file has errors)"
    ),
    "chatops.hint.validate": Text("运行 `pactwatch validate` 查看", "run `pactwatch validate` to see"),
    "chatops.error.no_milestone": Text("合同 {contract} 中没有节点 {ref}", "contract {contract} has no milestone {ref}"),
    "chatops.hint.known": Text("现有节点：{known}", "its milestones: {known}"),
    "chatops.error.not_recurring": Text(
        "节点 {milestone} 不是周期节点，没有单次记录", "milestone {milestone} does not repeat: it has no occurrences"
    ),
    "chatops.hint.no_occurrence": Text("直接写 {milestone}", "name it as {milestone}"),
    "chatops.error.which_occurrence": Text(
        "节点 {milestone} 是周期节点：请指明哪一次", "milestone {milestone} repeats: say which occurrence"
    ),
    "chatops.hint.occurrence": Text(
        "写 {milestone}@计划日期，如 {milestone}@2026-05-31", "write {milestone}@DUE-DATE, e.g. {milestone}@2026-05-31"
    ),
    "chatops.error.done_in_future": Text("完成日期 {date} 晚于今天（{today}）", "the completion date {date} is after today ({today})"),
    "chatops.hint.done_date": Text("写实际完成的日期（不写则为今天）", "give the day it was done (today when left out)"),
    "chatops.error.occurrence_recorded": Text("{ref} 已记录完成于 {date}", "{ref} is already recorded as done on {date}"),
    "chatops.note.evidence_not_kept": Text(
        "周期节点的单次完成没有凭证字段，凭证“{evidence}”只写在本 PR 中",
        "an occurrence has no evidence field: the evidence '{evidence}' is kept in this pull request only",
    ),
    "chatops.error.closed": Text(
        "节点 {milestone} 的状态是 {status}，不能再更改", "milestone {milestone} is {status}: it cannot be changed this way"
    ),
    "chatops.error.ack_not_after_today": Text(
        "确认延期的日期 {date} 须晚于今天（{today}）", "the date {date} to acknowledge the delay until must be after today ({today})"
    ),
    "chatops.hint.ack_date": Text(
        "写预计完成的日期，如 `/ack 2026-12-31 等待客户确认`",
        "give the day you expect it done, e.g. `/ack 2026-12-31 waiting for the customer`",
    ),
    "chatops.error.reschedule_recurring": Text(
        "节点 {milestone} 是周期节点，不能改期", "milestone {milestone} repeats: it cannot be rescheduled"
    ),
    "chatops.error.reschedule_relative": Text(
        "节点 {milestone} 的期限相对于另一节点（due_after），不能直接改期",
        "milestone {milestone} is due relative to another (due_after): it cannot be moved to a date",
    ),
    "chatops.hint.ack_instead": Text("用 `/ack 日期 说明` 确认延期", "acknowledge the delay instead: `/ack DATE note`"),
    "chatops.error.waive_occurrence": Text("不能豁免周期节点 {milestone} 的单次", "one occurrence of {milestone} cannot be waived"),
    "chatops.error.no_reason": Text("缺少原因", "a reason is missing"),
    "chatops.hint.reason": Text(
        "在日期后写原因，如 `/reschedule 2026-12-31 客户要求延后`",
        "write the reason after the date, e.g. `/reschedule 2026-12-31 the customer asked for more time`",
    ),
    "chatops.error.no_date": Text("缺少日期", "a date is missing"),
    "chatops.hint.date": Text("日期写作 YYYY-MM-DD，如 2026-12-31", "write the date as YYYY-MM-DD, e.g. 2026-12-31"),
    "chatops.error.bad_date": Text("第 {column} 列的 “{text}” 不是日期", "'{text}' (column {column}) is not a date"),
    "chatops.error.unknown_command": Text("不认识的命令 “/{command}”", "unknown command '/{command}'"),
    "chatops.hint.commands": Text("可用命令：" + _COMMANDS_ZH, "the commands: " + _COMMANDS_EN),
    "chatops.error.unreadable": Text("无法读取 {file}：{problem}", "{file} cannot be read: {problem}"),
    "chatops.error.cannot_edit": Text("无法修改 {file}：{problem}", "{file} cannot be changed: {problem}"),
    "chatops.error.invalid": Text(
        "未做修改：改后的 {file} 无法通过校验", "nothing was changed: {file} would not validate after the change"
    ),
    # amendments recorded in the contract
    "chatops.amendment.reschedule": Text(
        "节点 {milestone} 的计划日期由 {old} 改为 {new}：{reason}", "milestone {milestone} moved from {old} to {new}: {reason}"
    ),
    "chatops.amendment.waive": Text("节点 {milestone} 豁免：{reason}", "milestone {milestone} waived: {reason}"),
    # what a change does (command output, pull request titles)
    "chatops.what.done": Text("{contract} {milestone} 标记为已完成（{date}）", "{contract} {milestone} done on {date}"),
    "chatops.what.ack": Text("{contract} {milestone} 确认延期至 {date}", "{contract} {milestone} delay acknowledged until {date}"),
    "chatops.what.reschedule": Text("{contract} {milestone} 改期至 {date}", "{contract} {milestone} rescheduled to {date}"),
    "chatops.what.waive": Text("{contract} {milestone} 豁免", "{contract} {milestone} waived"),
    "chatops.cli.written": Text("已修改 {file}", "changed {file}"),
    "chatops.cli.dry_run": Text("（预览，未写入 {file}）", "(dry run: {file} not written)"),
    # chatops replies and pull requests (Markdown)
    "chatops.reply.refused": Text(
        "谢谢 @{who}。只有 {allowed} 可以更新这个节点，所以没有做任何修改。请联系他们之一，或请他们在此评论。",
        "Thank you, @{who}. Only {allowed} may update this milestone, so nothing was changed. Please ask one of them to comment here.",
    ),
    "chatops.reply.nobody": Text("节点负责人、其上级及审批人", "the milestone's owner, their manager and the contract's approvers"),
    "chatops.reply.opened": Text("已提交修改请求 {link}，请审阅并合并。", "Opened {link} with this change; please review and merge it."),
    "chatops.reply.error": Text("无法执行此命令：{error}", "This command could not be applied: {error}"),
    "chatops.reply.note": Text("注意：{note}", "Note: {note}"),
    "chatops.pr.asked": Text("由 @{who} 在 {link} 中提出。", "Asked by @{who} in {link}."),
    "chatops.pr.review": Text(
        "合并前会运行校验；合并后，下一次 `pactwatch alerts` 会更新逾期议题。",
        "The validation runs on this pull request; once merged, the next `pactwatch alerts` run updates the overdue issue.",
    ),
    "chatops.pr.comment": Text("评论", "the comment"),
    "chatops.issue.body_help": Text("在此下方写命令（第一行）：", "Write the command on the first line:"),
    "chatops.alert.commands": Text(
        "**在此评论中更新**（负责人、其上级或审批人）：" + _COMMANDS_ZH + "；会生成一个待审阅的 PR。",
        "**Update it from here** (the owner, their manager or an approver) with a comment: "
        + _COMMANDS_EN
        + "; it opens a pull request to review.",
    ),
    # the site's links on open milestones
    "chatops.site.mark_done": Text("标记完成", "Mark done"),
    "chatops.site.report_delay": Text("报告延期", "Report a delay"),
    "chatops.site.delay_reason": Text("原因", "reason"),
}
