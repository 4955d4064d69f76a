"""Problems found in a ledger: values with a sheet, row and column, never exceptions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

ProblemSeverity = Literal["error", "warning"]


def column_letter(column: int) -> str:
    """1 -> A, 27 -> AA (Excel's column names)."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class Cell:
    """Where a value came from: sheet (or CSV file), 1-based row and column, and the column's header."""

    sheet: str
    row: int
    column: int = 0  # 0: the row as a whole
    header: str = ""
    csv: bool = False

    @property
    def ref(self) -> str:
        """'付款节点!D5' for a workbook, 'D5' for a CSV file; the row alone when no column applies."""
        name = f"{column_letter(self.column)}{self.row}" if self.column else f"row {self.row}"
        return name if self.csv else f"{self.sheet}!{name}"

    def describe(self) -> str:
        return f"{self.ref} ({self.header})" if self.header else self.ref


@dataclass(frozen=True, slots=True)
class Problem:
    severity: ProblemSeverity
    message: str
    cell: Cell | None = None
    contract: str | None = None  # the contract it stops (or warns about), if known
    hint: str = ""

    @property
    def sort_key(self) -> tuple[str, str, int, int, str]:
        cell = self.cell
        return (self.contract or "", cell.sheet if cell else "", cell.row if cell else 0, cell.column if cell else 0, self.message)

    def text(self, file: str, *, hint: bool = True) -> str:
        where = f"{file}: {self.cell.describe()}" if self.cell else file
        contract = f" [{self.contract}]" if self.contract else ""
        shown = f"\n    hint: {self.hint}" if self.hint and hint else ""
        return f"{where}:{contract} {self.severity}: {self.message}{shown}"

    def as_json(self) -> dict[str, object]:
        cell = self.cell
        return {
            "severity": self.severity,
            "contract": self.contract,
            "sheet": cell.sheet if cell else None,
            "row": cell.row if cell else None,
            "column": column_letter(cell.column) if cell and cell.column else None,
            "header": cell.header if cell else None,
            "message": self.message,
            "hint": self.hint,
        }


def report_lines(problems: Iterable[Problem], file: str) -> list[str]:
    """The problems in order, one line each; a hint that several problems in a row share is said once, after them."""
    ordered = sorted(problems, key=lambda p: p.sort_key)
    lines = []
    for index, problem in enumerate(ordered):
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        lines.append(problem.text(file, hint=following is None or following.hint != problem.hint))
    return lines


def error(message: str, cell: Cell | None = None, hint: str = "", contract: str | None = None) -> Problem:
    return Problem("error", message, cell, contract, hint)


def warning(message: str, cell: Cell | None = None, hint: str = "", contract: str | None = None) -> Problem:
    return Problem("warning", message, cell, contract, hint)
