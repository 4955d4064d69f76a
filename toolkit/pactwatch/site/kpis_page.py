"""The KPIs page (/kpis/): this week and month, on-time rate by month, receivables aging, breakdowns."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from jinja2 import Environment

from pactwatch.catalogue import text
from pactwatch.engine import kpis
from pactwatch.i18n import format_share, word
from pactwatch.parties import DIRECTIONS
from pactwatch.site import charts
from pactwatch.site.common import Page, render_page
from pactwatch.site.context import Site
from pactwatch.site.dashboard import month_label, month_starts
from pactwatch.site.plan_history import trend_context

PATH = "kpis/index.md"
MONTHS = 12
TOP_COUNTERPARTIES = 25


def on_time_by_month(site: Site, months: list[date]) -> list[tuple[int, int]]:
    """(due, done on time) per month for milestones due up to today (one pass over the occurrences)."""
    index = {(m.year, m.month): i for i, m in enumerate(months)}
    counts = [[0, 0] for _ in months]
    for o in site.ev.occurrences:
        if o.derived or o.state in ("waived", "cancelled") or o.due > site.today:
            continue
        slot = index.get((o.due.year, o.due.month))
        if slot is not None:
            counts[slot][0] += 1
            counts[slot][1] += o.state == "done"
    return [(due, done) for due, done in counts]


def _period(site: Site, period: str) -> dict[str, Any]:
    start, end = kpis.period_bounds(site.today, period)
    k = kpis.compute(site.views, start, end, site.today)
    title = text(f"site.this_{period}", site.language)
    return {"title": title, "range": f"{site.date(start)} – {site.date(end)}", "k": k, **_figures(site, k)}


def _figures(site: Site, k: kpis.Kpis) -> dict[str, str]:
    average = k.average_days_late
    return {
        "on_time": format_share(k.on_time_rate),
        "on_time_baseline": format_share(k.on_time_vs_baseline),  # against the original plan (engine.slippage)
        "collection": _rates(k.receivable.settlement_rate()),
        "planned": site.money_map(k.receivable.planned) if k.receivable.planned else "—",
        "collected": site.money_map(k.receivable.settled) if k.receivable.settled else "—",
        "payment_rate": _rates(k.payable.settlement_rate()),
        "planned_payable": site.money_map(k.payable.planned) if k.payable.planned else "—",
        "paid": site.money_map(k.payable.settled) if k.payable.settled else "—",
        "overdue_amount": site.money_map(k.overdue_amount) if k.overdue_amount else "—",
        "average_late": "—" if average is None else f"{average:.1f}",
    }


def _rates(rates: Mapping[str, float]) -> str:
    return ", ".join(f"{c} {v:.0%}" for c, v in rates.items()) or "—"


def _table(site: Site, groups: Mapping[str, kpis.Kpis], label: Any) -> list[dict[str, Any]]:
    out = []
    for key, k in groups.items():
        out.append({"label": label(key), "k": k, "rate": k.on_time_rate, **_figures(site, k)})
    return out


def _on_time_chart(site: Site) -> Any:
    lang = site.language
    months = month_starts(site.today, MONTHS - 1, 0)
    counts = on_time_by_month(site, months)
    labels = [month_label(m, lang) for m in months]
    rates = [100.0 * done / due if due else None for due, done in counts]
    series = [charts.Series(text("site.on_time_rate", lang), "ontime", rates)]
    return charts.bar_chart(
        labels, series, lambda v: f"{v:.0f}%", title=text("site.on_time_by_month", lang), language=lang, highlight=len(months) - 1
    )


def _aging(site: Site, k: kpis.Kpis) -> list[tuple[str, str, Any]]:
    """The overdue receivables and the overdue payables by age: (section id, heading, chart)."""
    if site.public:
        return []
    out = []
    for flow in DIRECTIONS:
        f = k.flow(flow)
        rows = [
            (
                text("site.aging_bucket", site.language, bucket=name),
                float(f.aging_count[name]),
                f"{f.aging_count[name]} · {site.money_map(f.aging_amount[name])}",
            )
            for name, _, _ in kpis.AGING_BUCKETS
        ]
        out.append((f"aging-{flow}", text(f"money.{flow}.aging", site.language), charts.hbars(rows, "overdue")))
    return out


def pages(env: Environment, site: Site) -> Iterator[Page]:
    lang = site.language
    week, month = _period(site, "week"), _period(site, "month")
    start, end = kpis.period_bounds(site.today, "month")
    by_counterparty = kpis.compute_by(site.ev, "counterparty", start, end)
    busiest = dict(sorted(by_counterparty.items(), key=lambda item: (-item[1].due, -item[1].overdue_now, item[0]))[:TOP_COUNTERPARTIES])
    yield render_page(
        env,
        site,
        PATH,
        "pages/kpis.html",
        text("site.nav.kpis", lang),
        periods=[week, month],
        on_time_chart=_on_time_chart(site),
        trends=trend_context(site),
        aging=_aging(site, month["k"]),
        by_owner=_table(site, kpis.compute_by_occurrence_owner(site.ev, start, end), site.person_name),
        by_type=_table(site, kpis.compute_by(site.ev, "type", start, end), lambda key: word(key, lang)),
        by_counterparty=_table(site, busiest, str),
    )
