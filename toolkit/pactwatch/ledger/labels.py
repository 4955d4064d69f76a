"""Words export writes, in Chinese or English. Each one the importer reads back to the same value
(tests check every label through ``words.lookup``), so an exported ledger imports unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping

# value -> (Chinese, English)
CONTRACT_TYPES: Mapping[str, tuple[str, str]] = {
    "sales": ("销售", "sales"),
    "purchase": ("采购", "purchase"),
    "service": ("服务", "service"),
    "lease": ("租赁", "lease"),
    "nda": ("保密协议", "nda"),
    "framework": ("框架协议", "framework"),
    "other": ("其他", "other"),
}
CONTRACT_STATUSES: Mapping[str, tuple[str, str]] = {
    "draft": ("草稿", "draft"),
    "active": ("执行中", "active"),
    "completed": ("已完成", "completed"),
    "terminated": ("已终止", "terminated"),
    "expired": ("已到期", "expired"),
}
MILESTONE_KINDS: Mapping[str, tuple[str, str]] = {
    "payment": ("付款", "payment"),
    "delivery": ("交付", "delivery"),
    "acceptance": ("验收", "acceptance"),
    "service": ("服务", "service"),
    "report": ("报告", "report"),
    "renewal": ("续约", "renewal"),
    "other": ("其他", "other"),
}
MILESTONE_STATUSES: Mapping[str, tuple[str, str]] = {
    "pending": ("未开始", "pending"),
    "in_progress": ("进行中", "in progress"),
    "done": ("已完成", "done"),
    "waived": ("已豁免", "waived"),
    "cancelled": ("已取消", "cancelled"),
}
# Engine output (states, health) uses pactwatch.i18n.word, so it reads as on the site and in reports.
YES_NO = (("是", "否"), ("yes", "no"))

# Computed columns (their headers are in headers.COMPUTED, so import skips them).
COMPUTED_HEADERS: Mapping[str, tuple[str, str]] = {
    "health": ("健康度", "Health"),
    "progress": ("进度", "Progress"),
    "collected": ("已回款", "Collected"),
    "collected_to_date": ("累计回款", "Collected to date"),
    "next_milestone": ("下一节点", "Next milestone"),
    "next_due": ("下一节点日期", "Next due"),
    "notice_deadline": ("通知截止日", "Notice deadline"),
    "state": ("履约状态", "State"),
    "days_late": ("逾期天数", "Days late"),
}
SHEETS: Mapping[str, tuple[str, str]] = {
    "contracts": ("合同", "Contracts"),
    "milestones": ("履约节点", "Milestones"),
    "kpis": ("指标", "KPIs"),
}


def pick(table: Mapping[str, tuple[str, str]], key: str, language: str) -> str:
    zh, en = table[key]
    return zh if language == "zh" else en


def yes_no(flag: bool, language: str) -> str:
    return YES_NO[0 if language == "zh" else 1][0 if flag else 1]
