"""Catalogue entries: risk signals (their kinds, levels and sentences) and why a due date is what it is.

The engine's risk signals carry ``Msg("risk.<kind>", facts)``; the sentence is made here in the run's
language. People in the facts are already named (naming.person_name), numbers already written.
``count`` drives the English singular ("1 day overdue").
"""

from __future__ import annotations

from pactwatch.catalogue import Text

TEXTS: dict[str, Text] = {
    # kinds and levels (the words beside each sentence)
    "risk.kind.repeated_delays": Text("多次延误", "repeated delays"),
    "risk.kind.slow_payment": Text("回款缓慢", "slow payment"),
    "risk.kind.notice_window": Text("续约通知期临近", "notice window closing"),
    "risk.kind.escalation": Text("逾期升级", "escalation"),
    "risk.kind.concentration": Text("集中度过高", "concentration"),
    "risk.kind.late_payables": Text("逾期应付", "overdue payables"),
    "risk.level.high": Text("高", "high"),
    "risk.level.medium": Text("中", "medium"),
    "risk.level.low": Text("低", "low"),
    # the sentences
    "risk.repeated_delays": Text(
        "{subject}：最近 {count} 个节点延期完成或仍逾期",
        "{subject}: the last {count} milestones were late or are overdue",
        "{subject}: the last milestone was late or is overdue",
    ),
    "risk.slow_payment": Text(
        "{subject} 平均逾期 {average} 天回款（我方应收中位数 {median} 天）",
        "{subject} pays us {average} days late on average (median of our receivables {median} days)",
    ),
    "risk.late_payables": Text(
        "{subject}：我方 {count} 笔付款逾期，应付 {amount}，最长 {days} 天，已计逾期违约金 {fee}",
        "{subject}: {count} of our payments are overdue, {amount} payable, up to {days} days late, late fee accrued {fee}",
        "{subject}: 1 of our payments is overdue, {amount} payable, {days} days late, late fee accrued {fee}",
    ),
    "risk.notice_window": Text(
        "{subject} 将自动续约，除非在 {deadline} 前发出通知（还剩 {count} 天）",
        "{subject} renews automatically unless notice is given by {deadline} ({count} days left)",
        "{subject} renews automatically unless notice is given by {deadline} ({count} day left)",
    ),
    "risk.escalation": Text(
        "{subject} 已逾期 {count} 天；负责人 {owner}，上级 {manager}",
        "{subject} is {count} days overdue; owner {owner}, manager {manager}",
        "{subject} is {count} day overdue; owner {owner}, manager {manager}",
    ),
    "risk.escalation_no_manager": Text(
        "{subject} 已逾期 {count} 天；负责人 {owner}，无上级可升级",
        "{subject} is {count} days overdue; owner {owner}, no manager to escalate to",
        "{subject} is {count} day overdue; owner {owner}, no manager to escalate to",
    ),
    "risk.concentration.receivable": Text(
        "{subject} 占未收 {currency} 应收款的 {share}（{amount} / {total}）",
        "{subject} holds {share} of the open {currency} receivables ({amount} of {total})",
    ),
    "risk.concentration.payable": Text(
        "{subject} 占未付 {currency} 应付款的 {share}（{amount} / {total}）",
        "{subject} holds {share} of the open {currency} payables ({amount} of {total})",
    ),
    # why an effective due date is not the date written (business-day conventions, due_after)
    "due.written": Text("合同约定 {written}", "contract date {written}"),
    "due.days": Text("{anchor} 完成后 {count} 日", "{count} days after {anchor}", "{count} day after {anchor}"),
    "due.working_days": Text(
        "{anchor} 完成后 {count} 个工作日", "{count} working days after {anchor}", "{count} working day after {anchor}"
    ),
    "due.computed": Text("{rule}为 {written}", "{rule}: {written}"),
    "due.later": Text("{subject}，遇节假日顺延至 {due}", "{subject}, moved to the next working day {due}"),
    "due.earlier": Text("{subject}，遇节假日提前至 {due}", "{subject}, moved to the previous working day {due}"),
    "due.projected": Text("{rule}（预计：{anchor} 尚未完成）", "{rule} (projected: {anchor} is not complete yet)"),
    "due.with_note": Text("{date}（{note}）", "{date} ({note})"),  # the effective date, then why
}
