"""Catalogue entries: the words of the closed choices and of the field names every output shares.

``value.<value>``: one id per value of a closed choice (contract types and statuses, milestone kinds and
statuses, repeat units, states, health). A value in two choices (done, service, draft...) is one
concept, so it has one id and reads the same everywhere. ``field.<name>``: a field more than one output
labels. ``flag.<name>``: what the engine marks on a milestone. pactwatch.vocabulary gives these words
typed (by the model's Literals) to the outputs and to the ledger importer.
"""

from __future__ import annotations

from pactwatch.catalogue import Text

TEXTS: dict[str, Text] = {
    # contract types
    "value.sales": Text("销售", "sales"),
    "value.purchase": Text("采购", "purchase"),
    "value.service": Text("服务", "service"),  # also a milestone kind
    "value.lease": Text("租赁", "lease"),
    "value.nda": Text("保密协议", "NDA"),
    "value.framework": Text("框架协议", "framework"),
    "value.other": Text("其他", "other"),  # also a milestone kind
    # contract statuses (and the health of a contract that is not running)
    "value.draft": Text("草稿", "draft"),
    "value.active": Text("履行中", "active"),  # 执行中 is read on import, never written
    "value.completed": Text("已履行完毕", "completed"),  # a contract; a milestone is done (已完成)
    "value.terminated": Text("已终止", "terminated"),
    "value.expired": Text("已到期", "expired"),
    # milestone kinds
    "value.payment": Text("付款", "payment"),
    "value.delivery": Text("交付", "delivery"),
    "value.acceptance": Text("验收", "acceptance"),
    "value.report": Text("报告", "report"),
    "value.renewal": Text("续约", "renewal"),
    # milestone statuses (and states)
    "value.pending": Text("未开始", "pending"),
    "value.in_progress": Text("进行中", "in progress"),
    "value.done": Text("已完成", "done"),
    "value.waived": Text("已豁免", "waived"),
    "value.cancelled": Text("已取消", "cancelled"),
    # repeat units
    "value.day": Text("天", "day"),
    "value.week": Text("周", "week"),
    "value.month": Text("月", "month"),
    "value.quarter": Text("季度", "quarter"),
    "value.year": Text("年", "year"),
    # states of an occurrence (done, waived, cancelled above)
    "value.overdue": Text("逾期", "overdue"),  # also a contract's health
    "value.due_soon": Text("即将到期", "due soon"),
    "value.upcoming": Text("待办", "upcoming"),
    "value.done_late": Text("逾期完成", "done late"),
    # a contract's health (overdue, draft, completed, expired, terminated above)
    "value.at_risk": Text("有风险", "at risk"),
    "value.on_track": Text("正常", "on track"),
    # what the engine marks on a milestone
    "flag.blocked": Text("受阻", "blocked"),
    "flag.acknowledged": Text("已确认延期", "acknowledged"),
    "flag.projected": Text("预计", "projected"),
    # field names more than one output labels (a site column, a feed line, an issue row, a report column)
    "field.contract": Text("合同", "Contract"),
    "field.type": Text("合同类型", "Type"),  # not 类型: that is a milestone's kind
    "field.status": Text("合同状态", "Contract status"),  # also the ledger's header: a bare Status is read by sheet
    "field.counterparty": Text("相对方", "Counterparty"),
    "field.owner": Text("负责人", "Owner"),
    "field.kind": Text("类型", "Kind"),
    "field.due": Text("计划日期", "Due"),
    "field.amount": Text("金额", "Amount"),
    "field.completed_on": Text("完成日期", "Completed on"),
    "field.state": Text("状态", "State"),
    "field.days_late": Text("逾期天数", "Days late"),
    # the derived milestone of an auto-renewing contract (engine.renewals)
    "renewal.notice_title": Text("续约/解约通知截止", "Notice deadline (renew or cancel)"),
    # locale formats (pactwatch.i18n)
    "format.date": Text("{year}年{month}月{day}日", "{year:04d}-{month:02d}-{day:02d}"),
}
