"""Import the three real ledgers (../shared/data/ledgers, copied to tests/ledger/data) and check every field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pactwatch.load.portfolio import load_portfolio
from pactwatch.model import Contract, Portfolio
from tests.conftest import TODAY, CliResult
from tests.ledger.conftest import DATA

Run = Callable[..., CliResult]


def _imported(run_cli: Run, root: Path, ledger: str, *args: str) -> Portfolio:
    result = run_cli("import", "--lang", "en", DATA / ledger, "--root", root, *args)
    assert result.code == 0, result.err + result.out
    check = run_cli("validate", "--root", root, "--no-cache")
    assert check.code == 0, check.out + check.err  # every file written passes the real validator
    loaded = load_portfolio(root, TODAY, use_cache=False)
    assert not loaded.findings
    return loaded.portfolio


def _get(portfolio: Portfolio, contract_id: str) -> Contract:
    contract = portfolio.contract(contract_id)
    assert contract is not None, contract_id
    return contract


def _milestones(contract: Contract) -> list[tuple[object, ...]]:
    return [(m.id, m.title, m.kind, m.due, m.owner, m.amount, m.status, m.completed_on) for m in contract.milestones]


def test_workbook_with_title_row_and_two_sheets(run_cli: Run, empty_portfolio: Path) -> None:
    portfolio = _imported(run_cli, empty_portfolio, "contract-ledger-2026.xlsx", "--add-people")
    assert [c.id for c in portfolio.contracts] == ["CG-2026-002", "FW-2026-003", "XS-2026-001", "ZL-2025-011"]

    xs = _get(portfolio, "XS-2026-001")
    assert (xs.title, xs.type, xs.status, xs.owner, xs.counterparty.name) == (
        "智能仓储系统销售合同",
        "sales",
        "active",
        "zhang.wei",
        "杭州云帆物流有限公司",
    )
    assert (xs.value.amount if xs.value else None, xs.currency, xs.signed_on) == (Decimal(1860000), "CNY", date(2026, 1, 8))
    assert xs.term is not None and (xs.term.start, xs.term.end, xs.term.auto_renew) == (date(2026, 1, 10), date(2026, 12, 31), False)
    assert xs.source == "contracts/sales/XS-2026-001.yaml"
    assert _milestones(xs) == [
        ("M1", "预付款 30%", "payment", date(2026, 1, 20), "zhang.wei", Decimal(558000), "done", date(2026, 1, 19)),
        ("M2", "设备到货", "delivery", date(2026, 4, 30), "chen.jing", None, "done", date(2026, 5, 6)),
        ("M3", "验收合格", "acceptance", date(2026, 6, 15), "chen.jing", None, "pending", None),
        ("M4", "验收款 60%", "payment", date(2026, 7, 15), "zhang.wei", Decimal(1116000), "pending", None),
        ("M5", "质保金 10%", "payment", date(2026, 12, 31), "zhang.wei", Decimal(186000), "pending", None),
    ]

    cg = _get(portfolio, "CG-2026-002")  # text cells: 2026/2/3, ¥642,500.00
    assert (cg.type, cg.owner, cg.value.amount if cg.value else None, cg.signed_on) == (
        "purchase",
        "li.na",
        Decimal("642500.00"),
        date(2026, 2, 3),
    )
    assert cg.term is not None and (cg.term.start, cg.term.end) == (date(2026, 2, 5), date(2026, 8, 31))
    assert _milestones(cg) == [
        ("M1", "到货付款", "payment", date(2026, 3, 15), "li.na", Decimal("449750.00"), "done", date(2026, 3, 14)),
        ("M2", "尾款", "payment", date(2026, 8, 31), "li.na", Decimal("192750.00"), "pending", None),
    ]

    fw = _get(portfolio, "FW-2026-003")  # 2026年3月1日, 36万, 18万
    assert (fw.type, fw.owner, fw.value.amount if fw.value else None, fw.signed_on) == (
        "service",
        "wang.fang",
        Decimal(360000),
        date(2026, 3, 1),
    )
    assert fw.term is not None and fw.term.end == date(2027, 2, 28)
    assert _milestones(fw) == [
        ("M1", "第一季度服务报告", "report", date(2026, 5, 31), "wang.fang", None, "done", date(2026, 6, 2)),
        ("M2", "第二季度服务报告", "report", date(2026, 8, 31), "wang.fang", None, "pending", None),
        ("M3", "服务费", "payment", date(2026, 9, 30), "wang.fang", Decimal(180000), "pending", None),
    ]

    zl = _get(portfolio, "ZL-2025-011")  # 1,080,000元, 已完成, an owner not in people.yaml (赵磊)
    assert (zl.type, zl.status, zl.owner, zl.value.amount if zl.value else None) == ("lease", "completed", "zhao.lei", Decimal(1080000))
    assert portfolio.people["zhao.lei"].name == "赵磊"
    assert _milestones(zl) == [
        ("M1", "第三季度租金", "payment", date(2025, 7, 1), "zhao.lei", Decimal(270000), "done", date(2025, 7, 1)),
        ("M2", "续租决定（提前60天通知）", "renewal", date(2026, 5, 1), "zhao.lei", None, "done", date(2026, 4, 28)),
    ]


def test_per_milestone_csv_in_gb18030(run_cli: Run, empty_portfolio: Path) -> None:
    portfolio = _imported(run_cli, empty_portfolio, "ledger-per-milestone-gb18030.csv")
    js = _get(portfolio, "JS-2026-07")
    assert (js.title, js.type, js.status, js.owner, js.counterparty.name) == (
        "数据中台建设项目",
        "service",
        "active",
        "liu.yang",
        "深圳前海某某银行",
    )
    assert (js.value.amount if js.value else None, js.signed_on) == (Decimal("2400000.00"), date(2026, 5, 12))
    assert js.term is not None and (js.term.start, js.term.end) == (date(2026, 5, 15), date(2027, 5, 14))
    assert _milestones(js) == [
        ("M1", "首付款", "payment", date(2026, 5, 30), "liu.yang", Decimal("720000.00"), "done", date(2026, 6, 3)),
        ("M2", "上线验收款", "payment", date(2026, 11, 30), "liu.yang", Decimal("1200000.00"), "pending", None),
        ("M3", "尾款", "payment", date(2027, 5, 14), "liu.yang", Decimal("480000.00"), "pending", None),
    ]
    cg = _get(portfolio, "CG-2026-19")
    assert (cg.type, cg.owner, cg.signed_on, cg.value.amount if cg.value else None) == (
        "purchase",
        "li.na",
        date(2026, 9, 1),
        Decimal("86000.00"),
    )
    assert cg.term is not None and (cg.term.start, cg.term.end) == (date(2026, 9, 1), date(2026, 10, 31))
    assert _milestones(cg) == [("M1", "货到付款", "payment", date(2026, 10, 15), "li.na", Decimal("86000.00"), "pending", None)]


def test_english_csv_with_bom(run_cli: Run, empty_portfolio: Path) -> None:
    portfolio = _imported(run_cli, empty_portfolio, "ledger-english-utf8-bom.csv")
    en = _get(portfolio, "EN-2026-100")
    assert (en.title, en.type, en.status, en.owner, en.counterparty.name) == (
        "Software licence renewal",
        "purchase",
        "active",
        "li.na",
        "Northwind Software Ltd",
    )
    assert en.value is not None and (en.value.amount, en.value.currency, en.currency) == (Decimal("48000.00"), "USD", "USD")
    assert en.term is not None and (en.signed_on, en.term.start, en.term.end) == (date(2026, 2, 1), date(2026, 3, 1), date(2027, 2, 28))
    assert en.milestones == ()
    fw = _get(portfolio, "EN-2026-101")
    assert (fw.type, fw.owner, fw.value) == ("framework", "zhang.wei", None)
    assert fw.term is not None and fw.term.end == date(2028, 4, 30)


def test_written_files_look_like_the_examples(run_cli: Run, empty_portfolio: Path) -> None:
    _imported(run_cli, empty_portfolio, "ledger-per-milestone-gb18030.csv")
    text = (empty_portfolio / "contracts/purchase/CG-2026-19.yaml").read_text(encoding="utf-8")
    assert text == (
        "# yaml-language-server: $schema=../../schema/contract.schema.json\n"
        "# imported from ledger-per-milestone-gb18030.csv: row 5\n"
        "id: CG-2026-19\ntitle: 办公家具采购\ntype: purchase\nstatus: active\nowner: li.na\n"
        "counterparty: {name: 广州某某家具有限公司}\nvalue: {amount: 86000.00, currency: CNY}\n"
        "signed_on: 2026-09-01\nterm: {start: 2026-09-01, end: 2026-10-31}\n"
        "milestones:\n  - id: M1\n    title: 货到付款\n    kind: payment\n    due: 2026-10-15\n    owner: li.na\n    amount: 86000.00\n"
    )


@pytest.mark.parametrize("ledger", ["contract-ledger-2026.xlsx", "ledger-english-utf8-bom.csv", "ledger-per-milestone-gb18030.csv"])
def test_dry_run_writes_nothing_and_a_second_run_changes_nothing(run_cli: Run, empty_portfolio: Path, ledger: str) -> None:
    dry = run_cli("import", "--lang", "en", DATA / ledger, "--root", empty_portfolio, "--dry-run", "--add-people", "-v")
    assert dry.code == 0 and "would write contracts/" in dry.out and "# yaml-language-server" in dry.out
    assert not any((empty_portfolio / "contracts").rglob("*.yaml"))
    people_before = (empty_portfolio / "people.yaml").read_bytes()
    assert run_cli("import", "--lang", "en", DATA / ledger, "--root", empty_portfolio, "--add-people").code == 0
    snapshot = {p: p.read_bytes() for p in (empty_portfolio / "contracts").rglob("*.yaml")}
    again = run_cli("import", "--lang", "en", DATA / ledger, "--root", empty_portfolio, "--add-people")
    assert again.code == 0 and "unchanged" in again.out
    assert snapshot == {p: p.read_bytes() for p in (empty_portfolio / "contracts").rglob("*.yaml")}
    if ledger.endswith(".xlsx"):
        assert (empty_portfolio / "people.yaml").read_bytes().count(b"name: \xe8\xb5\xb5\xe7\xa3\x8a") == 1  # 赵磊 added once
    else:
        assert (empty_portfolio / "people.yaml").read_bytes() == people_before
