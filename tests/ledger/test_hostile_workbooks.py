"""Workbooks built to hurt the reader (zipped by hand): each is refused in one line, quickly, in little memory."""

from __future__ import annotations

import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from pactwatch.catalogue import text
from pactwatch.errors import PactwatchError
from pactwatch.ledger import xlsx_guard
from pactwatch.ledger.readers import read_ledger
from tests.conftest import CliResult

Run = Callable[..., CliResult]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>"
)
XXE = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>合同编号</t></is></c><c r="B1" t="inlineStr"><is><t>合同名称</t></is></c></row>'


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _sheet(rows: str, prolog: str = "", dimension: str = "") -> str:
    ref = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{MAIN}">{ref}<sheetData>{rows}</sheetData></worksheet>'


def _build(path: Path, sheet: str, *, book_prolog: str = "", sheet_name: str = "台账") -> Path:
    """The smallest workbook openpyxl opens: content types, two relationship parts, the workbook and one sheet."""
    parts = {
        "[Content_Types].xml": f'<?xml version="1.0"?><Types xmlns="{PACKAGE}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{OFFICE}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{OFFICE}.worksheet+xml"/>'
        "</Types>",
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="{PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?>{book_prolog}<workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
        f'<sheets><sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="{PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def test_the_hand_built_workbook_reads(tmp_path: Path) -> None:
    rows = HEADER_ROW + f'<row r="2">{_inline("A2", "C-1")}{_inline("B2", "设备采购")}</row>'
    (table,) = read_ledger(_build(tmp_path / "plain.xlsx", _sheet(rows)), (), "en")
    assert table.rows == (("合同编号", "合同名称"), ("C-1", "设备采购"))


def test_a_cell_in_column_xfd_on_60000_rows_is_refused_without_padding_rows(tmp_path: Path, run_cli: Run) -> None:
    rows = HEADER_ROW + "".join(f'<row r="{r}">{_inline(f"XFD{r}", "x")}</row>' for r in range(2, 60_001))
    path = _build(tmp_path / "wide.xlsx", _sheet(rows, dimension="A1:XFD60000"))
    tracemalloc.start()
    try:
        with pytest.raises(PactwatchError) as caught:
            read_ledger(path, (), "en")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    message = str(caught.value)
    assert "wide.xlsx: sheet 台账: cell XFD2 holds a value in column 16,384" in message
    assert f"the first {xlsx_guard.MAX_COLUMNS:,} columns" in message
    assert peak < 50 * 1024 * 1024  # without the bound: rows padded to 16,384 columns, 4 GB
    result = run_cli("import", path, "--dry-run")
    assert result.code == 1 and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_a_dimension_that_claims_column_xfd_is_not_believed(tmp_path: Path) -> None:
    rows = HEADER_ROW + "".join(f'<row r="{r}">{_inline(f"A{r}", f"C-{r}")}</row>' for r in range(2, 2_001))
    (table,) = read_ledger(_build(tmp_path / "claims.xlsx", _sheet(rows, dimension="A1:XFD1048576")), (), "en")
    assert len(table.rows) == 2_000 and {len(row) for row in table.rows} <= {1, 2}


def test_empty_styled_cells_out_to_xfd_are_not_content(tmp_path: Path) -> None:
    rows = HEADER_ROW.replace("</row>", '<c r="XFD1" s="1"/></row>')
    (table,) = read_ledger(_build(tmp_path / "styled.xlsx", _sheet(rows)), (), "en")
    assert table.rows == (("合同编号", "合同名称"),)


def test_a_row_with_more_cells_than_excel_allows(tmp_path: Path) -> None:
    rows = '<row r="1">' + "<c/>" * (xlsx_guard.ROW_CELLS + 1) + "</row>"
    with pytest.raises(PactwatchError, match=r"^many\.xlsx: sheet 台账: row 1 has more than 16,384 cells"):
        read_ledger(_build(tmp_path / "many.xlsx", _sheet(rows)), (), "en")


HOSTILE = {
    "laughs-in-sheet": lambda p: _build(p, _sheet(f'<row r="1">{_inline("A1", "&j;")}</row>', LAUGHS)),
    "xxe-in-sheet": lambda p: _build(p, _sheet(f'<row r="1">{_inline("A1", "&e;")}</row>', XXE)),
    "laughs-in-workbook": lambda p: _build(p, _sheet(HEADER_ROW), book_prolog=LAUGHS.replace("lolz", "workbook"), sheet_name="&j;"),
    "xxe-in-workbook": lambda p: _build(p, _sheet(HEADER_ROW), book_prolog=XXE.replace(" x ", " workbook "), sheet_name="&e;"),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_entity_expansion_and_xxe_are_one_line_errors(tmp_path: Path, run_cli: Run, kind: str) -> None:
    path = HOSTILE[kind](tmp_path / f"{kind}.xlsx")
    part = "xl/worksheets/sheet1.xml" if "sheet" in kind else "xl/workbook.xml"
    result = run_cli("import", path, "--dry-run", "--lang", "en")
    assert result.code == 1, result.err
    assert "Traceback" not in result.err and "etc/passwd" not in result.out + result.err
    (line,) = result.err.strip().splitlines()
    assert f"{kind}.xlsx: part {part} declares a DTD" in line
    (said,) = run_cli("import", path, "--dry-run", "--lang", "zh").err.strip().splitlines()
    assert said == "pactwatch: " + text("ledger.refused.part_dtd", "zh", file=f"{kind}.xlsx", part=part)


def test_an_undeclared_entity_is_a_one_line_error(tmp_path: Path, run_cli: Run) -> None:
    path = _build(tmp_path / "entity.xlsx", _sheet(f'<row r="1">{_inline("A1", "&e;")}</row>'))
    result = run_cli("import", path, "--dry-run", "--lang", "en")
    assert result.code == 1 and "Traceback" not in result.err
    (line,) = result.err.strip().splitlines()
    assert "entity.xlsx cannot be opened as an Excel workbook (ParseError)" in line  # openpyxl reads the sheet's head on opening


def _declare_size(path: Path, part: str, size: int) -> None:
    """Rewrite the central directory so ``part`` claims to inflate to ``size`` bytes (what a zip bomb declares)."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    at = data.index(b"PK\x01\x02")  # central directory entries: name at 46, uncompressed size at 24
    while data[at + 46 : at + 46 + len(name)] != name:
        at = data.index(b"PK\x01\x02", at + 4)
    data[at + 24 : at + 28] = size.to_bytes(4, "little")
    path.write_bytes(bytes(data))


def test_a_part_that_claims_to_inflate_past_the_limit_is_not_opened(tmp_path: Path, run_cli: Run) -> None:
    path = _build(tmp_path / "bomb.xlsx", _sheet(HEADER_ROW))
    _declare_size(path, "xl/worksheets/sheet1.xml", xlsx_guard.MAX_PART_BYTES + 1)
    limit = f"{xlsx_guard.MAX_PART_BYTES:,}"
    with pytest.raises(
        PactwatchError, match=rf"^bomb\.xlsx: part xl/worksheets/sheet1\.xml inflates to [\d,]+ bytes; a ledger part may hold {limit}$"
    ):
        read_ledger(path, (), "en")
