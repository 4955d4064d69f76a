"""Catalogue entries: the ledger export and import (sheet names, column headers, the KPI sheet, the import report).

Headers are what export writes and import reads back (``ledger.headers`` accepts both languages' words
and older names beside them), so changing one here keeps old ledgers importable only if the old name
stays among the field's other names there.
"""

from __future__ import annotations

from pactwatch.catalogue import Text
from pactwatch.catalogue.ledger_problems import PROBLEMS, RECORD_PROBLEMS, UNREADABLE

TEXTS: dict[str, Text] = {
    # sheets
    "ledger.sheet.contracts": Text("合同", "Contracts"),
    "ledger.sheet.milestones": Text("节点", "Milestones"),
    "ledger.sheet.kpis": Text("指标", "KPIs"),
    "ledger.yes": Text("是", "yes"),
    "ledger.no": Text("否", "no"),
    # headers of the fields import reads back (type, counterparty, due and completed_on: the shared field.* words)
    "ledger.header.id": Text("合同编号", "Contract No."),
    "ledger.header.title": Text("合同名称", "Title"),
    "ledger.header.counterparty_id": Text("对方编号", "Counterparty id"),
    "ledger.header.signed_on": Text("签订日期", "Signed"),
    "ledger.header.start": Text("开始日期", "Start"),
    "ledger.header.end": Text("结束日期", "End"),
    "ledger.header.auto_renew": Text("自动续期", "Auto renew"),
    "ledger.header.renewal_months": Text("续期月数", "Renewal months"),
    "ledger.header.notice_days": Text("通知期天数", "Notice days"),
    "ledger.header.value": Text("合同金额", "Value"),
    "ledger.header.currency": Text("合同币种", "Contract currency"),
    "ledger.header.owner": Text("合同负责人", "Contract owner"),
    "ledger.header.tags": Text("标签", "Tags"),
    "ledger.header.confidential": Text("保密", "Confidential"),
    "ledger.header.side": Text("我方角色", "Our side"),  # money.side: sell (应收) or buy (应付)
    "ledger.header.documents": Text("文档", "Documents"),
    "ledger.header.terms": Text("关键条款", "Key terms"),
    "ledger.header.amendments": Text("补充协议", "Amendments"),
    "ledger.header.milestone_id": Text("节点编号", "Milestone id"),
    "ledger.header.milestone": Text("节点", "Milestone"),
    "ledger.header.kind": Text("节点类型", "Milestone kind"),  # not 类型 / Kind (field.kind): import reads 类型 as the contract's type
    "ledger.header.due_as_written": Text("合同约定日期", "Due as written"),
    "ledger.header.due_after": Text("相对期限", "Due after"),
    "ledger.header.business_day": Text("节假日规则", "Business day"),
    "ledger.header.amount": Text("节点金额", "Amount due"),
    "ledger.header.milestone_owner": Text("节点负责人", "Milestone owner"),
    "ledger.header.milestone_status": Text("节点状态", "Milestone status"),
    "ledger.header.milestone_currency": Text("节点币种", "Milestone currency"),
    "ledger.header.evidence": Text("凭证", "Evidence"),
    "ledger.header.depends_on": Text("前置节点", "Depends on"),
    "ledger.header.repeat": Text("周期", "Repeat"),
    "ledger.header.remind_days": Text("提醒天数", "Remind days"),
    "ledger.header.ack": Text("已确认延期", "Acknowledged"),  # flag.acknowledged's words
    # computed columns (import skips them)
    "ledger.column.health": Text("健康度", "Health"),
    "ledger.column.progress": Text("进度", "Progress"),
    "ledger.column.collected": Text("已回款", "Collected"),
    "ledger.column.collected_to_date": Text("累计回款", "Collected to date"),
    "ledger.column.receivable": Text("应收", "Receivable"),  # the payment's amount when they pay us (money.receivable)
    "ledger.column.payable": Text("应付", "Payable"),
    "ledger.column.paid": Text("已付款", "Paid"),
    "ledger.column.next_milestone": Text("下一节点", "Next milestone"),
    "ledger.column.next_due": Text("下一节点日期", "Next due"),
    "ledger.column.notice_deadline": Text("通知截止日", "Notice deadline"),
    "ledger.column.state": Text("履约状态", "Milestone state"),  # not 状态 / State (field.state): import reads 状态 as a status
    "ledger.column.due_note": Text("日期说明", "Why this date"),
    # the KPI sheet
    "ledger.kpi.indicator": Text("指标", "KPI"),  # the KPI column, here and in the report
    "ledger.kpi.month": Text("本月", "This month"),
    "ledger.kpi.year": Text("本年至今", "Year to date"),
    "ledger.kpi.currency": Text("币种", "Currency"),
    "ledger.kpi.as_of": Text("截至", "As of"),
    "ledger.kpi.period": Text("期间", "Period"),
    "ledger.kpi.contracts": Text("合同数", "Number of contracts"),
    "ledger.kpi.health": Text("健康度：{health}", "Health: {health}"),
    "ledger.kpi.due": Text("到期节点", "Milestones due"),
    "ledger.kpi.on_time": Text("按期完成", "Done on time"),
    "ledger.kpi.late": Text("逾期完成", "Done late"),
    "ledger.kpi.overdue": Text("到期未完成", "Due and still open"),
    "ledger.kpi.overdue_now": Text("当前逾期", "Overdue now"),
    "ledger.kpi.on_time_rate": Text("按期完成率", "On-time rate"),
    "ledger.kpi.average_late": Text("平均逾期天数", "Average days late"),
    # the import report
    "ledger.problem.row": Text("第 {row} 行", "row {row}"),
    "ledger.problem.line": Text("{where}：{severity}：{message}", "{where}: {severity}: {message}"),
    "ledger.problem.line_contract": Text("{where}：[{contract}] {severity}：{message}", "{where}: [{contract}] {severity}: {message}"),
    "ledger.problem.cell": Text("{ref}（{header}）", "{ref} ({header})"),
    "ledger.import.skipped_sheet": Text(
        "{ledger}：工作表「{sheet}」没有台账表头，已跳过", "{ledger}: sheet '{sheet}' has no ledger header row; skipped"
    ),
    "ledger.import.ignored": Text(
        "{ledger}：未导入的列：{columns}（可用 --mapping 映射）", "{ledger}: columns not imported: {columns} (map them with --mapping)"
    ),
    "ledger.import.create": Text("写入 {source}（{count} 个节点）", "wrote {source} ({count} milestones)", "wrote {source} (1 milestone)"),
    "ledger.import.create_dry": Text(
        "将写入 {source}（{count} 个节点）", "would write {source} ({count} milestones)", "would write {source} (1 milestone)"
    ),
    "ledger.import.replace": Text(
        "替换 {source}（{count} 个节点）", "replaced {source} ({count} milestones)", "replaced {source} (1 milestone)"
    ),
    "ledger.import.replace_dry": Text(
        "将替换 {source}（{count} 个节点）", "would replace {source} ({count} milestones)", "would replace {source} (1 milestone)"
    ),
    "ledger.import.unchanged": Text("{source} 未变", "left {source} unchanged"),
    "ledger.import.unchanged_dry": Text("{source} 未变", "leave {source} unchanged"),
    "ledger.import.exists": Text(
        "跳过 {source}：文件已存在（用 --force 替换）", "skipped {source}: the file exists (use --force to replace it)"
    ),
    "ledger.import.exists_dry": Text(
        "跳过 {source}：文件已存在（用 --force 替换）", "skip {source}: the file exists (use --force to replace it)"
    ),
    "ledger.import.person_added": Text(
        "人员「{name}」（{where}）：已加入 people.yaml，ID 为 {id}", "person '{name}' ({where}): added to people.yaml as {id}"
    ),
    "ledger.import.person_would_add": Text(
        "人员「{name}」（{where}）：将加入 people.yaml，ID 为 {id}", "person '{name}' ({where}): would add to people.yaml as {id}"
    ),
    "ledger.import.person_not_added": Text(
        "人员「{name}」（{where}）：未加入：没有导入提到此人的合同",
        "person '{name}' ({where}): not added: no contract naming them is imported",
    ),
    "ledger.import.written": Text("已写入 {count} 个合同文件", "{count} contract files written", "1 contract file written"),
    "ledger.import.to_write": Text("将写入 {count} 个合同文件", "{count} contract files to write", "1 contract file to write"),
    "ledger.import.rejected": Text("{count} 个合同未导入", "{count} contracts not imported", "1 contract not imported"),
    "ledger.import.exist": Text("{count} 个因已存在而跳过", "{count} skipped (exist)", "1 skipped (exists)"),
    "ledger.import.summary": Text("{written}，{rejected}，{skipped}。", "{written}, {rejected}, {skipped}."),
    "ledger.import.people_comment": Text(
        "由 pactwatch import 从 {ledger} 添加；请补充 `email`、`github` 和 `manager`",
        "added by pactwatch import from {ledger}; add email, github and manager",
    ),
    "ledger.import.people_errors": Text(
        "people.yaml 有错误：请先运行 `pactwatch validate` 并修正", "people.yaml has errors; run `pactwatch validate` and fix them first"
    ),
}

# What export writes in the cells import reads back as words (the importer reads every language's form).
CELLS: dict[str, Text] = {
    "ledger.repeat.day": Text("每 {count} 天", "every {count} days", "every {count} day"),
    "ledger.repeat.week": Text("每 {count} 周", "every {count} weeks", "every {count} week"),
    "ledger.repeat.month": Text("每 {count} 个月", "every {count} months", "every {count} month"),
    "ledger.repeat.quarter": Text("每 {count} 个季度", "every {count} quarters", "every {count} quarter"),
    "ledger.repeat.year": Text("每 {count} 年", "every {count} years", "every {count} year"),
    "ledger.repeat.until": Text("{every}，至 {until}", "{every} until {until}"),
    "ledger.repeat.count": Text("{every}，共 {count} 次", "{every}, {count} times", "{every}, 1 time"),
    "ledger.business_day.following": Text("顺延至下一工作日", "next working day"),
    "ledger.business_day.preceding": Text("提前至上一工作日", "previous working day"),
    "ledger.business_day.modified_following": Text("顺延至下一工作日（不跨月）", "next working day in the same month"),
    "ledger.business_day.none": Text("不调整", "not moved"),
}

TEXTS.update(CELLS)
TEXTS.update(PROBLEMS)
TEXTS.update(RECORD_PROBLEMS)
TEXTS.update(UNREADABLE)
