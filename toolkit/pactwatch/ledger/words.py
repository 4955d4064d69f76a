"""Chinese and English words ledgers use for types, statuses and milestone kinds -> format values.

Each table accepts the vocabulary's own words (what export writes and the site shows) and the
synonyms ledgers use (执行中 for active, 回款 for payment...).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TypeVar

from pactwatch.ledger.problems import Choices
from pactwatch.ledger.values import clean_text
from pactwatch.model import ContractStatus, ContractType, MilestoneKind, MilestoneStatus
from pactwatch.vocabulary import CONTRACT_STATUS_WORDS, CONTRACT_TYPE_WORDS, MILESTONE_KIND_WORDS, MILESTONE_STATUS_WORDS, Word

T = TypeVar("T", bound=str)

_CONTRACT_TYPE_SYNONYMS: Mapping[str, ContractType] = {
    **dict.fromkeys(("sales", "sale", "销售", "销货", "产品销售"), "sales"),
    **dict.fromkeys(("purchase", "purchasing", "procurement", "采购", "购买", "购销"), "purchase"),
    **dict.fromkeys(("service", "services", "consulting", "服务", "技术服务", "运维", "运维服务", "咨询", "外包"), "service"),
    **dict.fromkeys(("lease", "rental", "rent", "租赁", "房屋租赁", "租用"), "lease"),
    **dict.fromkeys(("nda", "confidentiality", "non-disclosure", "保密", "保密协议"), "nda"),
    **dict.fromkeys(("framework", "master agreement", "msa", "框架", "框架协议", "战略合作"), "framework"),
    **dict.fromkeys(("other", "others", "其他", "其它"), "other"),
}

_CONTRACT_STATUS_SYNONYMS: Mapping[str, ContractStatus] = {
    **dict.fromkeys(("draft", "草稿", "拟稿", "待签", "待签订", "未签订", "未签", "审批中", "待审批"), "draft"),
    **dict.fromkeys(
        (
            "active",
            "ongoing",
            "in progress",
            "open",
            "signed",
            "执行中",
            "履行中",
            "进行中",
            "生效",
            "已生效",
            "有效",
            "在执行",
            "正常",
            "已签订",
        ),
        "active",
    ),
    **dict.fromkeys(
        (
            "completed",
            "complete",
            "done",
            "closed",
            "fulfilled",
            "已完成",
            "完成",
            "履行完毕",
            "执行完毕",
            "已履行",
            "已结束",
            "结束",
            "已结清",
            "结清",
        ),
        "completed",
    ),
    **dict.fromkeys(("terminated", "cancelled", "canceled", "已终止", "终止", "解除", "已解除", "中止", "已中止", "作废"), "terminated"),
    **dict.fromkeys(("expired", "已到期", "到期", "已过期", "过期", "失效", "已失效"), "expired"),
}

_MILESTONE_KIND_SYNONYMS: Mapping[str, MilestoneKind] = {
    **dict.fromkeys(("payment", "pay", "invoice", "付款", "收款", "回款", "支付", "款项", "付款节点", "收款节点", "租金"), "payment"),
    **dict.fromkeys(("delivery", "shipment", "交付", "交货", "到货", "发货", "上线"), "delivery"),
    **dict.fromkeys(("acceptance", "验收", "验收合格"), "acceptance"),
    **dict.fromkeys(("service", "服务", "维护", "回访", "巡检"), "service"),
    **dict.fromkeys(("report", "报告", "汇报"), "report"),
    **dict.fromkeys(("renewal", "续约", "续租", "续签", "续期"), "renewal"),
    **dict.fromkeys(("other", "其他", "其它"), "other"),
}

_MILESTONE_STATUS_SYNONYMS: Mapping[str, MilestoneStatus] = {
    **dict.fromkeys(
        ("pending", "open", "not started", "todo", "planned", "未开始", "待办", "未完成", "待付款", "未付款", "待收款", "未收款", "未到账"),
        "pending",
    ),
    **dict.fromkeys(("in_progress", "in progress", "started", "进行中", "处理中", "执行中"), "in_progress"),
    **dict.fromkeys(
        ("done", "paid", "completed", "complete", "received", "已完成", "完成", "已付款", "已收款", "已回款", "已支付", "已到账"), "done"
    ),
    **dict.fromkeys(("waived", "豁免", "已豁免", "免除"), "waived"),
    **dict.fromkeys(("cancelled", "canceled", "已取消", "取消", "作废"), "cancelled"),
}

# Title words that reveal a milestone's kind when the ledger has no kind column (checked in order).
_KIND_HINTS: tuple[tuple[MilestoneKind, tuple[str, ...]], ...] = (
    ("renewal", ("续约", "续租", "续签", "续期", "renewal", "renew")),
    ("acceptance", ("验收", "acceptance")),
    ("payment", ("款", "付", "租金", "费", "payment", "deposit", "instal", "fee", "rent")),
    ("delivery", ("交付", "交货", "到货", "发货", "上线", "delivery", "shipment", "go-live")),
    ("report", ("报告", "report")),
    ("service", ("服务", "维护", "回访", "巡检", "service", "maintenance")),
)

_SUFFIXES = ("合同", "协议", "类合同", "类")


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", clean_text(word).lower().replace("_", " ")).strip()


def _accepting(words: Mapping[T, Word], synonyms: Mapping[str, T]) -> Mapping[str, T]:
    """The vocabulary's words for each value (both languages), then the ledger's synonyms."""
    return {**{_key(text): value for value, pair in words.items() for text in pair}, **synonyms}


CONTRACT_TYPES = _accepting(CONTRACT_TYPE_WORDS, _CONTRACT_TYPE_SYNONYMS)
CONTRACT_STATUSES = _accepting(CONTRACT_STATUS_WORDS, _CONTRACT_STATUS_SYNONYMS)
MILESTONE_KINDS = _accepting(MILESTONE_KIND_WORDS, _MILESTONE_KIND_SYNONYMS)
MILESTONE_STATUSES = _accepting(MILESTONE_STATUS_WORDS, _MILESTONE_STATUS_SYNONYMS)


def lookup(word: str, table: Mapping[str, T]) -> T | None:
    """The format value for a ledger word, trying it without 合同/协议/类 suffixes too."""
    key = _key(word)
    candidates = [key, key.replace(" ", "_")]
    candidates += [key.removesuffix(suffix) for suffix in _SUFFIXES if key.endswith(suffix)]
    for candidate in candidates:
        if candidate in table:
            return table[candidate]
    return None


def guess_kind(title: str, has_amount: bool) -> MilestoneKind:
    """A milestone's kind from its title; anything with an amount is a payment."""
    if has_amount:
        return "payment"
    lowered = title.lower()
    for kind, words in _KIND_HINTS:
        if any(word in lowered for word in words):
            return kind
    return "other"


def choices(hint_id: str, table: Mapping[str, str]) -> Choices:
    """The hint ``hint_id`` listing the words of the table's values (销售、采购… / sales, purchase, ...), worded at output time."""
    return Choices(hint_id, tuple(dict.fromkeys(f"value.{value}" for value in table.values())))
