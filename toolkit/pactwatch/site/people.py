"""People: /people/ and one page per person (/people/<id>/): their overdue and upcoming milestones and their feed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment

from pactwatch import links, naming
from pactwatch.catalogue import text
from pactwatch.engine import kpis
from pactwatch.i18n import format_share, word
from pactwatch.site.common import DETAIL, Kept, Page, feed_context, prefix, render_page, rows
from pactwatch.site.context import Site
from pactwatch.site.page_keys import Keeper

INDEX = "people/index.md"
UPCOMING_DAYS = 60
LIMIT = 100


def page_path(person: str) -> str:
    return naming.person_page(person)


def _person(site: Site, person: str, month: kpis.Kpis | None, limit: int) -> dict[str, Any]:
    path = page_path(person)
    root = prefix(path)
    found = site.people.get(person)
    mine = site.by_owner.get(person, [])
    horizon = site.today + timedelta(days=UPCOMING_DAYS)
    overdue = sorted((o for o in mine if o.state == "overdue"), key=lambda o: (-o.days_late, o.contract.id, o.key))
    upcoming = [o for o in mine if o.state in ("due_soon", "upcoming") and o.due <= horizon]
    owned = site.owned.get(person, [])
    manager = found.manager if found else None
    manager_href = site.person_href(manager) if manager else None
    return {
        "person": found,
        "id": person,
        "name": site.person_name(person),
        "manager": site.person_name(manager) if manager else "",
        "manager_href": root + manager_href if manager_href else None,
        "overdue": rows(site, overdue[:limit], root),
        "overdue_total": len(overdue),
        "upcoming": rows(site, upcoming[:limit], root),
        "upcoming_total": len(upcoming),
        "contracts": [
            (v.contract.id, root + links.contract_page(v.contract.id), v.contract.title, v.health, word(v.health, site.language))
            for v in owned[:limit]
        ],
        "contracts_total": len(owned),
        "contracts_href": root + links.section("contracts") + "?" + urlencode({"owner": person}),
        "on_time": format_share(month.on_time_rate if month else None),
        "on_time_note": f"{month.done_on_time}/{month.due}" if month else "",
        "feed": feed_context(site, naming.person_feed(person), root),
        "open_count": sum(1 for o in mine if o.is_open),
    }


def contracts_read(site: Site) -> dict[str, list[str]]:
    """Per person, the contracts their page reads: those they own and those with a milestone of theirs."""
    found: dict[str, set[str]] = defaultdict(set)
    for person, views in site.owned.items():
        found[person].update(v.contract.id for v in views)
    for person, occurrences in site.by_owner.items():
        found[person].update(o.contract.id for o in occurrences)
    return {person: sorted(ids) for person, ids in found.items()}


def pages(env: Environment, site: Site, limit: int = LIMIT, keep: Keeper | None = None) -> Iterator[Page | Kept]:
    """The index and a page per person; a person's lists show their first ``limit`` rows and say where the rest are
    (``keep``: a page whose inputs are the last build's is kept, not rendered)."""
    lang = site.language
    people = site.person_ids()
    summary = []
    for person in people:
        mine = site.by_owner.get(person, [])
        href = site.person_href(person)
        summary.append(
            {
                "id": person,
                "name": site.person_name(person),
                "href": href.removeprefix("people/") if href else None,
                "team": site.people[person].team if person in site.people else "",
                "overdue": sum(1 for o in mine if o.state == "overdue"),
                "soon": sum(1 for o in mine if o.state == "due_soon"),
                "open": sum(1 for o in mine if o.is_open),
                "contracts": len(site.owned.get(person, [])),
            }
        )
    yield render_page(env, site, INDEX, "pages/people.html", text("site.nav.people", lang), people=summary)
    start, end = kpis.period_bounds(site.today, "month")
    month: dict[str, kpis.Kpis] | None = None  # made for the first page rendered
    read = contracts_read(site) if keep is not None else {}
    for person in people:
        if site.person_href(person) is None:
            continue
        path = page_path(person)
        feed = str(naming.person_feed(person) in site.feeds)
        if keep is not None and keep.unchanged(path, keep.about("person", person, read.get(person, ()), feed)):
            yield Kept(path)
            continue
        if month is None:
            month = kpis.compute_by_occurrence_owner(site.ev, start, end)
        context = _person(site, person, month.get(person), limit)
        yield render_page(env, site, path, "pages/person.html", str(context["name"]), theme=DETAIL, **context)
