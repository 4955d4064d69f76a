"""The late fee's arithmetic (issue #14): exact decimals, grace days, the cap, half-up rounding to the currency's
minor unit, and late interest day by day over a leap year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pactwatch.engine.latefees import accrue
from pactwatch.model import LateFee

D = Decimal
PER_DAY = LateFee(D("0.0005"), "day")


@pytest.mark.parametrize(
    ("amount", "currency", "fee", "days", "expected"),
    [
        (D("408000.00"), "CNY", LateFee(D("0.0005"), "day", D("0.1")), 94, D("19176.00")),  # under the cap
        (D("408000.00"), "CNY", LateFee(D("0.0005"), "day", D("0.1")), 250, D("40800.00")),  # capped at 10%
        (D("1000"), "CNY", LateFee(D("0.0005"), "day", None, 5), 5, D("0.00")),  # within the grace days
        (D("1000"), "CNY", LateFee(D("0.0005"), "day", None, 5), 7, D("1.00")),  # only the 2 days after grace
        (D("10.01"), "CNY", PER_DAY, 1, D("0.01")),  # 0.005005 -> half-up to the cent
        (D("10.00"), "CNY", PER_DAY, 1, D("0.01")),  # exactly half a cent rounds up
        (D("9.99"), "CNY", PER_DAY, 1, D("0.00")),  # 0.004995 rounds down
        (D("1001"), "JPY", PER_DAY, 1, D("1")),  # no minor unit: 0.5005 yen -> 1
        (D("999"), "JPY", PER_DAY, 1, D("0")),
        (D("1000"), "KWD", PER_DAY, 1, D("0.500")),  # three decimals
        (D("123.45"), "USD", PER_DAY, 0, D("0.00")),  # not late
    ],
)
def test_late_fee_per_day(amount: Decimal, currency: str, fee: LateFee, days: int, expected: Decimal) -> None:
    accrued = accrue(amount, currency, fee, date(2026, 1, 1), days)
    assert accrued == expected and str(accrued) == str(expected)  # the exponent too: "0.00", "1", "0.500"


def test_late_interest_counts_each_day_in_its_own_year() -> None:
    fee = LateFee(D("0.0366"), "year")
    # 2028 is a leap year: a day there is 1/366 of the year's interest, a day in 2027 1/365
    assert accrue(D("366000"), "USD", fee, date(2028, 1, 1), 1) == D("36.60")
    assert accrue(D("365000"), "USD", LateFee(D("0.0365"), "year"), date(2027, 1, 1), 1) == D("36.50")
    across = accrue(D("1000000"), "CNY", LateFee(D("0.0365"), "year"), date(2027, 12, 30), 3)  # 12-31 (2027), 01-01, 01-02 (2028)
    assert across == D("100.00") + D("199.45")  # 1000000*0.0365/365 + 2*1000000*0.0365/366 = 100 + 199.4535...


def test_late_interest_grace_and_cap() -> None:
    fee = LateFee(D("0.0365"), "year", D("0.001"), 5)
    assert accrue(D("270000"), "USD", LateFee(D("0.0365"), "year", None, 5), date(2026, 10, 15), 43) == D("1026.00")
    assert accrue(D("270000"), "USD", fee, date(2026, 10, 15), 43) == D("270.00")  # capped at 0.1%
