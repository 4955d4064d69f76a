"""Cell values as real ledgers hold them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.ledger.values import (
    Unit,
    ValueProblem,
    parse_amount,
    parse_bool,
    parse_date,
    parse_int,
    parse_list,
    parse_text,
    unit_from_header,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (datetime(2026, 1, 5, 0, 0), date(2026, 1, 5)),
        (date(2026, 1, 5), date(2026, 1, 5)),
        ("2026/1/5", date(2026, 1, 5)),
        ("2026-01-05", date(2026, 1, 5)),
        ("2026年1月5日", date(2026, 1, 5)),
        ("2026 年 01 月 05 日", date(2026, 1, 5)),
        ("2026.1.5", date(2026, 1, 5)),
        ("２０２６－０１－０５", date(2026, 1, 5)),  # full-width digits
        ("2026/1/5 0:00", date(2026, 1, 5)),
        ("2026-01-05 00:00:00", date(2026, 1, 5)),
        ("20260105", date(2026, 1, 5)),
        (20260105, date(2026, 1, 5)),
        (46027, date(2026, 1, 5)),  # an Excel serial number
        (46027.0, date(2026, 1, 5)),
        ("46027", date(2026, 1, 5)),
        ("5 Jan 2026", date(2026, 1, 5)),
        ("Jan 5, 2026", date(2026, 1, 5)),
        ("January 5 2026", date(2026, 1, 5)),
    ],
)
def test_dates(raw: object, expected: date) -> None:
    assert parse_date(raw) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("2026-02-30", "not a real date"),
        ("2026年2月30日", "not a real date"),
        ("05/01/2026", "ambiguous"),
        ("soon", "not a date"),
        (3.5, "not a date"),
        (12, "not a date"),  # too small to be a serial anyone meant
        (True, "not a date"),
    ],
)
def test_bad_dates(raw: object, message: str) -> None:
    with pytest.raises(ValueProblem, match=message):
        parse_date(raw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "amount", "currency"),
    [
        (1860000, Decimal(1860000), None),
        (642500.5, Decimal("642500.5"), None),
        ("¥1,200,000.00", Decimal("1200000.00"), None),
        ("￥1,200,000.00", Decimal("1200000.00"), None),
        ("120万", Decimal(1200000), None),
        ("1.5万元", Decimal("15000.0"), "CNY"),
        ("1,200,000元", Decimal(1200000), "CNY"),
        ("RMB 1,200,000", Decimal(1200000), "CNY"),
        ("人民币1200000元", Decimal(1200000), "CNY"),
        ("USD 48,000.00", Decimal("48000.00"), "USD"),
        ("48,000.00 USD", Decimal("48000.00"), "USD"),
        ("$48,000", Decimal(48000), "USD"),
        ("€ 9.99", Decimal("9.99"), "EUR"),
        ("3亿", Decimal(300000000), None),
        ("0", Decimal(0), None),
    ],
)
def test_amounts(raw: object, amount: Decimal, currency: str | None) -> None:
    parsed = parse_amount(raw)  # type: ignore[arg-type]
    assert parsed.amount == amount
    assert parsed.currency == currency


def test_yen_sign_is_cny_or_jpy() -> None:
    assert parse_amount("¥5").yen_sign
    assert not parse_amount("5元").yen_sign


def test_header_unit_applies_unless_the_cell_has_its_own() -> None:
    wan = Unit(Decimal(10000), "CNY")
    assert parse_amount(36, wan).amount == Decimal(360000)
    assert parse_amount("36", wan) == parse_amount(36, wan)
    assert parse_amount("36万", wan).amount == Decimal(360000)  # not 36 x 10^8
    assert parse_amount("USD 5", wan) == parse_amount("USD 5")  # a cell naming its own currency is read in it
    assert parse_amount("5元", wan).amount == Decimal(5)
    assert parse_amount(36, wan).currency == "CNY"


@pytest.mark.parametrize("raw", ["1,2", "12,34,567", "(1,000)", "-5", "abc", "1.2.3", "", float("nan"), True, None])
def test_bad_amounts(raw: object) -> None:
    with pytest.raises(ValueProblem):
        parse_amount(raw)  # type: ignore[arg-type]


@given(st.decimals(min_value=0, max_value=Decimal("9999999999.99"), places=2, allow_nan=False, allow_infinity=False))
def test_formatted_amounts_read_back_exactly(value: Decimal) -> None:
    for text in (f"¥{value:,.2f}", f"{value:,.2f}元", f"{value:.2f}", f"USD {value:,.2f}"):
        assert parse_amount(text).amount == value


@pytest.mark.parametrize(
    ("suffix", "unit"),
    [
        ("元", Unit(Decimal(1), "CNY")),
        ("万元", Unit(Decimal(10000), "CNY")),
        ("USD", Unit(Decimal(1), "USD")),
        ("万", Unit(Decimal(10000))),
        ("必填", None),
    ],
)
def test_header_units(suffix: str, unit: Unit | None) -> None:
    assert unit_from_header(suffix) == unit


def test_small_values() -> None:
    assert parse_bool("是") is True and parse_bool("否") is False and parse_bool("Yes") is True and parse_bool(False) is False
    assert parse_int("60天", ("天",)) == 60 and parse_int(12.0) == 12 and parse_int("12个月", ("个月",)) == 12
    assert parse_list("a、b，c; d\ne") == ["a", "b", "c", "d", "e"]
    assert parse_text(2026.0) == "2026"
    assert parse_text("  质保金（10%）  ") == "质保金（10%）"  # full-width brackets are kept
    with pytest.raises(ValueProblem):
        parse_bool("maybe")
    with pytest.raises(ValueProblem):
        parse_int("sixty")


def test_absurd_amounts_are_problems_not_crashes() -> None:
    with pytest.raises(ValueProblem, match="too large"):
        parse_amount(1e64)
    with pytest.raises(ValueProblem, match="too large"):
        parse_amount("99999999亿")
