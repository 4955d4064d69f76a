"""Problems found in a ledger: values with a sheet, row and column, never exceptions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, NamedTuple

from pactwatch.catalogue import Msg, text, word

ProblemSeverity = Literal["error", "warning"]


class Choices(NamedTuple):
    """A hint listing the words of a closed choice (``ids``, catalogue ids), worded with them at output time."""

    id: str
    ids: tuple[str, ...]

    def render(self, language: str) -> str:
        return text(self.id, language, choices=word("notify.joiner", language).join(word(i, language) for i in self.ids))


Said = Msg | Choices  # what a problem says, put in words in the report's language


def _words(said: Said | str | None, language: str) -> str:
    return said.render(language) if isinstance(said, Msg | Choices) else said or ""


def shown(value: object) -> str:
    """A user's value as a fact: text with its line breaks and control characters escaped (repr without quotes)."""
    return repr(value)[1:-1] if isinstance(value, str) else str(value)


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
        """'付款节点!D5' for a workbook, 'D5' for a CSV file (the names spreadsheets use, in every language)."""
        return self.place("en")

    def place(self, language: str) -> str:
        """``ref``, or the row in words ("第 5 行", "row 5") when no column applies."""
        name = f"{column_letter(self.column)}{self.row}" if self.column else text("ledger.problem.row", language, row=self.row)
        return name if self.csv else f"{self.sheet}!{name}"

    def describe(self, language: str) -> str:
        ref = self.place(language)
        return text("ledger.problem.cell", language, ref=ref, header=self.header) if self.header else ref


@dataclass(frozen=True, slots=True)
class Problem:
    severity: ProblemSeverity
    message: Said | str  # str: a validator finding whose message is not in the catalogue yet (findings.Finding)
    cell: Cell | None = None
    contract: str | None = None  # the contract it stops (or warns about), if known
    hint: Said | str | None = None
    code: str = ""  # a validator finding's code (PW204), shown after its message

    @property
    def sort_key(self) -> tuple[str, str, int, int, str]:
        cell = self.cell
        sheet, row, column = (cell.sheet, cell.row, cell.column) if cell else ("", 0, 0)
        return (self.contract or "", sheet, row, column, self.message_text("en"))

    def message_text(self, language: str) -> str:
        said = _words(self.message, language)
        return f"{said} [{self.code}]" if self.code else said

    def hint_text(self, language: str) -> str:
        return _words(self.hint, language)

    def text(self, file: str, language: str, *, hint: bool = True) -> str:
        where = f"{file}: {self.cell.describe(language)}" if self.cell else file
        line = text(
            "ledger.problem.line_contract" if self.contract else "ledger.problem.line",
            language,
            where=where,
            contract=self.contract or "",
            severity=word(f"finding.severity.{self.severity}", language),
            message=self.message_text(language),
        )
        advice = self.hint_text(language)
        return f"{line}\n    {text('finding.hint', language, hint=advice)}" if advice and hint else line

    def as_json(self, language: str) -> dict[str, object]:
        cell = self.cell
        return {
            "severity": self.severity,
            "contract": self.contract,
            "sheet": cell.sheet if cell else None,
            "row": cell.row if cell else None,
            "column": column_letter(cell.column) if cell and cell.column else None,
            "header": cell.header if cell else None,
            "message": self.message_text(language),
            "hint": self.hint_text(language),
        }


def report_lines(problems: Iterable[Problem], file: str, language: str) -> list[str]:
    """The problems in order, one line each; a hint that several problems in a row share is said once, after them."""
    ordered = sorted(problems, key=lambda p: p.sort_key)
    lines = []
    for index, problem in enumerate(ordered):
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        lines.append(problem.text(file, language, hint=following is None or following.hint != problem.hint))
    return lines


def error(message: Said, cell: Cell | None = None, hint: Said | None = None, contract: str | None = None) -> Problem:
    return Problem("error", message, cell, contract, hint)


def warning(message: Said, cell: Cell | None = None, hint: Said | None = None, contract: str | None = None) -> Problem:
    return Problem("warning", message, cell, contract, hint)
