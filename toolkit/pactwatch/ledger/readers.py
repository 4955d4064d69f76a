"""Read a ledger file into tables of raw cell values: .xlsx via openpyxl, .csv in whatever encoding Excel used.

CSV encodings, tried in order: a byte-order mark (UTF-8 or UTF-16, what Excel's
"CSV UTF-8" and "Unicode text" write), then strict UTF-8, then GB18030 (what
Excel on a Chinese Windows saves as plain "CSV"; a superset of GBK and GB2312).
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

from pactwatch.errors import PactwatchError, UsageError
from pactwatch.escape.spreadsheet import from_csv
from pactwatch.ledger.values import CellValue

MAX_ROWS = 200_000


@dataclass(frozen=True, slots=True)
class Table:
    """One sheet (or one CSV file): rows of raw cell values, row 1 first."""

    name: str
    rows: tuple[tuple[CellValue, ...], ...]
    csv: bool = False
    encoding: str | None = None


def decode(raw: bytes) -> tuple[str, str]:
    """Text and the name of the encoding it was in; PactwatchError if it is none we know."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise PactwatchError(f"the file starts like {encoding} but is not valid {encoding} at byte {exc.start}") from None
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise PactwatchError("the CSV file is neither UTF-8 nor GB18030/GBK text; save it from Excel as 'CSV UTF-8'")


def _delimiter(text: str) -> str:
    sample = [line for line in text.splitlines()[:20] if line.strip()]
    counts = {d: sum(line.count(d) for line in sample) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _trim(row: Sequence[CellValue]) -> tuple[CellValue, ...]:
    end = len(row)
    while end and (row[end - 1] is None or row[end - 1] == ""):
        end -= 1
    return tuple(row[:end])


def read_csv(name: str, raw: bytes) -> Table:
    text, encoding = decode(raw)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[tuple[CellValue, ...]] = []
    try:
        for row in reader:
            rows.append(_trim([from_csv(cell) if cell.strip() else None for cell in row]))  # export's ' taken away
            if len(rows) > MAX_ROWS:
                raise PactwatchError(f"more than {MAX_ROWS:,} rows")
    except csv.Error as exc:
        raise PactwatchError(f"CSV cannot be read at line {reader.line_num}: {exc}") from None
    return Table(name, tuple(rows), csv=True, encoding=encoding)


def _cell(value: object) -> CellValue:
    """openpyxl's value as one we parse: rich text and odd numbers as text, formulas without a cached value as empty."""
    if value is None or isinstance(value, bool | int | float | date | time):
        return value
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, Decimal | timedelta):
        return str(value)
    text = str(value)  # CellRichText and friends
    return None if not text.strip() or text.startswith("=") else text


def read_xlsx(path: Path, sheets: Sequence[str] = ()) -> list[Table]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():  # openpyxl warns about extensions it ignores (data validation, ...)
            warnings.simplefilter("ignore")
            book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise PactwatchError(f"{path.name} cannot be opened as an Excel workbook ({type(exc).__name__}); save it as .xlsx") from None
    try:
        names = list(book.sheetnames)
        unknown = [s for s in sheets if s not in names]
        if unknown:
            raise UsageError(f"{path.name} has no sheet {', '.join(map(repr, unknown))}; its sheets are {', '.join(names)}")
        tables = []
        for name in sheets or names:
            rows = []
            for row in book[name].iter_rows(values_only=True):
                rows.append(_trim([_cell(c) for c in row]))
                if len(rows) > MAX_ROWS:
                    raise PactwatchError(f"{path.name} sheet {name} has more than {MAX_ROWS:,} rows")
            tables.append(Table(name, tuple(rows)))
        return tables
    finally:
        book.close()


def read_ledger(path: Path, sheets: Sequence[str] = ()) -> list[Table]:
    """The tables of an .xlsx workbook (all sheets, or the named ones) or of a .csv file."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise UsageError(f"{path.name} is an old .xls workbook; open it in Excel or WPS and save it as .xlsx")
    if suffix in (".csv", ".txt", ".tsv"):
        if sheets:
            raise UsageError("--sheet applies to .xlsx workbooks; a CSV file has one table")
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise PactwatchError(f"cannot read {path}: {exc.strerror}") from None
        try:
            return [read_csv(path.name, raw)]
        except PactwatchError as exc:
            raise PactwatchError(f"{path.name}: {exc}") from None
    if suffix in (".xlsx", ".xlsm"):
        if not path.is_file():
            raise PactwatchError(f"cannot read {path}: no such file")
        return read_xlsx(path, sheets)
    raise UsageError(f"{path.name}: a ledger is an .xlsx workbook or a .csv file")
