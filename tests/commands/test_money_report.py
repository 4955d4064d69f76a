"""The example portfolio's November report reads right for finance (issue #14): no payable counted as collected,
no supplier blamed as a slow payer, the claimable late fee and our exposure shown apart."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import REPO_ROOT

SUPPLIERS = {
    "Pacific Compute Inc.",
    "深圳鹏程数据设备有限公司",
    "上海陆家嘴置业发展有限公司",
    "北京博睿信息技术有限公司",
    "上海汇展国际会展服务有限公司",
}


def test_november_report_for_finance(run_cli, copy_portfolio) -> None:  # type: ignore[no-untyped-def]
    root: Path = copy_portfolio(REPO_ROOT)
    result = run_cli("report", "--period", "month", "--format", "json", "--today", "2026-11-27", "--root", str(root))
    assert result.code == 0, result.err
    report = json.loads(result.out)
    k = report["kpis"]
    assert not {"collected", "collection_rate", "overdue_receivables_aging"} & set(k)
    # November's only settled payment is the office rent we paid: a payable, never collected
    assert k["receivable"]["settled"] == {} and k["payable"]["settled"] == {"CNY": "270000.00"}
    assert k["payable"]["overdue_amount"] == {"USD": "270000.00"}  # the GPU balance we owe is not an overdue receivable
    assert k["receivable"]["overdue_amount"] == {"CNY": "688000.00"}
    assert k["receivable"]["late_fees"] == {"CNY": "19176.00"} and k["payable"]["late_fees"] == {"USD": "1026.00"}
    for direction in ("receivable", "payable"):
        assert set(k[direction]) >= {"planned", "settled", "settlement_rate", "overdue_amount", "aging", "late_fees"}
    assert k["ours"]["on_time_rate"] == 1.0 and k["theirs"]["on_time_rate"] == 0.0
    slow = {r["subject"] for r in report["risks"] if r["kind"] == "slow_payment"}
    assert slow == {"杭州云帆物流有限公司"} and not slow & SUPPLIERS
    assert [r["subject"] for r in report["risks"] if r["kind"] == "late_payables"] == ["E-2026-008"]
    markdown = run_cli("report", "--period", "month", "--today", "2026-11-27", "--lang", "zh", "--root", str(root)).out
    assert "| 本期实际回款 | — |" in markdown and "| 本期实际付款 | ¥270,000.00 |" in markdown
    assert "| 可主张的逾期违约金 | ¥19,176.00 |" in markdown and "| 我方逾期违约金敞口 | $1,026.00 |" in markdown


def test_status_rows_say_who_owes_and_the_late_fee(run_cli, copy_portfolio) -> None:  # type: ignore[no-untyped-def]
    root: Path = copy_portfolio(REPO_ROOT)
    rows = json.loads(run_cli("status", "--format", "json", "--all", "--today", "2026-11-27", "--root", str(root)).out)["milestones"]
    by_ref = {f"{r['contract']}/{r['milestone']}": r for r in rows}
    assert (by_ref["C-2026-007/M4"]["by"], by_ref["C-2026-007/M4"]["direction"], by_ref["C-2026-007/M4"]["late_fee"]) == (
        "them",
        "receivable",
        "19176.00",
    )
    assert (by_ref["E-2026-008/M4"]["by"], by_ref["E-2026-008/M4"]["direction"], by_ref["E-2026-008/M4"]["late_fee"]) == (
        "us",
        "payable",
        "1026.00",
    )
    assert all(r["direction"] is None for r in rows if r["kind"] != "payment")
    assert all("late_fee" not in r for r in rows if r["contract"] not in ("C-2026-007", "E-2026-008"))


def test_late_fee_terms_are_checked(run_cli, copy_portfolio) -> None:  # type: ignore[no-untyped-def]
    root: Path = copy_portfolio(REPO_ROOT)
    path = root / "contracts" / "sales" / "C-2026-007.yaml"
    source = path.read_text(encoding="utf-8")
    path.write_text(source.replace("  late_fee:", "  late_interest: {rate_per_year: 3.65%}\n  late_fee:", 1), encoding="utf-8")
    both = json.loads(run_cli("validate", "--format", "json", "--root", str(root)).out)["findings"]
    assert [(f["code"], f["pointer"]) for f in both] == [("PW207", "/terms")]  # one of the two, not both (fast path: not)
    path.write_text(source.replace("rate_per_day: 0.05%", "rate_per_day: 5 percent", 1), encoding="utf-8")
    bad = json.loads(run_cli("validate", "--format", "json", "--root", str(root)).out)["findings"]
    assert [f["pointer"] for f in bad] == ["/terms/late_fee/rate_per_day"]
