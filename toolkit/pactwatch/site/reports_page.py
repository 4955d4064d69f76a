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
from pactwatch.i18n import format_share, risk_sentence, word
from pactwatch.site.common import Page, prefix, render_page, rows
from pactwatch.site.context import Site
from pactwatch.site.kpis_page import _figures
from pactwatch.site.words import t

PATH = "reports/index.md"
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
        "title": t("weekly_report" if period == "week" else "monthly_report", lang),
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
        "risks": [
            (x.severity, word(x.severity, lang), word(x.kind, lang), risk_sentence(x.kind, x.subject, x.facts, lang, x.detail))
            for x in r.risks[:LIMIT]
        ],
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
        t("nav.reports", site.language),
        reports=[_report(site, "week", root), _report(site, "month", root)],
    )
