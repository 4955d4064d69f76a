"""The contracts index (/contracts/): every contract, sortable and filterable in the page (assets/pactwatch.js).

Rows carry their sort keys as data attributes. Filters can come from the query
string (``?health=overdue``), so dashboard tiles link straight to a filtered list.
A long list (over ``FIRST_ROWS`` contracts) is written as its first rows in HTML,
which is what a reader without JavaScript sees, and every row once in a compact
index beside the page (``index-rows.js``: JSON a script tag loads, so the site
also works opened from disk), from which the script filters, sorts and shows
more: at 50,000 contracts the page stays small and the index holds ~300 bytes a row.
"""

from __future__ import annotations

import json
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
INDEX = "contracts/index-rows.js"  # beside the page: its href is its file name
FIRST_ROWS = 100
_FIELDS = ("id", "href", "title", "counterparty", "counterparty_href", "owner", "owner_name", "health", "type", "share", "share_text")
_MORE = ("value", "value_text", "next_iso", "next_due", "next_title", "next_state", "done")


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
        "done": f"{view.progress.done}/{view.progress.total}",
        "bar": charts.progress_bar(view.progress.share, f"{view.progress.done}/{view.progress.total}", f"pw-h-{view.health}"),
        "value": "" if value is None or site.public else str(value.amount),
        "value_text": site.money(value.amount, value.currency) if value else "",
        "next_iso": nxt.due.isoformat() if nxt else "",
        "next_due": site.date(nxt.due) if nxt else "",
        "next_title": nxt.title if nxt else "",
        "next_state": nxt.state if nxt else "",
    }


def index_script(rows: list[dict[str, Any]], lang: str) -> str:
    """Every row as compact JSON (a list of values per row, in the order of ``fields``) in a script."""
    data = {
        "fields": [*_FIELDS, *_MORE],
        "health": {h: word(h, lang) for h in HEALTHS},
        "rows": [[r[name] for name in (*_FIELDS, *_MORE)] for r in rows],
    }
    return "window.pactwatchRows = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"


def pages(env: Environment, site: Site) -> Iterator[Page]:
    lang = site.language
    present = {v.health for v in site.views}
    types = {v.contract.type for v in site.views}
    owners = sorted({v.contract.owner for v in site.views}, key=lambda p: (site.person_name(p), p))
    rows = [_row(site, v) for v in site.views]
    long = len(rows) > FIRST_ROWS
    if long:
        yield Page(INDEX, index_script(rows, lang))
    yield render_page(
        env,
        site,
        PATH,
        "pages/contracts.html",
        text("site.nav.contracts", lang),
        rows=rows[:FIRST_ROWS] if long else rows,
        index=INDEX.rpartition("/")[2] if long else "",
        healths=[(h, word(h, lang)) for h in HEALTHS if h in present],
        types=[(x, word(x, lang)) for x in CONTRACT_TYPES if x in types],
        owners=[(p, site.person_name(p)) for p in owners],
        total=len(site.views),
    )
