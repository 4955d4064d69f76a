"""The three layouts, header rows below titles, and --mapping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from pactwatch.ledger import layouts
from pactwatch.ledger.readers import Table
from pactwatch.load.portfolio import load_portfolio
from tests.conftest import TODAY, CliResult

Run = Callable[..., CliResult]


def _milestones(root: Path, contract_id: str) -> list[tuple[object, ...]]:
    contract = load_portfolio(root, TODAY, use_cache=False).portfolio.contract(contract_id)
    assert contract is not None
    return [(m.id, m.title, m.kind, m.due, m.amount, m.status, m.completed_on, m.owner) for m in contract.milestones]


def test_repeated_milestone_columns(run_cli: Run, empty_portfolio: Path, workbook: Callable[..., Path]) -> None:
    path = workbook(
        {
            "台账": [
                ["2026 年销售合同台账"],
                ["单位：元", None, None, "制表：财务部"],
                [],
                [
                    "序号",
                    "合同编号",
                    "合同名称",
                    "客户名称",
                    "负责人",
                    "合同金额",
                    "首付款日期",
                    "首付款金额",
                    "首付款实际付款日期",
                    "尾款日期",
                    "尾款金额",
                    "验收日期",
                    "录入日期",
                ],
                [
                    1,
                    "R-1",
                    "重复列合同",
                    "甲公司",
                    "张伟",
                    1000000,
                    datetime(2026, 2, 1),
                    300000,
                    datetime(2026, 2, 3),
                    "2026年6月30日",
                    "70万",
                    "2026/5/31",
                    "2026-01-02",
                ],
                [2, "R-2", "只有尾款", "乙公司", "李娜", "50万", None, None, None, "2026-09-30", 500000, None, None],
                ["合计", None, None, None, None, 1500000],
            ]
        }
    )
    result = run_cli("import", "--lang", "en", path, "--root", empty_portfolio)
    assert result.code == 0, result.err
    assert "columns not imported: 录入日期" in result.err  # a lone date column is not a milestone
    assert _milestones(empty_portfolio, "R-1") == [
        ("M1", "首付款", "payment", date(2026, 2, 1), Decimal(300000), "done", date(2026, 2, 3), "zhang.wei"),
        ("M2", "尾款", "payment", date(2026, 6, 30), Decimal(700000), "pending", None, "zhang.wei"),
        ("M3", "验收", "acceptance", date(2026, 5, 31), None, "pending", None, "zhang.wei"),
    ]
    assert _milestones(empty_portfolio, "R-2") == [("M1", "尾款", "payment", date(2026, 9, 30), Decimal(500000), "pending", None, "li.na")]


def test_header_row_is_found_below_titles() -> None:
    table = Table("t", (("标题",), (), ("说明", "x"), ("合同编号", "合同名称", "客户"), ("C-1", "a", "b")))
    assert layouts.find_header_row(table) == (4, True)
    plan, problems = layouts.plan_sheet(table)
    assert plan is not None and plan.header_row == 4 and plan.role == "contracts" and not problems


def test_roles_decide_generic_headers() -> None:
    milestones = Table("节点", (("合同编号", "节点", "计划日期", "金额", "负责人", "状态"),))
    plan, _ = layouts.plan_sheet(milestones)
    assert plan is not None and plan.role == "milestones"
    assert [c.field for c in plan.columns] == ["id", "milestone", "due", "amount", "milestone_owner", "milestone_status"]
    combined = Table("台账", (("合同编号", "合同名称", "节点", "计划日期", "金额", "负责人", "状态"),))
    plan, _ = layouts.plan_sheet(combined)
    assert plan is not None and plan.role == "combined"
    assert [c.field for c in plan.columns] == ["id", "title", "milestone", "due", "value", "owner", "status"]


def test_two_columns_meaning_one_field() -> None:
    plan, problems = layouts.plan_sheet(Table("t", (("合同编号", "合同名称", "项目名称"),)))
    assert plan is not None and [c.header for c in plan.columns] == ["合同编号", "合同名称"]
    assert problems[0].severity == "warning" and "'项目名称' means the same as '合同名称'" in problems[0].message_text("en")


def test_mapping_file(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(
        "id: 流水号\ntitle: 合同名\ncounterparty: [甲方单位]\ndue: 约定付款日\nmilestone: 款项名称\n", encoding="utf-8"
    )
    ledger = tmp_path / "odd.csv"
    ledger.write_text(
        "流水号,合同名,甲方单位,负责人,款项名称,约定付款日,付款金额\nK-1,奇怪表头,甲,张伟,全款,2026-03-01,5000\n", encoding="utf-8"
    )
    assert run_cli("import", "--lang", "en", ledger, "--root", empty_portfolio).code == 1  # without the mapping: no contract number column
    result = run_cli("import", "--lang", "en", ledger, "--root", empty_portfolio, "--mapping", tmp_path / "map.yaml")
    assert result.code == 0, result.err
    assert _milestones(empty_portfolio, "K-1") == [("M1", "全款", "payment", date(2026, 3, 1), Decimal(5000), "pending", None, "zhang.wei")]


def test_bad_mapping_files(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "l.csv"
    ledger.write_text("合同编号,合同名称\n", encoding="utf-8")
    for text, message in (
        ("colour: 颜色\n", "'colour' is not a field"),
        ("id: [ ]\n", "needs a column header"),
        ("id: a\nid: b\n", "duplicate key"),
    ):
        (tmp_path / "map.yaml").write_text(text, encoding="utf-8")
        result = run_cli("import", "--lang", "en", ledger, "--root", empty_portfolio, "--mapping", tmp_path / "map.yaml")
        assert result.code == 2 and message in result.err, result.err


def test_sheet_option(run_cli: Run, empty_portfolio: Path) -> None:
    from tests.ledger.conftest import DATA

    result = run_cli(
        "import",
        "--lang",
        "en",
        DATA / "contract-ledger-2026.xlsx",
        "--root",
        empty_portfolio,
        "--sheet",
        "合同台账",
        "--add-people",
        "--dry-run",
    )
    assert result.code == 0 and "would write contracts/sales/XS-2026-001.yaml (0 milestones)" in result.out
    result = run_cli("import", "--lang", "en", DATA / "ledger-english-utf8-bom.csv", "--root", empty_portfolio, "--sheet", "x")
    assert result.code == 2 and "--sheet applies to .xlsx workbooks" in result.err
