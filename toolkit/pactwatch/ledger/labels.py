"""Words export writes, in Chinese or English. Each one the importer reads back to the same value
(tests check every label through ``words.lookup``), so an exported ledger imports unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from pactwatch.model import ContractStatus, ContractType, MilestoneKind, MilestoneStatus
from pactwatch.vocabulary import CONTRACT_STATUS_WORDS, CONTRACT_TYPE_WORDS, MILESTONE_KIND_WORDS, MILESTONE_STATUS_WORDS, Word

K = TypeVar("K", bound=str)

# value -> (Chinese, English): the one vocabulary's words, as the site and the feeds show them.
CONTRACT_TYPES: Mapping[ContractType, Word] = CONTRACT_TYPE_WORDS
CONTRACT_STATUSES: Mapping[ContractStatus, Word] = CONTRACT_STATUS_WORDS
MILESTONE_KINDS: Mapping[MilestoneKind, Word] = MILESTONE_KIND_WORDS
MILESTONE_STATUSES: Mapping[MilestoneStatus, Word] = MILESTONE_STATUS_WORDS
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
    "due_note": ("日期说明", "Why this date"),  # why the effective date is not the one written (i18n.due_note)
}
SHEETS: Mapping[str, tuple[str, str]] = {
    "contracts": ("合同", "Contracts"),
    "milestones": ("履约节点", "Milestones"),
    "kpis": ("指标", "KPIs"),
}


def pick(table: Mapping[K, tuple[str, str]], key: K, language: str) -> str:
    zh, en = table[key]
    return zh if language == "zh" else en


def yes_no(flag: bool, language: str) -> str:
    return YES_NO[0 if language == "zh" else 1][0 if flag else 1]
