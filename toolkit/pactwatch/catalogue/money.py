"""Catalogue entries: money in both directions and who owes each milestone (issue #14).

A payment by them is a receivable (应收; collected = 回款), by us a payable (应付; paid = 付款): the two
words are kept apart in every output, and each KPI of money comes once per direction. The late fee's label
is the key term's (``term.late_fee``); the risk signals' sentences are ``risk.*``.
"""

from __future__ import annotations

from pactwatch.catalogue import Text

TEXTS: dict[str, Text] = {
    # the format's closed choices
    "money.side": Text("我方角色", "Our side"),
    "money.side.sell": Text("卖方（收款）", "seller (we are paid)"),
    "money.side.buy": Text("买方（付款）", "buyer (we pay)"),
    "money.by": Text("履行方", "Performed by"),
    "money.by.us": Text("我方", "us"),
    "money.by.them": Text("对方", "them"),
    "money.receivable": Text("应收", "Receivable"),
    "money.payable": Text("应付", "Payable"),
    "money.paid": Text("已付款", "Paid"),  # collected (已回款) is site.collected
    # an amount with its direction (feeds, reminders, issue bodies), and its accrued late fee
    "money.amount.receivable": Text("应收 {amount}", "receivable {amount}"),
    "money.amount.payable": Text("应付 {amount}", "payable {amount}"),
    "money.amount.late_fee": Text("{amount}（逾期违约金 {fee}）", "{amount} (late fee {fee})"),
    # KPIs, one set per direction (report, site, ledger KPI sheet)
    "money.receivable.planned": Text("本期计划回款", "Receivables due in the period"),
    "money.receivable.settled": Text("本期实际回款", "Receivables collected in the period"),
    "money.receivable.rate": Text("回款达成率", "Collection rate"),
    "money.receivable.share": Text("累计回款占合同额", "Collected share of contract value"),
    "money.receivable.overdue": Text("逾期应收", "Overdue receivables"),
    "money.receivable.aging": Text("逾期应收账龄", "Overdue receivables by age"),
    "money.receivable.late_fees": Text("可主张的逾期违约金", "Late fees we may claim"),
    "money.payable.planned": Text("本期计划付款", "Payables due in the period"),
    "money.payable.settled": Text("本期实际付款", "Payables paid in the period"),
    "money.payable.rate": Text("付款达成率", "Payment rate"),
    "money.payable.share": Text("累计付款占合同额", "Paid share of contract value"),
    "money.payable.overdue": Text("逾期应付", "Overdue payables"),
    "money.payable.aging": Text("逾期应付账龄", "Overdue payables by age"),
    "money.payable.late_fees": Text("我方逾期违约金敞口", "Our late-fee exposure"),
    "money.receivable.due": Text("计划回款", "Receivables due"),
    "money.receivable.aged": Text("逾期应收账龄 {bucket} 天", "Overdue receivables aged {bucket} days"),
    "money.payable.due": Text("计划付款", "Payables due"),
    "money.payable.aged": Text("逾期应付账龄 {bucket} 天", "Overdue payables aged {bucket} days"),
    "money.aging_buckets": Text("{label}（0-30 / 31-60 / 61-90 / 90+ 天）", "{label}, 0-30 / 31-60 / 61-90 / 90+ days"),
    "money.on_time.ours": Text("我方按期完成率", "Our on-time rate"),
    "money.on_time.theirs": Text("对方按期完成率", "Counterparties' on-time rate"),
    "money.ledger.not_a_side": Text("「{value}」不是我方角色", "'{value}' is not a side"),
    "money.ledger.sides": Text(
        "写 `sell`（卖方：销售、收款、出租方）或 `buy`（买方：采购、付款、承租方）",
        "write sell (seller: we are paid, lessor) or buy (buyer: we pay, lessee)",
    ),
    "money.items": Text("{count} 项", "{count}"),
    "money.paid_this_month": Text("本月已付款", "Paid this month"),
    "money.receivable.chart": Text("每月计划与实际回款", "Receivables planned and collected per month"),
    "money.receivable.chart_of": Text("每月计划与实际回款（{currency}）", "Receivables planned and collected per month ({currency})"),
    "money.payable.chart": Text("每月计划与实际付款", "Payables planned and paid per month"),
    "money.payable.chart_of": Text("每月计划与实际付款（{currency}）", "Payables planned and paid per month ({currency})"),
}
