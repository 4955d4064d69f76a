"""Sheets of typed cells: what export builds and the .xlsx and .csv writers render."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["text", "date", "money", "int", "number", "percent", "wrap"]


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    kind: Kind


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    currencies: tuple[str | None, ...]  # per row: the currency its money cells are in
    row_kinds: tuple[Kind, ...] = ()  # per row, overriding the kind of every column but the first (the KPI sheet)

    def index(self, key: str) -> int | None:
        return next((i for i, c in enumerate(self.columns) if c.key == key), None)

    def kind(self, row: int, column: int) -> Kind:
        if self.row_kinds and column > 0:
            return self.row_kinds[row]
        return self.columns[column].kind
