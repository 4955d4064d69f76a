"""The calendar page (/calendar/): upcoming milestones by week, and every feed with https and webcal links."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from jinja2 import Environment

from pactwatch import links
from pactwatch.catalogue import text
from pactwatch.ical.feeds import ALL_FEED
from pactwatch.site.common import Page, feed_context, prefix, render_page, rows
from pactwatch.site.context import Site

PATH = "calendar/index.md"
WEEKS = 8
LIMIT = 100  # rows per list; the feeds and the contracts index hold the rest


def _weeks(site: Site, root: str, limit: int) -> list[dict[str, Any]]:
    monday = site.today - timedelta(days=site.today.weekday())
    weeks = []
    for index in range(WEEKS):
        start = monday + timedelta(weeks=index)
        end = start + timedelta(days=6)
        items = [o for o in site.ev.occurrences if o.state in ("due_soon", "upcoming") and start <= o.due <= end]
        weeks.append(
            {
                "title": text("site.week_of", site.language, start=site.date(start)),
                "iso": f"{start.isocalendar().year}-W{start.isocalendar().week:02d}",
                "rows": rows(site, items[:limit], root),
                "total": len(items),
            }
        )
    return weeks


def _feeds(site: Site, root: str) -> dict[str, list[tuple[str, str | None, Any]]]:
    """Feed groups -> [(label, page href, links)] for every feed the build wrote."""
    groups: dict[str, list[tuple[str, str | None, Any]]] = {"people": [], "contracts": [], "counterparties": []}
    names = {f"people/{p}": site.person_name(p) for p in site.person_ids()}
    slugs = {g.slug: g.counterparty.name for g in site.groups}
    titles = {v.contract.id: v.contract.title for v in site.views}
    for path in sorted(site.feeds):
        folder, _, name = path.partition("/")
        stem = name.removesuffix(".ics")
        feed = feed_context(site, path, root)
        if folder == "people":
            href = site.person_href(stem)
            groups["people"].append((names.get(f"people/{stem}", stem), root + href if href else None, feed))
        elif folder == "contracts":
            label = f"{stem} {titles.get(stem, '')}".strip()
            groups["contracts"].append((label, root + links.contract_page(stem) if stem in titles else None, feed))
        elif folder == "counterparties":
            groups["counterparties"].append((slugs.get(stem, stem), root + links.counterparty_page(stem) if stem in slugs else None, feed))
    return groups


def pages(env: Environment, site: Site, limit: int = LIMIT) -> Iterator[Page]:
    root = prefix(PATH)
    feeds = _feeds(site, root)
    # each contract, person and counterparty page links its own feed: a list shows the first LIMIT, and its section the rest
    feed_totals = {group: len(entries) for group, entries in feeds.items()}
    feeds = {group: entries[:limit] for group, entries in feeds.items()}
    overdue = sorted((o for o in site.ev.occurrences if o.state == "overdue"), key=lambda o: (-o.days_late, o.contract.id, o.key))
    yield render_page(
        env,
        site,
        PATH,
        "pages/calendar.html",
        text("site.nav.calendar", site.language),
        overdue=rows(site, overdue[:limit], root),
        overdue_total=len(overdue),
        weeks=_weeks(site, root, limit),
        all_feed=feed_context(site, ALL_FEED, root),
        feeds=feeds,
        feed_totals=feed_totals,
        limit=limit,
    )
