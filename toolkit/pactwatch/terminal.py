"""Plain-text tables for the terminal that line up with Chinese text (wide characters)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache

from pactwatch.escape.terminal import first_control, terminal_text

STATE_COLOURS = {
    "overdue": "\x1b[31m",
    "due_soon": "\x1b[33m",
    "upcoming": "\x1b[36m",
    "done": "\x1b[32m",
    "done_late": "\x1b[35m",
    "waived": "\x1b[2m",
    "cancelled": "\x1b[2m",
}
RESET = "\x1b[0m"


@cache
def _char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1


class _AsColumns(dict[int, str]):
    """A str.translate table, filled as characters are met, that turns each character into as many as it takes columns.

    ``len(text.translate(...))`` then measures text in C, several times faster
    than summing a Python function over its characters.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        columns = self[code] = ch * _char_width(ch)
        return columns


_AS_COLUMNS = _AsColumns()


class _Widths(dict[str, int]):
    """Widths of the non-ASCII texts measured so far: a status table repeats titles, states and amounts."""

    def __missing__(self, text: str) -> int:
        if len(self) > 200_000:  # a long-running process (serve) must not grow without bound
            self.clear()
        columns = self[text] = len(text.translate(_AS_COLUMNS))
        return columns


_WIDTHS = _Widths()


def _narrow(text: str) -> bool:
    """Whether every character takes one column: below U+0300 there is no wide or combining character (Latin, "·", "¥")."""
    return text.isascii() or max(text) < "\u0300"


def width(text: str) -> int:
    """Terminal columns taken by ``text``: CJK characters are two wide, combining marks none."""
    return len(text) if _narrow(text) else _WIDTHS[text]


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` columns, with an ellipsis when cut."""
    text = " ".join(text.split())
    if _narrow(text):
        return text if len(text) <= limit else text[: limit - 1] + "…"
    if width(text) <= limit:
        return text
    kept = (limit - 1) // 2  # these fit whatever they are: no character is wider than two columns
    used = width(text[:kept])
    for ch in text[kept:]:
        w = _char_width(ch)
        if used + w > limit - 1:
            break
        kept += 1
        used += w
    clipped = text[:kept] + "…"
    _WIDTHS[clipped] = used + 1  # the table measures it next
    return clipped


def pad(text: str, columns: int) -> str:
    return text + " " * max(columns - width(text), 0)


def _shown(column: tuple[str, ...]) -> tuple[str, ...]:
    """The cells as the terminal may show them (escape.terminal): checked in one pass, cleaned only when needed."""
    if first_control("".join(column)) is None:
        return column
    return tuple(map(terminal_text, column))


def table(rows: Sequence[Sequence[str]], colours: Sequence[str] | None = None) -> list[str]:
    """Rows aligned in columns; the optional colour wraps each whole row."""
    if not rows:
        return []
    columns = [_shown(column) for column in zip(*rows, strict=True) if any(column)]  # a column empty in every row takes no room
    if not columns:
        return [""] * len(rows) if not colours else [f"{colour}{RESET}" if colour else "" for colour in colours]
    padded = []
    for column in columns[:-1]:  # the last column needs no padding
        distinct = set(column)  # states, amounts and flags repeat down a column: each is measured and padded once
        if _narrow("".join(distinct)):  # one character, one column: measured and padded in C
            most = max(map(len, distinct))
            padding = {cell: cell.ljust(most) for cell in distinct}
        else:
            widths = {cell: width(cell) for cell in distinct}
            most = max(widths.values())
            padding = {cell: cell + " " * (most - used) for cell, used in widths.items()}
        padded.append(list(map(padding.__getitem__, column)))
    padded.append(list(columns[-1]))
    lines = [line.rstrip() for line in map("  ".join, zip(*padded, strict=True))]
    if colours:
        lines = [f"{colour}{line}{RESET}" if colour else line for colour, line in zip(colours, lines, strict=True)]
    return lines
