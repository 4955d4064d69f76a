"""What building one contract collects: its problems and where each written value came from."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pactwatch.ledger.layouts import Located
from pactwatch.ledger.problems import Cell, Problem, Said
from pactwatch.ledger.values import CellValue, ValueProblem

T = TypeVar("T")


class Sink:
    def __init__(self, contract_id: str) -> None:
        self.contract_id = contract_id
        self.problems: list[Problem] = []
        self.origins: dict[str, Cell] = {}  # JSON pointer in the written contract -> ledger cell
        self.held = False  # stopped by something reported once for the whole ledger (a person not in people.yaml)

    @property
    def failed(self) -> bool:
        return self.held or any(p.severity == "error" for p in self.problems)

    def error(self, message: Said, cell: Cell | None, hint: Said | None = None) -> None:
        self.problems.append(Problem("error", message, cell, self.contract_id, hint))

    def warning(self, message: Said, cell: Cell | None, hint: Said | None = None) -> None:
        self.problems.append(Problem("warning", message, cell, self.contract_id, hint))

    def parse(self, located: Located | None, parser: Callable[[CellValue], T], pointer: str = "") -> T | None:
        """The parsed cell, or None (blank, or unreadable: then an error at the cell)."""
        if located is None:
            return None
        try:
            result = parser(located.value)
        except ValueProblem as exc:
            self.error(exc.message, located.cell, exc.hint)
            return None
        if pointer:
            self.origins[pointer] = located.cell
        return result
