"""The contracts index (/contracts/): every contract, sortable and filterable in the page (assets/pactwatch.js).

Rows carry their sort keys as data attributes; without JavaScript the table is
simply complete. Filters can come from the query string (``?health=overdue``),
so dashboard tiles link straight to a filtered list.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jinja2 import Environment

from pactwatch import links
from pactwatch.catalogue import text
from pactwatch.engine.records import HEALTHS, ContractView
from pactwatch.i18n import format_share, word
from pactwatch.model import CONTRACT_TYPES
from pactwatch.site import charts
from pactwatch.site.common import Page, render_page
from pactwatch.site.context import Site

PATH = "contracts/index.md"


def _row(site: Site, view: ContractView) -> dict[str, Any]:
    c, lang = view.contract, site.language
    nxt = view.next_open
    value = c.value
    return {
        "id": c.id,
        "href": links.contract_page(c.id).removeprefix("contracts/"),
        "title": c.title,
        "counterparty": c.counterparty.name,
        "counterparty_href": "../" + site.counterparty_href(c.counterparty),
        "owner": c.owner,
        "owner_name": site.person_name(c.owner),
        "health": view.health,
        "health_text": word(view.health, lang),
        "type": c.type,
        "share": f"{view.progress.share:.3f}",
        "share_text": format_share(view.progress.share),
        "bar": charts.progress_bar(view.progress.share, f"{view.progress.done}/{view.progress.total}", f"pw-h-{view.health}"),
        "value": "" if value is None or site.public else str(value.amount),
        "value_text": site.money(value.amount, value.currency) if value else "",
        "next_iso": nxt.due.isoformat() if nxt else "",
        "next_due": site.date(nxt.due) if nxt else "",
        "next_title": nxt.title if nxt else "",
        "next_state": nxt.state if nxt else "",
    }


def pages(env: Environment, site: Site) -> Iterator[Page]:
    lang = site.language
    present = {v.health for v in site.views}
    types = {v.contract.type for v in site.views}
    owners = sorted({v.contract.owner for v in site.views}, key=lambda p: (site.person_name(p), p))
    yield render_page(
        env,
        site,
        PATH,
        "pages/contracts.html",
        text("site.nav.contracts", lang),
        rows=[_row(site, v) for v in site.views],
        healths=[(h, word(h, lang)) for h in HEALTHS if h in present],
        types=[(x, word(x, lang)) for x in CONTRACT_TYPES if x in types],
        owners=[(p, site.person_name(p)) for p in owners],
        total=len(site.views),
    )
