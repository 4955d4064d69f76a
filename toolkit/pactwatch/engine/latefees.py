"""What lateness costs: the late fee or interest accrued on a payment, exactly.

amount × rate × days late after the grace days (``late_interest``: each day at rate / the days of its year,
365 or 366), at most ``cap`` × amount, rounded half-up to the currency's minor unit at the very end. The
sum is kept as a Fraction until then, so no intermediate rounding moves a cent. For a receivable it is
what we may claim; for a payable our exposure.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from pactwatch.engine.records import Occurrence
from pactwatch.i18n import minor_digits
from pactwatch.model import LateFee

_LATE_STATES = frozenset({"overdue", "done_late"})


def _year_share(first: date, last: date) -> Fraction:
    """The days first..last (inclusive), each as 1/365 or 1/366 of its own year."""
    total = Fraction(0)
    while first <= last:
        year_end = date(first.year, 12, 31)
        end = min(last, year_end)
        total += Fraction((end - first).days + 1, 366 if calendar.isleap(first.year) else 365)
        first = end + timedelta(days=1)
    return total


def _half_up(value: Fraction, places: int) -> Decimal:
    """``value`` (not negative) rounded half-up to ``places`` decimals, exactly."""
    scaled = value * 10**places
    rounded = (scaled.numerator * 2 + scaled.denominator) // (scaled.denominator * 2)
    return Decimal(rounded).scaleb(-places)


def accrue(amount: Decimal, currency: str, fee: LateFee, due: date, days_late: int) -> Decimal:
    """The late fee of ``amount`` due on ``due`` and ``days_late`` days late (0 within the grace days)."""
    charged = days_late - fee.grace_days
    if charged <= 0 or amount <= 0:
        return _half_up(Fraction(0), minor_digits(currency))
    rate = Fraction(fee.rate)
    if fee.per == "day":
        accrued = Fraction(amount) * rate * charged
    else:
        first = due + timedelta(days=fee.grace_days + 1)
        accrued = Fraction(amount) * rate * _year_share(first, due + timedelta(days=days_late))
    if fee.cap is not None:
        accrued = min(accrued, Fraction(amount) * Fraction(fee.cap))
    return _half_up(accrued, minor_digits(currency))


def late_fee(o: Occurrence) -> Decimal | None:
    """The fee accrued on a payment that is overdue (to today) or was paid late (to its payment); None when nothing is owed."""
    fee = o.contract.late_fee
    if fee is None or o.kind != "payment" or o.amount is None or o.state not in _LATE_STATES:
        return None
    accrued = accrue(o.amount, o.currency, fee, o.due, o.days_late)
    return accrued if accrued > 0 else None
