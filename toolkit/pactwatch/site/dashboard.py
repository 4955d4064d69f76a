"""The dashboard (/): health counts, KPI tiles, payments chart, overdue and due-soon lists, risks, feeds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from jinja2 import Environment

from pactwatch import links
from pactwatch.catalogue import text
from pactwatch.engine import kpis
from pactwatch.engine.records import HEALTHS, Occurrence
from pactwatch.i18n import format_share, word
from pactwatch.ical.feeds import ALL_FEED
from pactwatch.parties import DIRECTIONS, Direction, direction
from pactwatch.site import charts
from pactwatch.site.common import Page, feed_context, render_page, risk_items, rows
from pactwatch.site.context import Site

PATH = "index.md"
LIST_LIMIT = 25
RISK_LIMIT = 20
MONTHS_BACK = 6
MONTHS_AHEAD = 6


def month_starts(today: date, back: int, ahead: int) -> list[date]:
    first = today.replace(day=1)
    index = first.year * 12 + first.month - 1
    return [date((i) // 12, i % 12 + 1, 1) for i in range(index - back, index + ahead + 1)]


def month_label(day: date, language: str) -> str:
    """3月 / Mar: a month on a chart axis."""
    return text(f"site.month.{day.month}", language)


def payments_by_month(site: Site, months: Sequence[date], flow: Direction) -> dict[str, tuple[list[Decimal], list[Decimal]]]:
    """currency -> (planned per month, settled per month): receivables or payables due / completed in each month."""
    index = {(m.year, m.month): i for i, m in enumerate(months)}
    out: dict[str, tuple[list[Decimal], list[Decimal]]] = {}
    for o in site.ev.occurrences:
        if direction(o.milestone) != flow or o.amount is None or o.state in ("waived", "cancelled"):
            continue
        planned, collected = out.setdefault(o.currency, ([Decimal(0)] * len(months), [Decimal(0)] * len(months)))
        due = index.get((o.due.year, o.due.month))
        if due is not None:
            planned[due] += o.amount
        if o.completed_on is not None:
            done = index.get((o.completed_on.year, o.completed_on.month))
            if done is not None:
                collected[done] += o.amount
    main = site.settings.currency
    return dict(sorted(out.items(), key=lambda item: (item[0] != main, item[0])))


def payment_charts(site: Site, months: Sequence[date]) -> list[dict[str, Any]]:
    if site.public:
        return []
    lang = site.language
    labels = [month_label(m, lang) for m in months]
    current = next(i for i, m in enumerate(months) if (m.year, m.month) == (site.today.year, site.today.month))
    out = []
    for flow in DIRECTIONS:
        for currency, (planned, settled) in list(payments_by_month(site, months, flow).items())[:3]:
            out.append(_payment_chart(site, labels, current, flow, currency, planned, settled))
    return out


def _payment_chart(
    site: Site, labels: list[str], current: int, flow: Direction, currency: str, planned: list[Decimal], settled: list[Decimal]
) -> dict[str, Any]:
    """One currency of receivables (planned / collected) or payables (planned / paid), month by month."""
    lang = site.language
    settled_word = text("site.collected" if flow == "receivable" else "money.paid", lang)
    series = [
        charts.Series(text("site.planned", lang), "planned", [float(v) for v in planned]),
        charts.Series(settled_word, "collected", [float(v) if i <= current else None for i, v in enumerate(settled)]),
    ]
    chart = charts.bar_chart(
        labels,
        series,
        lambda v: charts.compact_number(v, lang),
        title=text(f"money.{flow}.chart_of", lang, currency=currency),
        language=lang,
        tooltip=_money_tip(site, currency),
        highlight=current,
    )
    heading = text(f"money.{flow}.chart", lang)
    return {"currency": currency, "direction": flow, "heading": heading, "chart": chart, "legend": charts.legend(series)}


def _money_tip(site: Site, currency: str) -> Callable[[float], str]:
    def tip(value: float) -> str:
        return site.money(Decimal(str(round(value, 2))), currency)

    return tip


def health_parts(site: Site, root: str) -> list[charts.Part]:
    counts = Counter(v.health for v in site.views)
    return [
        charts.Part(word(h, site.language), f"h-{h}", counts[h], f"{root}{links.section('contracts')}?health={h}")
        for h in HEALTHS
        if counts[h]
    ]


def kpi_tiles(site: Site) -> list[tuple[str, str, str]]:
    lang = site.language
    start, end = kpis.period_bounds(site.today, "month")
    k = kpis.compute(site.views, start, end, site.today)
    tiles = [
        (text("site.on_time_this_month", lang), format_share(k.on_time_rate), f"{k.done_on_time}/{k.due}"),
        (text("site.overdue_now", lang), str(k.overdue_now), site.money_map(k.overdue_amount) if k.overdue_amount else ""),
    ]
    if not site.public:
        for flow, label in (("receivable", "site.collected_this_month"), ("payable", "money.paid_this_month")):
            f = k.flow(flow)
            rate = f.settlement_rate().get(site.settings.currency)
            tiles.append((text(label, lang), site.money_map(f.settled) if f.settled else "—", format_share(rate)))
    if k.next_notice_days is not None:
        tiles.append((text("site.next_notice", lang), text("site.in_days", lang, count=k.next_notice_days), ""))
    if k.renewing_value and not site.public:
        tiles.append((text("site.renewing_90", lang), site.money_map(k.renewing_value), ""))
    return tiles


def _overdue(site: Site) -> list[Occurrence]:
    return sorted((o for o in site.ev.occurrences if o.state == "overdue"), key=lambda o: (-o.days_late, o.contract.id, o.key))


def _due_soon(site: Site) -> list[Occurrence]:
    horizon = site.today + timedelta(days=30)
    return [o for o in site.ev.occurrences if o.state in ("due_soon", "upcoming") and o.due <= horizon]


def pages(env: Environment, site: Site) -> Iterator[Page]:
    lang = site.language
    root = ""
    overdue, soon = _overdue(site), _due_soon(site)
    order = {"high": 0, "medium": 1, "low": 2}
    risks = sorted(site.ev.risks, key=lambda r: order[r.severity])
    yield render_page(
        env,
        site,
        PATH,
        "pages/dashboard.html",
        text("site.nav.dashboard", lang),
        today=site.date(site.today),
        contracts=len(site.views),
        health=charts.stacked_bar(health_parts(site, root)),
        health_parts=health_parts(site, root),
        tiles=kpi_tiles(site),
        payments=payment_charts(site, month_starts(site.today, MONTHS_BACK, MONTHS_AHEAD)),
        overdue=rows(site, overdue[:LIST_LIMIT], root),
        overdue_total=len(overdue),
        soon=rows(site, soon[:LIST_LIMIT], root),
        soon_total=len(soon),
        risks=risk_items(site, risks[:RISK_LIMIT]),
        risks_total=len(risks),
        feed=feed_context(site, ALL_FEED, root),
        left_out=site.left_out[:LIST_LIMIT],
        left_out_total=len(site.left_out),
    )
