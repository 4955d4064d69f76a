"""An .xlsx looked over before openpyxl reads it: no DTD in any part, and every sheet's real size within bounds.

A workbook is a zip of XML parts, and a ledger arrives from anywhere:

- A DTD lets XML expand entities ("billion laughs") or point at files (XXE). Python's expat refuses
  both, but with a traceback from deep inside openpyxl; no spreadsheet program writes a DTD, so a
  part declaring one is refused in one line before anything else is parsed (only each part's prolog
  is read for this).
- openpyxl pads every row to the sheet's width, so one cell in column XFD on 60,000 rows asks for a
  billion cells (4 GB). Each sheet read is scanned first, streaming in constant memory: the last
  column and row that hold something, at most MAX_COLUMNS columns with content, ROW_CELLS cells in a
  row and MAX_CELLS in the sheet. The reader then asks openpyxl for exactly that extent, so a
  ``<dimension>`` that lies cannot widen it.
- A part inflating past MAX_PART_BYTES is refused from its declared size (zipfile stops reading at
  that size and fails the CRC check if the data says otherwise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import IO
from xml.parsers import expat
from zipfile import BadZipFile, ZipFile

from openpyxl.utils.cell import column_index_from_string, get_column_letter

from pactwatch.catalogue import Fact
from pactwatch.errors import PactwatchError

MAX_COLUMNS = 1024  # columns with content (A to AMJ); real ledgers use a few dozen
ROW_CELLS = 16_384  # cell elements in one row, empty ones included: Excel's own limit (XFD)
MAX_CELLS = 10_000_000
MAX_PART_BYTES = 512 * 1024 * 1024
_CHUNK = 1 << 16
_XML_PART = (".xml", ".rels", ".vml")
_REF = re.compile(r"([A-Z]{1,3})(\d+)\Z")
_CONTENT = frozenset({"v", "is", "f"})


class Refused(PactwatchError):
    """The workbook is refused: a ``ledger.refused.*`` id and its facts (the part or the sheet and the limit); the
    reader adds the file and words it in the run's language."""

    def __init__(self, message_id: str, /, **facts: Fact) -> None:
        super().__init__(message_id)
        self.id, self.facts = message_id, facts


class _Stop(Exception):
    """Raised from an expat handler to stop parsing (the prolog is over, or a limit is hit: then a ``ledger.refused`` id and facts)."""

    def __init__(self, message_id: str = "", /, **facts: Fact) -> None:
        super().__init__(message_id)
        self.id, self.facts = message_id, facts


@dataclass(frozen=True, slots=True)
class Extent:
    """Where a sheet's content ends: the last row and column holding a value (0 when it has none)."""

    rows: int
    columns: int


def _column(letters: str) -> int:
    try:
        return column_index_from_string(letters)
    except ValueError:  # past XFD: past every limit
        return ROW_CELLS + 1


class _Dtd(Exception):
    pass


def _refuse_dtd(*_: object) -> None:
    raise _Dtd


def _parser() -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator=" ")  # names arrive as "namespace local"
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    return parser


def _feed(parser: expat.XMLParserType, stream: IO[bytes]) -> None:
    while chunk := stream.read(_CHUNK):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


def check_parts(archive: ZipFile) -> None:
    """Refused, naming the part, if any is too large or declares a DTD."""
    for info in archive.infolist():
        part = info.filename
        if info.file_size > MAX_PART_BYTES:
            raise Refused("ledger.refused.part_size", part=part, size=info.file_size, limit=MAX_PART_BYTES)
        if not info.filename.lower().endswith(_XML_PART):
            continue
        parser = _parser()

        def stop(*_: object) -> None:
            raise _Stop  # the root element: the prolog, where a DTD would be, is over

        parser.StartElementHandler = stop
        try:
            with archive.open(info) as stream:
                _feed(parser, stream)
        except _Stop:
            continue
        except _Dtd:
            raise Refused("ledger.refused.part_dtd", part=part) from None
        except expat.ExpatError as exc:
            raise Refused("ledger.refused.part_xml", part=part, reason=expat.ErrorString(exc.code) or "") from None
        except BadZipFile as exc:
            raise Refused("ledger.refused.part_damaged", part=part, reason=str(exc)) from None


class _Scan:
    """expat handlers counting a sheet's rows and cells and finding the last one with content."""

    def __init__(self) -> None:
        self.row = self.column = self.cells = self.row_cells = 0
        self.rows = self.columns = 0  # the last row and column with content

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        if local == "row":
            self.row = int(attrs["r"]) if attrs.get("r", "").isdigit() else self.row + 1
            self.column = self.row_cells = 0
        elif local == "c":
            self.cells, self.row_cells = self.cells + 1, self.row_cells + 1
            if self.row_cells > ROW_CELLS:
                raise _Stop("ledger.refused.row_cells", row=self.row, limit=ROW_CELLS)
            if self.cells > MAX_CELLS:
                raise _Stop("ledger.refused.cells", limit=MAX_CELLS)
            ref = _REF.match(attrs.get("r", ""))
            self.column = _column(ref.group(1)) if ref else self.column + 1
        elif local in _CONTENT and self.column:
            if self.column > MAX_COLUMNS:
                cell = f"{get_column_letter(self.column)}{self.row}"
                raise _Stop("ledger.refused.column", cell=cell, column=self.column, limit=MAX_COLUMNS, last=get_column_letter(MAX_COLUMNS))
            self.rows, self.columns = max(self.rows, self.row), max(self.columns, self.column)


def measure(archive: ZipFile, part: str, sheet: str) -> Extent:
    """The extent of the sheet stored in ``part``; Refused, naming the sheet and the limit it passes."""
    scan = _Scan()
    parser = _parser()
    parser.StartElementHandler = scan.start
    try:
        with archive.open(part) as stream:
            _feed(parser, stream)
    except _Dtd:
        raise Refused("ledger.refused.sheet_dtd", sheet=sheet) from None
    except _Stop as exc:
        raise Refused(exc.id, sheet=sheet, **exc.facts) from None
    except expat.ExpatError as exc:
        raise Refused("ledger.refused.sheet_xml", sheet=sheet, reason=expat.ErrorString(exc.code) or "") from None
    except KeyError:
        raise Refused("ledger.refused.sheet_part", sheet=sheet, part=part) from None
    except BadZipFile as exc:
        raise Refused("ledger.refused.sheet_damaged", sheet=sheet, reason=str(exc)) from None
    return Extent(scan.rows, scan.columns)
