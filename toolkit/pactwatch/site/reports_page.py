"""The reports page (/reports/): the current weekly and monthly reports (pactwatch.report), as escaped HTML.

The report's data (``report.build``) is rendered through the site's own
autoescaping templates, not through its Markdown, so the same safety rules as
every other page hold.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jinja2 import Environment

from pactwatch import report as reports
from pactwatch.catalogue import text
from pactwatch.i18n import format_share
from pactwatch.site.common import Page, prefix, render_page, risk_items, rows
from pactwatch.site.context import Site
from pactwatch.site.kpis_page import _figures

PATH = "reports/index.md"
TITLES = {"week": "site.weekly_report", "month": "site.monthly_report"}
LIMIT = 50


def _report(site: Site, period: reports.Period, root: str) -> dict[str, Any]:
    r = reports.build(site.ev, period)
    lang = site.language
    owners = [
        {
            "name": s.name,
            "href": root + href if (href := site.person_href(s.person)) else None,
            "completed": len(s.completed),
            "overdue": len(s.overdue),
            "upcoming": len(s.upcoming),
            "on_time": format_share(s.kpis.on_time_rate),
        }
        for s in r.owners
    ]
    return {
        "id": period,
        "title": text(TITLES[period], lang),
        "range": f"{site.date(r.start)} – {site.date(r.end)}",
        "k": r.kpis,
        "figures": _figures(site, r.kpis),
        "completed": rows(site, r.completed[:LIMIT], root),
        "completed_total": len(r.completed),
        "overdue": rows(site, r.overdue[:LIMIT], root),
        "overdue_total": len(r.overdue),
        "upcoming": rows(site, r.upcoming[:LIMIT], root),
        "upcoming_total": len(r.upcoming),
        "next_end": site.date(r.next_end),
        "risks": risk_items(site, r.risks[:LIMIT]),
        "risks_total": len(r.risks),
        "owners": owners,
    }


def pages(env: Environment, site: Site) -> Iterator[Page]:
    root = prefix(PATH)
    yield render_page(
        env,
        site,
        PATH,
        "pages/reports.html",
        text("site.nav.reports", site.language),
        reports=[_report(site, "week", root), _report(site, "month", root)],
    )
