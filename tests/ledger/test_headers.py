"""The column vocabulary, in Chinese and English, any spelling a ledger uses."""

from __future__ import annotations

from decimal import Decimal
from typing import get_args

import pytest

from pactwatch.catalogue import word as catalogue_word
from pactwatch.i18n import word
from pactwatch.ledger import headers, words
from pactwatch.ledger.headers import FIELDS, export_name, match
from pactwatch.ledger.values import Unit
from pactwatch.model import ContractStatus, ContractType, MilestoneKind, MilestoneStatus

ISSUE_HEADERS = {  # the headers the issue names, each with the field it must mean
    "合同编号": "id", "合同号": "id", "编号": "id",
    "合同名称": "title", "项目名称": "title",
    "合同类型": "type", "类型": "type",
    "客户名称": "counterparty", "客户": "counterparty", "供应商": "counterparty", "对方单位": "counterparty", "签约方": "counterparty",
    "签订日期": "signed_on", "签约日期": "signed_on",
    "开始日期": "start", "生效日期": "start",
    "结束日期": "end", "到期日期": "end", "终止日期": "end",
    "合同金额": "value", "合同总额": "value",
    "节点": "milestone", "里程碑": "milestone", "付款节点": "milestone",
    "节点类型": "kind",
    "计划日期": "due", "计划付款日期": "due", "到期日": "due",
    "节点金额": "amount", "付款金额": "amount",
    "完成日期": "completed_on", "实际付款日期": "completed_on",
}  # fmt: skip


@pytest.mark.parametrize(("header", "field"), sorted(ISSUE_HEADERS.items()))
def test_issue_headers(header: str, field: str) -> None:
    assert match(header).field == field


@pytest.mark.parametrize(
    ("header", "generic"), [("负责人", "owner"), ("经办人", "owner"), ("状态", "status"), ("金额", "value"), ("币种", "currency")]
)
def test_generic_headers(header: str, generic: str) -> None:
    found = match(header)
    assert (found.field, found.generic) == (generic, True)


@pytest.mark.parametrize(
    ("header", "field"),
    [("Contract No.", "id"), ("contract_no", "id"), ("CONTRACT  NO", "id"), ("Title", "title"), ("Counterparty", "counterparty"),
     ("Signed", "signed_on"), ("Start date", "start"), ("End", "end"), ("Value", "value"), ("Due date", "due"), ("Paid on", "completed_on"),
     ("合同 编号", "id"), ("*合同编号", "id"), ("合同编号：", "id"), ("ＩＤ", "id")],
)  # fmt: skip
def test_spellings(header: str, field: str) -> None:
    assert match(header).field == field


def test_units_in_brackets() -> None:
    assert match("合同金额（元）").unit == Unit(Decimal(1), "CNY")
    assert match("合同金额(万元)").unit == Unit(Decimal(10000), "CNY")
    assert match("Value (USD)").unit == Unit(Decimal(1), "USD")
    assert match("合同名称（必填）").field == "title"


@pytest.mark.parametrize(
    ("header", "group", "field"),
    [("首付款日期", "首付款", "due"), ("首付款金额", "首付款", "amount"), ("尾款实际付款日期", "尾款", "completed_on"),
     ("进度款计划日期", "进度款", "due"), ("Deposit amount", "Deposit", "amount"), ("Final payment date", "Final payment", "due"),
     ("Deposit paid on", "Deposit", "completed_on")],
)  # fmt: skip
def test_repeated_column_groups(header: str, group: str, field: str) -> None:
    found = match(header)
    assert (found.group, found.field) == (group, field)


def test_computed_and_unknown_headers() -> None:
    assert match("序号").computed and match("健康度").computed and match("下一节点日期").computed
    assert match("whatever").field is None and not match("whatever").computed


def test_mapping_wins() -> None:
    table = headers.mapping_table({"id": ("流水号",), "counterparty": ("客户",)})
    assert match("流水号", table).field == "id"
    assert match("客户", table).field == "counterparty"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_export_header_reads_back(language: str) -> None:
    for field in FIELDS:
        found = match(export_name(field, language))
        assert (found.field, found.generic, found.group) == (field, False, None), field
    for key in headers.COMPUTED_COLUMNS:
        assert match(catalogue_word(headers.computed_id(key), language)).computed, key


@pytest.mark.parametrize(
    ("values", "words_table"),
    [(get_args(ContractType), words.CONTRACT_TYPES), (get_args(ContractStatus), words.CONTRACT_STATUSES),
     (get_args(MilestoneKind), words.MILESTONE_KINDS), (get_args(MilestoneStatus), words.MILESTONE_STATUSES)],
)  # fmt: skip
def test_every_export_word_reads_back(values: tuple[str, ...], words_table: dict[str, str]) -> None:
    for value in values:
        for language in ("zh", "en"):
            assert words.lookup(word(value, language), words_table) == value


def test_ledger_words() -> None:
    assert words.lookup("销售", words.CONTRACT_TYPES) == "sales"
    assert words.lookup("技术服务合同", words.CONTRACT_TYPES) == "service"
    assert words.lookup("执行中", words.CONTRACT_STATUSES) == "active"
    assert words.lookup("已完成", words.CONTRACT_STATUSES) == "completed"
    assert words.lookup("IN_PROGRESS", words.MILESTONE_STATUSES) == "in_progress"
    assert words.lookup("工程", words.CONTRACT_TYPES) is None
    assert words.guess_kind("上线验收款", has_amount=True) == "payment"
    assert words.guess_kind("设备到货", has_amount=False) == "delivery"
    assert words.guess_kind("续租决定", has_amount=False) == "renewal"
    assert words.guess_kind("第一季度服务报告", has_amount=False) == "report"


@pytest.mark.parametrize(
    ("header", "field"),
    [("相关文件", "documents"), ("逾期确认", "ack"), ("Kind", "kind"), ("合同状态", "status"), ("Contract status", "status")],
)
def test_the_headers_export_wrote_before_one_word_per_concept_still_import(header: str, field: str) -> None:
    """Export now writes the words every output uses (文档, 已确认延期, Milestone kind); old ledgers keep importing."""
    assert match(header).field == field


def test_the_state_column_export_wrote_before_is_skipped_quietly() -> None:
    assert match("State").computed and match("Milestone state").computed and match("履约状态").computed
    assert match(export_name("documents", "zh")).field == "documents" and export_name("status", "en") == "Contract status"
