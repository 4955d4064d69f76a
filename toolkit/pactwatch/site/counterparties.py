"""Counterparties: /counterparties/ and one page per counterparty: contracts, on-time rate, delays, risks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from jinja2 import Environment

from pactwatch import links, naming
from pactwatch.catalogue import text
from pactwatch.engine import kpis
from pactwatch.engine.records import Risk
from pactwatch.i18n import format_share, word
from pactwatch.site import charts
from pactwatch.site.common import DETAIL, Kept, Page, feed_context, prefix, render_page, risk_items, rows
from pactwatch.site.context import CounterpartyGroup, Site
from pactwatch.site.page_keys import Keeper

INDEX = "counterparties/index.md"
ALL_TIME = date(1, 1, 1)
LIMIT = 100


def page_path(slug: str) -> str:
    return naming.counterparty_page(slug)


def _risks(site: Site, group: CounterpartyGroup) -> list[Risk]:
    """Risks about the counterparty, and risks about its contracts, in the engine's order."""
    found: dict[int, Risk] = {}
    for name in {v.contract.counterparty.name for v in group.views}:
        found.update((id(r), r) for r in site.risks_by_counterparty.get(name, ()))
    for view in group.views:
        found.update((id(r), r) for r in site.risks_by_contract.get(view.contract.id, ()) if r.subject_type != "counterparty")
    return sorted(found.values(), key=lambda r: site.risk_rank[id(r)])


def _summary(site: Site, group: CounterpartyGroup) -> dict[str, Any]:
    k = kpis.compute(group.views, ALL_TIME, site.today, site.today)
    return {
        "kpis": k,
        "on_time": format_share(k.on_time_rate),
        "late": k.done_late + k.overdue,
        "overdue": k.overdue_now,
        "value": site.money_map(k.value) if k.value else "",
    }


def _group(site: Site, group: CounterpartyGroup, stats: dict[str, Any], limit: int) -> dict[str, Any]:
    path = page_path(group.slug)
    root = prefix(path)
    lang = site.language
    risks = _risks(site, group)
    late = sorted(
        (o for v in group.views for o in v.occurrences if o.state in ("overdue", "done_late")),
        key=lambda o: (-o.days_late, o.contract.id, o.key),
    )
    contracts = []
    for v in group.views:
        p = v.progress
        contracts.append(
            {
                "id": v.contract.id,
                "href": root + links.contract_page(v.contract.id),
                "title": v.contract.title,
                "health": v.health,
                "health_text": word(v.health, lang),
                "bar": charts.progress_bar(p.share, f"{p.done}/{p.total}", f"pw-h-{v.health}"),
                "share": format_share(p.share),
                "value": site.money(v.contract.value.amount, v.contract.value.currency) if v.contract.value else "",
                "owner": site.person_name(v.contract.owner),
            }
        )
    return {
        "name": group.counterparty.name,
        "cp_id": group.counterparty.id,
        "stats": stats,
        "contracts": contracts,  # the page lists the first LIMIT; the contracts list, filtered by name, all
        "limit": limit,
        "delays": rows(site, late[:limit], root),
        "delays_total": len(late),
        "risks": risk_items(site, risks[:limit]),
        "risks_total": len(risks),
        "feed": feed_context(site, naming.counterparty_feed(group.slug), root),
    }


def _key(keep: Keeper, site: Site, group: CounterpartyGroup) -> str:
    """What a counterparty's page reads: its contracts, the risks about it, whether its feed exists."""
    names = sorted({v.contract.counterparty.name for v in group.views})
    risks = [repr(site.risks_by_counterparty.get(name, ())) for name in names]
    feed = str(naming.counterparty_feed(group.slug) in site.feeds)
    return keep.about("counterparty", group.slug, [v.contract.id for v in group.views], feed, *risks)


def pages(env: Environment, site: Site, limit: int = LIMIT, keep: Keeper | None = None) -> Iterator[Page | Kept]:
    """The index and a page per counterparty; its lists show their first ``limit`` rows and link the rest
    (``keep``: a page whose inputs are the last build's is kept, not rendered)."""
    lang = site.language
    listing = []
    summaries = [_summary(site, group) for group in site.groups]  # the index's figures are the pages' (one KPI pass each)
    for group, stats in zip(site.groups, summaries, strict=True):
        href = links.counterparty_page(group.slug).removeprefix("counterparties/")  # the index is counterparties/index.html
        listing.append({"name": group.counterparty.name, "href": href, "count": len(group.views), **stats})
    yield render_page(env, site, INDEX, "pages/counterparties.html", text("site.nav.counterparties", lang), groups=listing)
    for group, stats in zip(site.groups, summaries, strict=True):
        path = page_path(group.slug)
        if keep is not None and keep.unchanged(path, _key(keep, site, group)):
            yield Kept(path)
            continue
        context = _group(site, group, stats, limit)
        yield render_page(env, site, path, "pages/counterparty.html", group.counterparty.name, theme=DETAIL, **context)
