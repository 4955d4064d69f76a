"""The exported workbook, opened with openpyxl: sheets, real dates, money formats, frozen header, filters, colours."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from pactwatch.catalogue import text, word
from pactwatch.engine import evaluate
from pactwatch.load.portfolio import load_portfolio
from tests.conftest import REPO_ROOT, TODAY, CliResult

Run = Callable[..., CliResult]


@pytest.fixture
def example(copy_portfolio: Callable[[Path], Path]) -> Path:
    return copy_portfolio(REPO_ROOT)


def _export(run_cli: Run, root: Path, name: str, *args: str) -> Path:
    out = root.parent / name
    result = run_cli("export", "--root", root, "-o", out, *args)
    assert result.code == 0, result.err
    return out


def _rows(ws: Worksheet) -> list[dict[str, object]]:
    values = list(ws.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def _cell(ws: Worksheet, header: str, row: int) -> object:
    headers = [c.value for c in ws[1]]
    return ws.cell(row=row, column=headers.index(header) + 1)


def test_sheets_formats_and_layout(run_cli: Run, example: Path) -> None:
    book = load_workbook(_export(run_cli, example, "ledger.xlsx"))
    assert book.sheetnames == [word(f"ledger.sheet.{s}", "zh") for s in ("contracts", "milestones", "kpis")]
    for ws in book.worksheets:
        assert ws.freeze_panes == "B2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(row=1, column=ws.max_column).column_letter}{ws.max_row}"
        assert all(cell.font.b for cell in ws[1])
    contracts, milestones, kpis = book.worksheets
    rows = _rows(contracts)
    assert [r["合同编号"] for r in rows] == sorted(r["合同编号"] for r in rows)
    first = next(i for i, r in enumerate(rows, start=2) if r["合同编号"] == "C-2026-001")
    value = _cell(contracts, "合同金额", first)
    assert (value.value, value.number_format) == (1200000, '"¥"#,##0.00')  # type: ignore[attr-defined]
    signed = _cell(contracts, "签订日期", first)
    assert (signed.value, signed.number_format) == (datetime(2026, 1, 10), "yyyy-mm-dd")  # type: ignore[attr-defined]
    assert _cell(contracts, "进度", first).number_format == "0%"  # type: ignore[attr-defined]
    assert rows[first - 2]["健康度"] == "正常" and rows[first - 2]["合同类型"] == "销售"
    usd = next(i for i, r in enumerate(rows, start=2) if r["合同币种"] == "USD")
    assert _cell(contracts, "合同金额", usd).number_format == '"$"#,##0.00'  # type: ignore[attr-defined]
    assert kpis["B2"].value == datetime(2026, 11, 27) and kpis["A2"].value == "截至"
    assert book.defined_names["as_of"].attr_text == "'指标'!$B$2"
    headers = [c.value for c in milestones[1]]
    assert headers[:6] == ["合同编号", "合同名称", "相对方", "节点编号", "节点", "节点类型"]
    assert {"计划日期", "节点金额", "节点状态", "完成日期", "履约状态", "逾期天数", "已回款"} <= set(headers)


def test_every_occurrence_is_a_row(run_cli: Run, example: Path) -> None:
    book = load_workbook(_export(run_cli, example, "ledger.xlsx"))
    rows = _rows(book.worksheets[1])
    ev = evaluate(load_portfolio(example, TODAY, use_cache=False).portfolio, TODAY)
    expected = sorted(
        (o.contract.id, o.milestone.id, datetime.combine(o.due, datetime.min.time()))
        for v in ev.contracts.values()
        for o in v.occurrences
        if not o.derived
    )
    assert sorted((r["合同编号"], r["节点编号"], r["计划日期"]) for r in rows) == expected
    service = [r for r in rows if r["合同编号"] == "S-2026-004" and r["节点编号"] == "R1"]
    assert len(service) == 11 and all(r["周期"] == "每 1 个月，至 2026-12-31" for r in service)
    late = [r for r in rows if r["履约状态"] == "逾期"]
    assert late and all(isinstance(r["逾期天数"], int) and r["逾期天数"] > 0 for r in late)
    paid = [r for r in rows if r["已回款"] is not None]
    assert paid and all(r["节点类型"] == "付款" and r["已回款"] == r["节点金额"] for r in paid)


def test_conditional_formatting_agrees_with_the_engine(run_cli: Run, example: Path) -> None:
    book = load_workbook(_export(run_cli, example, "ledger.xlsx"))
    ws = book.worksheets[1]
    ranges = list(ws.conditional_formatting)
    assert len(ranges) == 1 and str(ranges[0].sqref) == f"A2:{ws.cell(row=1, column=ws.max_column).column_letter}{ws.max_row + 500}"
    red, amber = ranges[0].rules
    assert red.dxf.fill.fgColor.rgb.endswith("FFC7CE") and amber.dxf.fill.fgColor.rgb.endswith("FFEB9C")
    assert "as_of" in red.formula[0] and "as_of+7" in amber.formula[0]
    # What the formulas say, evaluated here for every row, is what the engine said.
    as_of = datetime(2026, 11, 27)
    for row in _rows(ws):
        due = row["计划日期"]
        assert isinstance(due, datetime)
        is_open = row["完成日期"] is None and row["节点状态"] not in ("已豁免", "已取消")
        assert (is_open and due < as_of) == (row["履约状态"] == "逾期"), row
        assert (is_open and as_of <= due <= as_of + timedelta(days=7)) == (row["履约状态"] == "即将到期"), row
    contract_rules = next(iter(book.worksheets[0].conditional_formatting)).rules
    assert [r.formula[0].split("=")[1] for r in contract_rules] == ['"逾期"', '"有风险"']


def test_same_input_same_bytes(run_cli: Run, example: Path) -> None:
    assert _export(run_cli, example, "a.xlsx").read_bytes() == _export(run_cli, example, "b.xlsx").read_bytes()


def test_public_export(run_cli: Run, example: Path) -> None:
    book = load_workbook(_export(run_cli, example, "public.xlsx", "--public"))
    contracts, milestones, kpis = book.worksheets
    ids = [r["合同编号"] for r in _rows(contracts)]
    assert "N-2026-005" not in ids and "E-2026-008" not in ids and "C-2026-001" in ids
    for ws in (contracts, milestones):
        headers = {c.value for c in ws[1]}
        assert not headers & {"合同金额", "节点金额", "已回款", "累计回款", word("ledger.header.documents", "zh"), "关键条款", "补充协议"}
    assert all(cell.number_format != '"¥"#,##0.00' for row in kpis.iter_rows() for cell in row)


def test_english_and_csv(run_cli: Run, example: Path) -> None:
    book = load_workbook(_export(run_cli, example, "en.xlsx", "--language", "en"))
    assert book.sheetnames == ["Contracts", "Milestones", "KPIs"]
    assert [c.value for c in book.worksheets[0][1]][:3] == ["Contract No.", "Title", "Type"]
    raw = _export(run_cli, example, "ledger.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    first = next(r for r in rows if r["合同编号"] == "C-2026-001" and r["节点编号"] == "M1")
    assert (first["合同金额"], first["节点金额"], first["计划日期"], first["签订日期"]) == (
        "1200000.00",
        "360000.00",
        "2026-02-15",
        "2026-01-10",
    )
    no_milestones = [r for r in rows if not r["节点编号"]]
    assert all(r["合同编号"] for r in no_milestones)


def test_stdout_and_default_name(run_cli: Run, example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_cli("export", "--root", example, "--format", "csv", "-o", "-")
    assert result.code == 0 and result.out.startswith("\ufeff合同编号,")
    monkeypatch.chdir(example.parent)
    assert run_cli("export", "--root", example).code == 0
    assert (example.parent / f"ledger-{TODAY.isoformat()}.xlsx").is_file()
    bad = run_cli("export", "--root", example, "-o", example.parent / "x.csv", "--format", "xlsx")
    assert bad.code == 2 and "does not end in .xlsx" in bad.err


def test_refuses_an_invalid_portfolio(run_cli: Run, example: Path) -> None:
    (example / "contracts" / "broken.yaml").write_text("id: broken\n", encoding="utf-8")
    result = run_cli("export", "--root", example, "-o", example.parent / "x.xlsx")
    assert result.code == 1 and text("cli.count.data_errors", "zh", count=6) in result.err
    assert word("cli.refusal.export", "zh") in result.err
    assert not (example.parent / "x.xlsx").exists()


def test_kpis(run_cli: Run, example: Path) -> None:
    kpis = {
        row[0]: row[1:]
        for row in load_workbook(_export(run_cli, example, "ledger.xlsx")).worksheets[2].iter_rows(min_row=2, values_only=True)
    }
    assert kpis["合同数"][0] == 13
    assert kpis["期间"][0] == "2026-11-01 ~ 2026-11-30"
    assert isinstance(kpis["当前逾期"][0], int) and kpis["当前逾期"][0] > 0
    sheet = load_workbook(_export(run_cli, example, "ledger2.xlsx")).worksheets[2]
    rows = list(enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2))
    receivable = [(row[3], sheet.cell(row=n, column=2).number_format) for n, row in rows if row[0] == "计划回款"]
    payable = [(row[3], sheet.cell(row=n, column=2).number_format) for n, row in rows if row[0] == "计划付款"]
    # one row per currency and direction: never added together, and a payable is never collected (issue #14)
    assert receivable == [("CNY", '"¥"#,##0.00'), ("EUR", '"€"#,##0.00')]
    assert payable == [("CNY", '"¥"#,##0.00'), ("USD", '"$"#,##0.00')]
    assert {row[0] for _, row in rows} >= {"已回款", "已付款", "逾期应收", "逾期应付", "可主张的逾期违约金", "我方逾期违约金敞口"}
    assert date(2026, 11, 27) == kpis["截至"][0].date()  # type: ignore[union-attr]
