"""The export's sheets -> .xlsx bytes (openpyxl) or UTF-8-with-BOM CSV bytes.

The workbook has real date cells, per-currency money formats, a frozen header
row and id column, autofilters, and conditional formatting: a milestone row is
red when it is open and due before the as-of date (KPIs!B2, named ``as_of``),
amber when it falls due within ``due_soon_days`` of it. Same input, same bytes:
document properties and zip entry times come from the as-of date.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, cast
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import Rule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from pactwatch.escape.spreadsheet import csv_text, set_text
from pactwatch.ledger.exporter import Ledger, value_word
from pactwatch.ledger.sheets import Kind, Sheet
from pactwatch.ledger.yaml_writer import amount

DATE_FORMAT = "yyyy-mm-dd"
FORMATS: dict[Kind, str] = {"date": DATE_FORMAT, "int": "0", "number": "0.0", "percent": "0%"}
MONEY_FORMATS = {
    "CNY": '"¥"#,##0.00',
    "JPY": '"¥"#,##0',
    "USD": '"$"#,##0.00',
    "EUR": '"€"#,##0.00',
    "GBP": '"£"#,##0.00',
    "HKD": '"HK$"#,##0.00',
}
RED = (PatternFill(start_color="FFC7CE", end_color="FFC7CE", fill_type="solid"), Font(color="9C0006"))
AMBER = (PatternFill(start_color="FFEB9C", end_color="FFEB9C", fill_type="solid"), Font(color="9C5700"))
HEADER_FILL = PatternFill(start_color="D9E1F2", end_color="D9E1F2", fill_type="solid")
WIDTH_SAMPLE = 300
SPARE_ROWS = 500  # colours also apply to rows a user adds below the export


def _rule(*, formula: list[str], fill: PatternFill, font: Font, stop: bool = False) -> Rule:
    """openpyxl's FormulaRule (untyped) with its differential style."""
    return Rule(type="expression", formula=formula, dxf=DifferentialStyle(fill=fill, font=font), stopIfTrue=stop)


def money_format(currency: str | None) -> str:
    return MONEY_FORMATS.get(currency or "", f'#,##0.00 "{currency}"' if currency else "#,##0.00")


def _width(value: Any) -> int:
    text = value.isoformat() if isinstance(value, date) else str(value if value is not None else "")
    longest = max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in text.split("\n")), default=0)
    return longest


def _fill(ws: Worksheet, sheet: Sheet) -> None:
    ws.append([c.header for c in sheet.columns])
    for cell in ws[1]:
        cell.font, cell.fill, cell.alignment = Font(bold=True), HEADER_FILL, Alignment(vertical="center")
    widths = [_width(c.header) for c in sheet.columns]
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(sheet.rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            kind = sheet.kind(r, c)
            cell = cast(Cell, ws.cell(row=r + 2, column=c + 1))  # a new sheet has no merged cells
            if isinstance(value, str):
                set_text(cell, value)  # user text: a string cell, never a formula (escape.spreadsheet)
            else:
                cell.value = value
            if kind == "wrap":
                cell.alignment = wrap
            elif kind == "money":
                cell.number_format = money_format(sheet.currencies[r])
            elif kind in FORMATS and not isinstance(value, str):
                cell.number_format = FORMATS[kind]
    for r, row in enumerate(sheet.rows[:WIDTH_SAMPLE]):  # widths from a sample: measuring every cell costs more than it shows
        for c, value in enumerate(row):
            widths[c] = max(widths[c], 12 if sheet.kind(r, c) in ("date", "money") else _width(value))
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 8), 48)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{len(sheet.rows) + 1}"


def _letter(sheet: Sheet, key: str) -> str | None:
    index = sheet.index(key)
    return get_column_letter(index + 1) if index is not None else None


def _milestone_colours(ws: Worksheet, ledger: Ledger) -> None:
    sheet = ledger.milestones
    due, done, status = (_letter(sheet, k) for k in ("due", "completed_on", "milestone_status"))
    if due is None or done is None or status is None:
        return
    waived, cancelled = value_word("waived", ledger.language), value_word("cancelled", ledger.language)
    is_open = f'${due}2<>"",${done}2="",${status}2<>"{waived}",${status}2<>"{cancelled}"'
    area = f"A2:{get_column_letter(len(sheet.columns))}{len(sheet.rows) + 1 + SPARE_ROWS}"
    overdue = _rule(formula=[f"AND({is_open},${due}2<as_of)"], fill=RED[0], font=RED[1], stop=True)
    soon = _rule(formula=[f"AND({is_open},${due}2>=as_of,${due}2<=as_of+{ledger.due_soon_days})"], fill=AMBER[0], font=AMBER[1])
    ws.conditional_formatting.add(area, overdue)
    ws.conditional_formatting.add(area, soon)


def _contract_colours(ws: Worksheet, ledger: Ledger) -> None:
    sheet = ledger.contracts
    health = _letter(sheet, "health")
    if health is None or not sheet.rows:  # no contracts: no rows to colour (A2:X1 is not a range)
        return
    area = f"A2:{get_column_letter(len(sheet.columns))}{len(sheet.rows) + 1}"
    for key, (fill, font) in (("overdue", RED), ("at_risk", AMBER)):
        shown = value_word(key, ledger.language)
        ws.conditional_formatting.add(area, _rule(formula=[f'${health}2="{shown}"'], fill=fill, font=font))


def _restamp(data: bytes, stamp: tuple[int, int, int, int, int, int]) -> bytes:
    """The same zip with every entry dated ``stamp``, so equal workbooks are equal bytes."""
    out = io.BytesIO()
    with ZipFile(io.BytesIO(data)) as source, ZipFile(out, "w", ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = ZipInfo(item.filename, date_time=stamp)
            info.compress_type = ZIP_DEFLATED
            target.writestr(info, source.read(item))
    return out.getvalue()


def render_xlsx(ledger: Ledger) -> bytes:
    book = Workbook()
    sheets = (ledger.contracts, ledger.milestones, ledger.kpis)
    first = book.active
    assert isinstance(first, Worksheet)
    worksheets = [first] + [book.create_sheet() for _ in sheets[1:]]
    for ws, sheet in zip(worksheets, sheets, strict=True):
        ws.title = sheet.name
        _fill(ws, sheet)
    _contract_colours(worksheets[0], ledger)
    _milestone_colours(worksheets[1], ledger)
    book.defined_names["as_of"] = DefinedName("as_of", attr_text=f"'{ledger.kpis.name}'!$B$2")
    stamp = datetime.combine(max(ledger.as_of, date(1980, 1, 1)), time())
    book.properties.creator = "pactwatch"
    book.properties.created = book.properties.modified = stamp
    buffer = io.BytesIO()
    ExcelWriter(book, ZipFile(buffer, "w", ZIP_DEFLATED)).save()  # not save_workbook, which stamps the clock
    return _restamp(buffer.getvalue(), (stamp.year, stamp.month, stamp.day, 0, 0, 0))


def _text(value: Any, kind: Kind) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return amount(value)
    if kind == "percent" and isinstance(value, float):
        return f"{value:.0%}"
    return str(value)


def render_csv(sheet: Sheet) -> bytes:
    """UTF-8 with a byte-order mark (so Excel on a Chinese Windows opens it right), CRLF line ends.

    Text from contracts that a spreadsheet would run as a formula gets a ``'`` in front (escape.spreadsheet).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.header for c in sheet.columns])
    for r, row in enumerate(sheet.rows):
        writer.writerow([csv_text(value) if isinstance(value, str) else _text(value, sheet.kind(r, c)) for c, value in enumerate(row)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
