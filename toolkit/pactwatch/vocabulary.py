"""The one table of Chinese and English words for the closed choices and the shared field names.

Every output (site, ledger export, feeds, notices, report, issue bodies) names a contract type,
a status, a milestone kind, a state, and the fields they share (type, status, kind, owner, due...)
with the words here, so a value reads the same everywhere. The ledger importer accepts these words
and its own synonyms (执行中 for active, ...) as input.

The choices themselves are Literals beside the records that hold them (pactwatch.model for the
format, pactwatch.engine.records for states and health), with their tuples derived by get_args;
tests hold the schema's enums, those Literals and these tables to the same values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Literal, NamedTuple, get_args

from pactwatch.model import ContractStatus, ContractType, MilestoneKind, MilestoneStatus, RepeatUnit

if TYPE_CHECKING:  # for types only: the engine imports pactwatch.i18n, which imports this module
    from pactwatch.engine.records import Health, State

# Field names more than one output labels (a site column, a feed line, an issue row, a report column).
FieldName = Literal["contract", "type", "status", "counterparty", "owner", "kind", "due", "amount", "completed_on", "state", "days_late"]
FIELD_NAMES: tuple[FieldName, ...] = get_args(FieldName)


class Word(NamedTuple):
    """One concept in both languages."""

    zh: str
    en: str

    def text(self, language: str) -> str:
        return self.zh if language == "zh" else self.en


CONTRACT_TYPE_WORDS: Mapping[ContractType, Word] = {
    "sales": Word("销售", "sales"),
    "purchase": Word("采购", "purchase"),
    "service": Word("服务", "service"),
    "lease": Word("租赁", "lease"),
    "nda": Word("保密协议", "NDA"),
    "framework": Word("框架协议", "framework"),
    "other": Word("其他", "other"),
}
CONTRACT_STATUS_WORDS: Mapping[ContractStatus, Word] = {
    "draft": Word("草稿", "draft"),
    "active": Word("履行中", "active"),  # 执行中 is read on import, never written
    "completed": Word("已完成", "completed"),
    "terminated": Word("已终止", "terminated"),
    "expired": Word("已到期", "expired"),
}
MILESTONE_KIND_WORDS: Mapping[MilestoneKind, Word] = {
    "payment": Word("付款", "payment"),
    "delivery": Word("交付", "delivery"),
    "acceptance": Word("验收", "acceptance"),
    "service": Word("服务", "service"),
    "report": Word("报告", "report"),
    "renewal": Word("续约", "renewal"),
    "other": Word("其他", "other"),
}
MILESTONE_STATUS_WORDS: Mapping[MilestoneStatus, Word] = {
    "pending": Word("未开始", "pending"),
    "in_progress": Word("进行中", "in progress"),
    "done": Word("已完成", "done"),
    "waived": Word("已豁免", "waived"),
    "cancelled": Word("已取消", "cancelled"),
}
REPEAT_UNIT_WORDS: Mapping[RepeatUnit, Word] = {
    "day": Word("天", "day"),
    "week": Word("周", "week"),
    "month": Word("月", "month"),
    "quarter": Word("季度", "quarter"),
    "year": Word("年", "year"),
}
STATE_WORDS: Mapping[State, Word] = {
    "overdue": Word("逾期", "overdue"),
    "due_soon": Word("即将到期", "due soon"),
    "upcoming": Word("待办", "upcoming"),
    "done": Word("已完成", "done"),
    "done_late": Word("逾期完成", "done late"),
    "waived": Word("已豁免", "waived"),
    "cancelled": Word("已取消", "cancelled"),
}
HEALTH_WORDS: Mapping[Health, Word] = {
    "overdue": Word("逾期", "overdue"),
    "at_risk": Word("有风险", "at risk"),
    "on_track": Word("正常", "on track"),
    "draft": Word("草稿", "draft"),
    "completed": Word("已完成", "completed"),
    "expired": Word("已到期", "expired"),
    "terminated": Word("已终止", "terminated"),
}
FIELD_WORDS: Mapping[FieldName, Word] = {
    "contract": Word("合同", "Contract"),
    "type": Word("合同类型", "Type"),  # not 类型: that is a milestone's kind
    "status": Word("合同状态", "Status"),
    "counterparty": Word("相对方", "Counterparty"),
    "owner": Word("负责人", "Owner"),
    "kind": Word("类型", "Kind"),
    "due": Word("计划日期", "Due"),
    "amount": Word("金额", "Amount"),
    "completed_on": Word("完成日期", "Completed on"),
    "state": Word("状态", "State"),
    "days_late": Word("逾期天数", "Days late"),
}


def _by_value(*tables: Iterable[tuple[str, Word]]) -> Mapping[str, Word]:
    """Every value's word, by value alone: a value in two choices (done, service...) must read the same in both."""
    merged: dict[str, Word] = {}
    for table in tables:
        for value, pair in table:
            if merged.setdefault(value, pair) != pair:
                raise ValueError(f"{value!r} has two words: {merged[value]} and {pair}")
    return merged


VALUE_WORDS: Mapping[str, Word] = _by_value(
    CONTRACT_TYPE_WORDS.items(),
    CONTRACT_STATUS_WORDS.items(),
    MILESTONE_KIND_WORDS.items(),
    MILESTONE_STATUS_WORDS.items(),
    REPEAT_UNIT_WORDS.items(),
    STATE_WORDS.items(),
    HEALTH_WORDS.items(),
)


def label(field_name: FieldName, language: str) -> str:
    """A shared field's name: ``kind`` -> 类型 / Kind."""
    return FIELD_WORDS[field_name].text(language)


def labels(language: str) -> dict[str, str]:
    """Every shared field's name in one language (for templates: ``F.due``)."""
    return {name: pair.text(language) for name, pair in FIELD_WORDS.items()}
