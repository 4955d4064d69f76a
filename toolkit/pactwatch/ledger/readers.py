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
from typing import TYPE_CHECKING, BinaryIO
from xml.etree.ElementTree import ParseError

from pactwatch.catalogue import Fact, Msg, msg
from pactwatch.errors import PactwatchError, UsageError
from pactwatch.escape.spreadsheet import from_csv
from pactwatch.ledger import xlsx_guard
from pactwatch.ledger.values import CellValue

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

MAX_ROWS = 200_000


class Unreadable(PactwatchError):
    """The ledger cannot be read: a Msg worded by ``read_ledger`` in the run's language (exit 2 when ``usage``)."""

    def __init__(self, message: Msg, usage: bool = False) -> None:
        super().__init__(message.render("en"))
        self.message, self.usage = message, usage


def _unread(message_id: str, /, **facts: Fact) -> Unreadable:
    return Unreadable(msg(message_id, **facts))


@dataclass(frozen=True, slots=True)
class Table:
    """One sheet (or one CSV file): rows of raw cell values, row 1 first."""

    name: str
    rows: tuple[tuple[CellValue, ...], ...]
    csv: bool = False
    encoding: str | None = None


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """Text and the name of the encoding it was in; Unreadable if it is none we know."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise _unread("ledger.unreadable.bad_bom", file=name, encoding=encoding, byte=exc.start) from None
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise _unread("ledger.unreadable.encoding", file=name)


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
    text, encoding = decode(raw, name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[tuple[CellValue, ...]] = []
    try:
        for row in reader:
            rows.append(_trim([from_csv(cell) if cell.strip() else None for cell in row]))  # export's ' taken away
            if len(rows) > MAX_ROWS:
                raise _unread("ledger.unreadable.csv_rows", file=name, limit=MAX_ROWS)
    except csv.Error as exc:
        raise _unread("ledger.unreadable.csv", file=name, line=reader.line_num, reason=str(exc)) from None
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


def _unreadable(path: Path, exc: Exception) -> Unreadable:
    return _unread("ledger.unreadable.workbook", file=path.name, reason=type(exc).__name__)


def _refused(path: Path, exc: xlsx_guard.Refused) -> Unreadable:
    return _unread(exc.id, file=path.name, **exc.facts)


def _open(path: Path, handle: BinaryIO, archive: zipfile.ZipFile) -> Workbook:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        xlsx_guard.check_parts(archive)  # before openpyxl parses anything: no DTD, no part too large
        with warnings.catch_warnings():  # openpyxl warns about extensions it ignores (data validation, ...)
            warnings.simplefilter("ignore")
            return load_workbook(handle, read_only=True, data_only=True)  # our handle: closed even when openpyxl fails
    except xlsx_guard.Refused as exc:
        raise _refused(path, exc) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError, ParseError) as exc:
        raise _unreadable(path, exc) from None


def _read_sheet(path: Path, book: Workbook, archive: zipfile.ZipFile, name: str) -> Table:
    sheet = book[name]
    part = getattr(sheet, "_worksheet_path", "")  # openpyxl's name for the sheet's XML part (it has no public one)
    try:
        extent = xlsx_guard.measure(archive, part, name)
    except xlsx_guard.Refused as exc:
        raise _refused(path, exc) from None
    if extent.rows > MAX_ROWS:
        raise _unread("ledger.unreadable.sheet_rows", file=path.name, sheet=name, limit=MAX_ROWS)
    if not extent.rows:
        return Table(name, ())
    # exactly the extent with content: openpyxl would pad every row to the width the sheet claims
    cells = sheet.iter_rows(max_row=extent.rows, max_col=extent.columns, values_only=True)
    try:
        return Table(name, tuple(_trim([_cell(c) for c in row]) for row in cells))
    except (ParseError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise _unreadable(path, exc) from None


def read_xlsx(path: Path, sheets: Sequence[str] = ()) -> list[Table]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise _unread("ledger.unreadable.cannot_read", path=str(path), reason=exc.strerror or "") from None
    with handle:
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError) as exc:
            raise _unreadable(path, exc) from None
        with archive:
            return _read_book(path, handle, archive, sheets)


def _read_book(path: Path, handle: BinaryIO, archive: zipfile.ZipFile, sheets: Sequence[str]) -> list[Table]:
    book = _open(path, handle, archive)
    try:
        names = list(book.sheetnames)
        unknown = [s for s in sheets if s not in names]
        if unknown:
            said = msg("ledger.unreadable.no_sheet", file=path.name, unknown=", ".join(map(repr, unknown)), names=", ".join(names))
            raise Unreadable(said, usage=True)
        return [_read_sheet(path, book, archive, name) for name in sheets or names]
    finally:
        book.close()


def read_ledger(path: Path, sheets: Sequence[str], language: str) -> list[Table]:
    """The tables of an .xlsx workbook (all sheets, or the named ones) or of a .csv file; why not, in ``language``."""
    try:
        return _read_ledger(path, sheets)
    except Unreadable as exc:
        said = exc.message.render(language)
        raise UsageError(said) if exc.usage else PactwatchError(said) from None


def _read_ledger(path: Path, sheets: Sequence[str]) -> list[Table]:
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise Unreadable(msg("ledger.unreadable.xls", file=path.name), usage=True)
    if suffix in (".csv", ".txt", ".tsv"):
        if sheets:
            raise Unreadable(msg("ledger.unreadable.sheet_option"), usage=True)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise _unread("ledger.unreadable.cannot_read", path=str(path), reason=exc.strerror or "") from None
        return [read_csv(path.name, raw)]
    if suffix in (".xlsx", ".xlsm"):
        if not path.is_file():
            raise _unread("ledger.unreadable.no_file", path=str(path))
        return read_xlsx(path, sheets)
    raise Unreadable(msg("ledger.unreadable.kind", file=path.name), usage=True)
