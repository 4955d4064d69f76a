"""Plain-text tables for the terminal that line up with Chinese text (wide characters)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache

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


def width(text: str) -> int:
    """Terminal columns taken by ``text``: CJK characters are two wide, combining marks none."""
    return len(text) if text.isascii() else sum(map(_char_width, text))


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` columns, with an ellipsis when cut."""
    text = " ".join(text.split())
    if width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = _char_width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def pad(text: str, columns: int) -> str:
    return text + " " * max(columns - width(text), 0)


def table(rows: Sequence[Sequence[str]], colours: Sequence[str] | None = None) -> list[str]:
    """Rows aligned in columns; the optional colour wraps each whole row."""
    if not rows:
        return []
    cell_widths = [list(map(width, row)) for row in rows]  # measured once: CJK widths are the costly part
    widths = [max(column) for column in zip(*cell_widths, strict=True)]
    lines = []
    for index, row in enumerate(rows):
        line = "  ".join(
            cell + " " * (widths[i] - used) for i, (cell, used) in enumerate(zip(row, cell_widths[index], strict=True))
        ).rstrip()
        colour = colours[index] if colours else ""
        lines.append(f"{colour}{line}{RESET}" if colour else line)
    return lines
