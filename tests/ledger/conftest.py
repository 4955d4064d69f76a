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
