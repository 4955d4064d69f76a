"""Formula injection: contract text that looks like a formula stays text in the exported xlsx and CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import CliResult
from tests.ledger.conftest import HOSTILE

Run = Callable[..., CliResult]


def _export(run_cli: Run, root: Path, name: str) -> Path:
    out = root.parent / name
    result = run_cli("export", "--root", root, "-o", out)
    assert result.code == 0, result.err
    return out


def test_xlsx_holds_no_formula_and_every_hostile_text_as_a_string_cell(run_cli: Run, hostile_portfolio: Path) -> None:
    book = load_workbook(_export(run_cli, hostile_portfolio, "ledger.xlsx"))
    seen: dict[str, int] = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula: {cell.value!r}"
                assert cell.data_type != "e", f"{ws.title}!{cell.coordinate} is an error value: {cell.value!r}"
                if cell.value in HOSTILE.values():
                    assert isinstance(cell.value, str)
                    assert cell.data_type == "s"
                    assert cell.quotePrefix == cell.value.startswith(("=", "+", "-", "@"))
                    seen[cell.value] = seen.get(cell.value, 0) + 1
    assert set(seen) == set(HOSTILE.values())


def test_csv_quotes_every_cell_a_spreadsheet_would_run(run_cli: Run, hostile_portfolio: Path) -> None:
    raw = _export(run_cli, hostile_portfolio, "ledger.csv").read_bytes().decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(raw, newline="")) for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    for value in HOSTILE.values():
        written = "'" + value if value.startswith(("=", "+", "-", "@", "'")) else value
        assert written in cells, value
