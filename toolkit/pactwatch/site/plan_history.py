"""Plan versus actual on the site: a contract's re-plans, and the KPIs page's month-end trend (table and line chart)."""

from __future__ import annotations

from typing import Any

from pactwatch.catalogue import text
from pactwatch.engine.records import ContractView
from pactwatch.engine.slippage import replans_of, slip_days
from pactwatch.history.present import money_cells
from pactwatch.i18n import format_share
from pactwatch.links import pull_request
from pactwatch.site import charts
from pactwatch.site.context import Site
from pactwatch.site.dashboard import month_label


def replan_rows(site: Site, view: ContractView) -> list[dict[str, Any]]:
    """Each re-plan of the contract's milestones (once per milestone), oldest first; none on a public site."""
    if site.public:
        return []
    rows, seen = [], set()
    for o in view.occurrences:
        if o.milestone.id in seen:
            continue
        seen.add(o.milestone.id)
        for r in replans_of(o, site.ev.history):
            rows.append(
                {
                    "sort": (r.day, o.milestone.id),
                    "date": site.date(r.day),
                    "milestone": f"{o.milestone.id} {o.milestone.title}",
                    "author": r.author,
                    "change": f"{r.before} → {r.after}",
                    "commit": r.commit[:7],
                    "pull": r.pull_request,
                    "pull_href": pull_request(site.settings.repository, r.pull_request) if r.pull_request is not None else None,
                    "slip": slip_days(o),
                }
            )
    return sorted(rows, key=lambda row: row["sort"])


def trend_context(site: Site) -> dict[str, Any] | None:
    """The month-end rows and their chart, or None when the build had no git history (or is public)."""
    rows = site.data.trends
    if site.public or not rows:
        return None
    lang = site.language
    labels = [site.date(row.month_end) for row in rows]
    rates = [None if row.on_time_rate is None else 100.0 * row.on_time_rate for row in rows]
    series = [charts.Series(text("history.on_time_rate", lang), "ontime", rates)]
    overdue = [charts.Series(text("history.overdue", lang), "overdue", [float(row.overdue) for row in rows])]
    cells = {name: money_cells(rows, name) for name in ("overdue_amount", "planned", "collected")}
    table = [
        {
            "month_end": labels[i],
            "rate": format_share(row.on_time_rate),
            "overdue": row.overdue,
            "overdue_amount": cells["overdue_amount"][i],
            "collected": cells["collected"][i],
            "planned": cells["planned"][i],
        }
        for i, row in enumerate(rows)
    ]
    short = [month_label(row.month_end, lang) for row in rows]
    return {
        "rows": table,
        "chart": charts.line_chart(short, series, lambda v: f"{v:.0f}%", title=text("history.trends_chart", lang), language=lang),
        "overdue_chart": charts.line_chart(short, overdue, lambda v: f"{v:.0f}", title=text("history.overdue", lang), language=lang),
    }
