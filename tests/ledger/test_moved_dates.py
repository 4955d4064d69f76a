"""Calendar conventions and relative deadlines in the ledger: the effective date, what the contract writes, why it moved.

The example portfolio uses ``calendar: {country: CN}``: E-2026-009/M1 is written 2026-10-01 (National Day) with
``business_day: following`` and is due 2026-10-08; C-2026-001/M4 and P-2026-003/M4 are due 30 days after M3 (P's M3
is not complete: projected).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pactwatch.catalogue import text
from pactwatch.ledger import fields
from pactwatch.ledger.exporter import MILESTONE_COLUMNS
from pactwatch.ledger.headers import export_name
from pactwatch.ledger.values import ValueProblem
from tests.conftest import REPO_ROOT, CliResult
from tests.ledger.test_roundtrip import _contracts, _round_trip

Run = Callable[..., CliResult]
_MOVED_HEADERS = {"合同约定日期", "相对期限", "节假日规则", "日期说明"}


def _milestone_rows(path: Path) -> dict[str, dict[str, object]]:
    sheet = load_workbook(path).worksheets[1]
    values = list(sheet.iter_rows(values_only=True))
    rows = [dict(zip(values[0], row, strict=True)) for row in values[1:]]
    return {f"{r['合同编号']}/{r['节点编号']}": r for r in rows}


def test_the_holiday_shifted_and_relative_milestones_show_their_dates_and_why(run_cli: Run, copy_portfolio: Callable[[Path], Path]) -> None:
    example = copy_portfolio(REPO_ROOT)
    out = example.parent / "ledger.xlsx"
    assert run_cli("export", "--root", example, "-o", out).code == 0
    rows = _milestone_rows(out)
    shifted = rows["E-2026-009/M1"]
    assert shifted["计划日期"] == datetime(2026, 10, 8) and shifted["合同约定日期"] == datetime(2026, 10, 1)
    assert (
        shifted["节假日规则"] == text("ledger.business_day.following", "zh")
        and shifted["日期说明"] == "合同约定 2026-10-01，遇节假日顺延至 2026-10-08"
    )
    projected = rows["P-2026-003/M4"]
    assert projected["计划日期"] == datetime(2026, 12, 30) and projected["相对期限"] == "M3 完成后 30 日"
    assert projected["日期说明"] == "M3 完成后 30 日（预计：M3 尚未完成）"
    assert rows["C-2026-001/M4"]["日期说明"] == "M3 完成后 30 日"  # M3 is complete: a fixed date, not projected
    plain = rows["C-2026-001/M1"]
    assert all(plain[h] is None for h in _MOVED_HEADERS)


def test_english_csv_writes_the_rule_import_reads(run_cli: Run, copy_portfolio: Callable[[Path], Path]) -> None:
    example = copy_portfolio(REPO_ROOT)
    result = run_cli("export", "--root", example, "--language", "en", "-o", "-", "--format", "csv")
    assert result.code == 0, result.err
    rows = {f"{r['Contract No.']}/{r['Milestone id']}": r for r in csv.DictReader(io.StringIO(result.out.lstrip("\ufeff")))}
    assert rows["P-2026-003/M4"]["Due after"] == "30 days after M3"
    assert rows["P-2026-003/M4"]["Why this date"] == "30 days after M3 (projected: M3 is not complete yet)"
    assert rows["E-2026-009/M1"]["Why this date"] == "contract date 2026-10-01, moved to the next working day 2026-10-08"


def test_a_portfolio_whose_dates_never_move_exports_the_columns_it_always_had(run_cli: Run, write_portfolio: Callable[..., Path]) -> None:
    root = write_portfolio({
        "pactwatch.yml": "language: zh\n",
        "people.yaml": "people:\n  - {id: li.na, name: 李娜}\n",
        "contracts/C-1.yaml": "id: C-1\ntitle: 设备\ntype: sales\nstatus: active\nowner: li.na\ncounterparty: {name: ACME}\n"
        "milestones:\n  - {id: M1, title: 付款, kind: payment, due: 2026-10-01, owner: li.na}\n",
    })  # fmt: skip
    out = root.parent / "plain.xlsx"
    assert run_cli("export", "--root", root, "-o", out).code == 0
    headers = [c.value for c in load_workbook(out).worksheets[1][1]]
    assert headers[3:] == [_header(key) for key, _ in MILESTONE_COLUMNS]


def _header(key: str) -> str:
    from pactwatch.catalogue import word
    from pactwatch.ledger.headers import COMPUTED_COLUMNS, computed_id

    return word(computed_id(key), "zh") if key in COMPUTED_COLUMNS else export_name(key, "zh")  # type: ignore[arg-type]


_CALENDAR_PORTFOLIO = {
    "pactwatch.yml": "language: zh\ncalendar: {country: CN}\nbusiness_day: following\n",
    "people.yaml": "people:\n  - {id: li.na, name: 李娜}\n",
    "contracts/C-1.yaml": "id: C-1\ntitle: 设备\ntype: sales\nstatus: active\nowner: li.na\ncounterparty: {name: ACME}\n"
    "terms: {business_day: modified_following}\nmilestones:\n"
    "  - {id: M1, title: 月度服务费, kind: payment, due: 2026-10-01, owner: li.na, repeat: {every: 1 month, count: 3},"
    " business_day: preceding, completed: {2026-10-01: 2026-09-30}}\n"
    "  - {id: M2, title: 验收, kind: acceptance, due: 2026-09-20, owner: li.na}\n"
    "  - {id: M3, title: 尾款, kind: payment, due_after: {milestone: M2, working_days: 10}, owner: li.na}\n"
    "  - {id: M4, title: 质保金, kind: payment, due_after: {milestone: M3, days: 365}, owner: li.na}\n"
    "  - {id: M5, title: 月报, kind: report, due_after: {milestone: M1@2026-11-01, days: 5}, owner: li.na}\n",
}


@pytest.mark.parametrize("name", ["ledger.xlsx", "ledger.csv"])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_recurring_conventions_and_relative_chains_round_trip(
    run_cli: Run, write_portfolio: Callable[..., Path], tmp_path: Path, name: str, language: str
) -> None:
    source = write_portfolio(_CALENDAR_PORTFOLIO)
    target = write_portfolio({k: v for k, v in _CALENDAR_PORTFOLIO.items() if not k.startswith("contracts/")}, tmp_path / "target")
    _round_trip(run_cli, source, target, name, "--language", language)
    assert _contracts(target) == _contracts(source)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 days after M3", {"milestone": "M3", "days": 30}),
        ("10 working days after R1@2026-05-31", {"milestone": "R1@2026-05-31", "working_days": 10}),
        ("M3 完成后 30 日", {"milestone": "M3", "days": 30}),
        ("M3完成后10个工作日", {"milestone": "M3", "working_days": 10}),
        ("M3 完成后 30 天", {"milestone": "M3", "days": 30}),
    ],
)
def test_due_after_cells(text: str, expected: dict[str, object]) -> None:
    assert fields.due_after(text) == expected


@pytest.mark.parametrize("text", ["after M3", "30 days before M3", "30 days after M/3", "M3 完成后 三十 日"])
def test_due_after_cells_that_are_not_rules(text: str) -> None:
    with pytest.raises(ValueProblem):
        fields.due_after(text)


def test_business_day_cells() -> None:
    assert fields.business_day("Modified following") == "modified_following"
    with pytest.raises(ValueProblem, match="not a business-day convention"):
        fields.business_day("next")


def test_a_bad_rule_is_a_located_problem(run_cli: Run, write_portfolio: Callable[..., Path], workbook: Callable[..., Path]) -> None:
    root = write_portfolio({k: v for k, v in _CALENDAR_PORTFOLIO.items() if not k.startswith("contracts/")})
    ledger = workbook(
        {"合同": [["合同编号", "合同名称", "对方单位", "节点", "计划日期", "相对期限"], ["C-9", "设备", "ACME", "尾款", None, "M3 之后"]]}
    )
    result = run_cli("import", ledger, "--root", root)
    assert result.code != 0 and "F2" in result.err and text("ledger.problem.due_after", "zh", value="M3 之后") in result.err
    english = run_cli("import", ledger, "--root", root, "--lang", "en").err
    assert "F2" in english and "'M3 之后' is not a relative deadline" in english
