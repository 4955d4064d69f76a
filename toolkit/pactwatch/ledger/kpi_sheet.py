"""The KPIs sheet: this month and the year to date, as of the export's day. Pure.

Cell B2 holds the as-of date; the milestones sheet's colours are computed
against it (the workbook names it ``as_of``), so a user who types =TODAY()
there turns the export into a live weekly ledger.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from pactwatch.catalogue import text
from pactwatch.catalogue import word as catalogue_word
from pactwatch.engine import Evaluation, kpis
from pactwatch.engine.records import HEALTHS, ContractView
from pactwatch.ledger.sheets import Column, Kind, Sheet
from pactwatch.parties import DIRECTIONS

Row = tuple[str, Any, Any, str | None, Kind]


def _t(key: str, language: str) -> str:
    return catalogue_word(f"ledger.kpi.{key}", language)


def _counts(month: kpis.Kpis, year: kpis.Kpis, language: str) -> list[Row]:
    rows: list[Row] = []
    for key, attr in (
        ("due", "due"),
        ("on_time", "done_on_time"),
        ("late", "done_late"),
        ("overdue", "overdue"),
        ("overdue_now", "overdue_now"),
    ):
        rows.append((_t(key, language), getattr(month, attr), getattr(year, attr), None, "int"))
    rows.append((_t("on_time_rate", language), month.on_time_rate, year.on_time_rate, None, "percent"))
    rows.append((_t("average_late", language), month.average_days_late, year.average_days_late, None, "number"))
    return rows


def _money(month: kpis.Kpis, year: kpis.Kpis, language: str) -> list[Row]:
    """Receivables (collected, 回款) and payables (paid, 付款) apart: a payable is never counted as collected."""
    rows: list[Row] = []
    for flow in DIRECTIONS:
        m, y = month.flow(flow), year.flow(flow)
        settled = catalogue_word("site.collected" if flow == "receivable" else "money.paid", language)
        for c in sorted({*y.planned, *y.settled, *y.overdue_amount, *m.planned}):
            rows.append(
                (catalogue_word(f"money.{flow}.due", language), m.planned.get(c, Decimal(0)), y.planned.get(c, Decimal(0)), c, "money")
            )
            rows.append((settled, m.settled.get(c, Decimal(0)), y.settled.get(c, Decimal(0)), c, "money"))
            rows.append(
                (catalogue_word(f"money.{flow}.rate", language), m.settlement_rate().get(c), y.settlement_rate().get(c), c, "percent")
            )
            overdue = y.overdue_amount.get(c, Decimal(0))
            rows.append((catalogue_word(f"money.{flow}.overdue", language), overdue, overdue, c, "money"))
            fees = (m.late_fees.get(c, Decimal(0)), y.late_fees.get(c, Decimal(0)))
            rows.append((catalogue_word(f"money.{flow}.late_fees", language), *fees, c, "money"))
        for name, _, _ in kpis.AGING_BUCKETS:
            label = text(f"money.{flow}.aged", language, bucket=name)
            rows.append((label, y.aging_count[name], y.aging_count[name], None, "int"))
            for c, amount in sorted(y.aging_amount[name].items()):
                rows.append((label, amount, amount, c, "money"))
    return rows


def kpi_sheet(ev: Evaluation, views: Sequence[ContractView], name: str, language: str, public: bool) -> Sheet:
    today = ev.today
    month_start, month_end = kpis.period_bounds(today, "month")
    month = kpis.compute(views, month_start, month_end, today)
    year = kpis.compute(views, date(today.year, 1, 1), today, today)
    rows: list[Row] = [
        (_t("as_of", language), today, today, None, "date"),
        (_t("period", language), f"{month_start} ~ {month_end}", f"{date(today.year, 1, 1)} ~ {today}", None, "text"),
        (_t("contracts", language), len(views), len(views), None, "int"),
    ]
    for health in HEALTHS:
        count = sum(v.health == health for v in views)
        if count:
            label = text("ledger.kpi.health", language, health=catalogue_word(f"value.{health}", language))
            rows.append((label, count, count, None, "int"))
    rows += _counts(month, year, language)
    if not public:
        rows += _money(month, year, language)
    columns = tuple(Column(key, _t(key, language), "text") for key in ("indicator", "month", "year", "currency"))
    return Sheet(name, columns, tuple(r[:4] for r in rows), tuple(r[3] for r in rows), tuple(r[4] for r in rows))
