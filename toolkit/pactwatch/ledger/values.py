"""Cell values as real ledgers hold them -> dates, exact amounts, numbers, flags and lists.

Every parser takes a raw cell (text from a CSV, or what openpyxl gives: str,
int, float, bool, date, datetime) and returns a clean value or raises
``ValueProblem`` with a message a clerk understands and a hint.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from pactwatch.catalogue import msg
from pactwatch.ledger.problems import Said, shown

CellValue = str | int | float | bool | date | datetime | time | None

_EXCEL_EPOCH = date(1899, 12, 30)
MAX_AMOUNT = Decimal(10) ** 15  # a thousand trillion: beyond it a cell holds a typo, not a contract
_SERIAL_RANGE = (20000, 80000)  # 1954-10-03 .. 2119-01-10: numbers outside are not dates someone meant


class ValueProblem(ValueError):
    """A cell that cannot be read: what is wrong and what to write instead, worded in the report's language."""

    def __init__(self, message: Said, hint: Said | None = None) -> None:
        super().__init__(message.render("en"))  # for logs and tests; reports word it in their language
        self.message, self.hint = message, hint


def _problem(message_id: str, value: object, hint: Said | None = None) -> ValueProblem:
    """ValueProblem ``message_id`` about the user's ``value``."""
    return ValueProblem(msg(message_id, value=shown(value)), hint)


@dataclass(frozen=True, slots=True)
class Unit:
    """What a column header says about its amounts: 合同金额（万元） -> x10000 in CNY."""

    multiplier: Decimal = Decimal(1)
    currency: str | None = None


def clean_text(value: object) -> str:
    """Text of a cell with full-width forms folded (ＡＢＣ１２３ -> ABC123) and outer spaces removed."""
    text = value if isinstance(value, str) else str(value)
    return unicodedata.normalize("NFKC", text).replace("\u00a0", " ").strip()


def is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())  # str.strip knows 　 and NBSP


# ---------------------------------------------------------------- dates

_YMD = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_NAMED_DMY = re.compile(r"(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s,-]+(\d{4})")
_NAMED_MDY = re.compile(r"([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})")
_DATE_HINT = msg("ledger.hint.date")


def _make_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise _problem("ledger.problem.not_real_date", text, msg("ledger.hint.day_and_month")) from None


def _serial(number: float) -> date:
    if not math.isfinite(number) or number != int(number) or not _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]:
        raise ValueProblem(msg("ledger.problem.number_not_date", number=f"{number:g}"), _DATE_HINT)
    return _EXCEL_EPOCH + timedelta(days=int(number))


def parse_date(value: CellValue) -> date:
    """A calendar date from a date cell, an Excel serial number or date text (Chinese or ISO)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or value is None or isinstance(value, time):
        raise _problem("ledger.problem.not_date", value, _DATE_HINT)
    if isinstance(value, int | float):
        if isinstance(value, int) and 19000101 <= value <= 21001231:
            return _from_text(str(value))
        return _serial(value)
    return _from_text(clean_text(value))


def _from_text(text: str) -> date:
    lowered = text.lower()
    if match := _YMD.fullmatch(text):
        return _make_date(int(match[1]), int(match[2]), int(match[3]), text)
    if match := _COMPACT.fullmatch(text):
        return _make_date(int(match[1]), int(match[2]), int(match[3]), text)
    if (match := _NAMED_DMY.fullmatch(lowered)) and match[2] in _MONTHS:
        return _make_date(int(match[3]), _MONTHS[match[2]], int(match[1]), text)
    if (match := _NAMED_MDY.fullmatch(lowered)) and match[1] in _MONTHS:
        return _make_date(int(match[3]), _MONTHS[match[1]], int(match[2]), text)
    if _DMY.fullmatch(text):
        raise _problem("ledger.problem.ambiguous_date", text, msg("ledger.hint.year_first"))
    if text.isdigit() and len(text) == 5:
        return _serial(int(text))
    raise _problem("ledger.problem.not_date", text, _DATE_HINT)


# ---------------------------------------------------------------- amounts

_SYMBOLS: tuple[tuple[str, str | None], ...] = (
    # longest first; None: a marker shared by several currencies (¥ is CNY or JPY)
    ("人民币元", "CNY"),
    ("人民币", "CNY"),
    ("美元", "USD"),
    ("欧元", "EUR"),
    ("港币", "HKD"),
    ("港元", "HKD"),
    ("日元", "JPY"),
    ("英镑", "GBP"),
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("RMB", "CNY"),
    ("元", "CNY"),
    ("¥", None),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
)
_CODE = re.compile(r"^([A-Z]{3})|([A-Z]{3})$")
_MULTIPLIERS = {"亿": Decimal(100_000_000), "万": Decimal(10_000)}
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_AMOUNT_HINT = msg("ledger.hint.amount")


@dataclass(frozen=True, slots=True)
class Amount:
    amount: Decimal
    currency: str | None = None  # named in the cell itself
    yen_sign: bool = False  # ¥: CNY or JPY, whichever the currency column says


def parse_amount(value: CellValue, unit: Unit | None = None) -> Amount:
    """An exact, non-negative amount; the header's unit (万元, USD) applies when the cell names neither a currency nor 万/亿."""
    unit = unit or Unit()
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _problem("ledger.problem.not_amount", value, _AMOUNT_HINT)
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise _problem("ledger.problem.not_amount", value, _AMOUNT_HINT)
        return _checked(Decimal(repr(value)) * unit.multiplier, unit.currency, value)
    text = re.sub(r"\s+", "", clean_text(value))
    if text.startswith("(") and text.endswith(")"):
        raise _problem("ledger.problem.negative", value, msg("ledger.hint.refund_as_note"))
    currency, yen, text = _strip_currency(text)
    multiplier = Decimal(1)
    for word, factor in _MULTIPLIERS.items():
        if text.endswith(word):
            multiplier, text = factor, text[: -len(word)]
            break
    currency, yen, text = _strip_currency(text, currency, yen)
    if not _NUMBER.fullmatch(text):
        raise _problem("ledger.problem.not_amount", value, _AMOUNT_HINT)
    try:
        number = Decimal(text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise _problem("ledger.problem.not_amount", value, _AMOUNT_HINT) from None
    if multiplier == 1 and currency is None and not yen:  # a cell that names its own unit is read in it
        multiplier, currency = unit.multiplier, unit.currency
    return _checked(number * multiplier, currency, value, yen)


def _strip_currency(text: str, currency: str | None = None, yen: bool = False) -> tuple[str | None, bool, str]:
    changed = True
    while changed:
        changed = False
        for marker, code in _SYMBOLS:
            if text.startswith(marker) or text.endswith(marker):
                text = text.removeprefix(marker) if text.startswith(marker) else text.removesuffix(marker)
                changed, currency, yen = True, currency or code, yen or code is None
        if match := _CODE.search(text):
            code = match[1] or match[2]
            text, changed, currency = (text[3:] if match[1] else text[:-3]), True, currency or code
    return currency, yen, text


def _checked(amount: Decimal, currency: str | None, raw: object, yen: bool = False) -> Amount:
    if amount < 0:
        raise _problem("ledger.problem.negative", raw, msg("ledger.hint.never_negative"))
    if amount >= MAX_AMOUNT:
        raise _problem("ledger.problem.too_large", raw, msg("ledger.hint.unit"))
    return Amount(amount, currency, yen)


def unit_from_header(suffix: str) -> Unit | None:
    """The unit in a header's brackets: 元, 万元, 美元, USD, 万美元..."""
    text = clean_text(suffix).upper()
    if not text:
        return None
    multiplier = Decimal(1)
    if text.startswith(("万", "亿")):
        multiplier, text = _MULTIPLIERS[text[0]], text[1:]
    codes = {marker.upper(): code for marker, code in _SYMBOLS}
    if text in codes:
        return Unit(multiplier, codes[text])
    if re.fullmatch(r"[A-Z]{3}", text):
        return Unit(multiplier, text)
    return Unit(multiplier) if multiplier != 1 and not text else None


# ---------------------------------------------------------------- small values

_TRUE = frozenset({"是", "是的", "y", "yes", "true", "1", "✓", "√", "✔", "自动", "t"})
_FALSE = frozenset({"否", "不", "n", "no", "false", "0", "✗", "×", "✘", "f", "无"})


def parse_bool(value: CellValue) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = clean_text(value).lower() if isinstance(value, str) else ""
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _problem("ledger.problem.not_yes_no", value, msg("ledger.hint.yes_no"))


def parse_int(value: CellValue, unit_words: tuple[str, ...] = ()) -> int:
    """A whole number, optionally followed by a unit word (60天, 12个月, 30 days)."""
    if isinstance(value, bool):
        raise _problem("ledger.problem.not_whole_number", value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = clean_text(value) if isinstance(value, str) else ""
    for word in sorted(unit_words, key=len, reverse=True):
        if text.lower().endswith(word):
            text = text[: -len(word)].strip()
            break
    if re.fullmatch(r"\d+", text):
        return int(text)
    raise _problem("ledger.problem.not_whole_number", value)


_SEPARATORS = re.compile(r"[,，、;；\n]+")


def parse_list(value: CellValue) -> list[str]:
    """Items separated by commas, 、, semicolons or line breaks."""
    if isinstance(value, bool) or value is None:
        return []
    return [item for item in (clean_text(part) for part in _SEPARATORS.split(clean_text(value))) if item]


def parse_lines(value: CellValue) -> list[str]:
    """Non-empty lines of a multi-line cell."""
    if value is None:
        return []
    text = value if isinstance(value, str) else str(value)
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


def parse_text(value: CellValue) -> str:
    """A cell as one line of text, exactly as written (no folding: titles keep their full-width brackets).

    Line breaks inside a cell become spaces; numbers keep their integral form (2026, not 2026.0).
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    text = value if isinstance(value, str) else str(value)
    return " ".join(line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()).strip()
