"""All pages of the site: SiteInput -> {docs path: Markdown text}. Pure and deterministic.

URLs are part of the interface, and name files (so a copy of the site opened from disk works too):
``/index.html``, ``/contracts/index.html``, ``/contracts/<id>.html``, ``/people/index.html``,
``/people/<id>.html``, ``/counterparties/index.html``, ``/counterparties/<slug>.html``,
``/calendar/index.html``, ``/kpis/index.html``, ``/reports/index.html``, ``/problems/index.html``,
``/statements/<slug>.html`` (counterparty statements; not with ``--public``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator
from functools import partial

from jinja2 import Environment
from markupsafe import Markup

from pactwatch.site import (
    calendar_page,
    contract_page,
    contracts_index,
    counterparties,
    dashboard,
    kpis_page,
    people,
    problems_page,
    reports_page,
    statements,
)
from pactwatch.site.common import Kept, Page
from pactwatch.site.context import Site, SiteInput
from pactwatch.site.page_keys import Keeper
from pactwatch.site.render import environment

Family = Callable[[Environment, Site], Iterable[Page | Kept]]

# The section pages, in navigation order: (docs path, catalogue id)
SECTIONS: tuple[tuple[str, str], ...] = (
    ("index.md", "site.nav.dashboard"),
    ("contracts/index.md", "site.nav.contracts"),
    ("people/index.md", "site.nav.people"),
    ("counterparties/index.md", "site.nav.counterparties"),
    ("calendar/index.md", "site.nav.calendar"),
    ("kpis/index.md", "site.nav.kpis"),
    ("reports/index.md", "site.nav.reports"),
    ("problems/index.md", "site.nav.problems"),
)

FAMILIES: tuple[Family, ...] = (
    dashboard.pages,
    contracts_index.pages,
    people.pages,
    counterparties.pages,
    calendar_page.pages,
    kpis_page.pages,
    reports_page.pages,
    problems_page.pages,
    statements.pages,  # /statements/<slug>.html: not on the public site
)


def keeping(family: Family, keep: Keeper) -> Family:
    """``family``, keeping the pages whose inputs are the last build's, for the families with a page per
    person or counterparty (page_keys.Keeper); any other family as it is (its pages read every contract)."""
    if family is people.pages:
        return lambda env, site: people.pages(env, site, keep=keep)
    if family is counterparties.pages:
        return lambda env, site: counterparties.pages(env, site, keep=keep)
    return family


def site_environment(site: Site) -> Environment:
    env = environment(site.data.root)
    env.globals.update(site.words)  # the templates' words: t("site.nav.contracts"), t("site.more", count=3)
    env.globals["request_links"] = partial(_request_links, site)  # "Mark done" / "Report a delay" on open milestones
    return env


def _request_links(site: Site, contract_id: str, ref: str, title: str, state: str, due: object) -> Markup:
    from pactwatch.chatops.prefill import links_html

    return links_html(site.settings.repository, contract_id, ref, title, state, due, site.today, site.language)


def generate_pages(
    data: SiteInput, families: Iterable[Family] = FAMILIES, made: tuple[Site, Environment] | None = None
) -> Iterator[Page | Kept]:
    """Every page except the contract pages (see ``contract_pages``), in a fixed order (``made``: as there)."""
    site, env = made if made is not None else (Site(data), None)
    env = env or site_environment(site)
    for family in families:
        yield from family(env, site)


def contract_pages(data: SiteInput, ids: Iterable[str], made: tuple[Site, Environment] | None = None) -> Iterator[Page]:
    """The pages of the contracts in ``ids``: the bulk of the work, split across processes by the builder
    (which passes the lookups and templates ``made`` for this build, so they are made once per process)."""
    site, env = made if made is not None else (Site(data), None)
    some = copy.copy(site)  # shallow: the lookups are shared, only the views are narrowed
    wanted = set(ids)
    some.views = [v for v in site.views if v.contract.id in wanted]
    yield from contract_page.pages(env or site_environment(site), some)
