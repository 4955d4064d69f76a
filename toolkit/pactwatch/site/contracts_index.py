"""The contracts index (/contracts/): every contract, sortable and filterable in the page (assets/pactwatch.js).

Rows carry their sort keys as data attributes. Filters can come from the query
string (``?health=overdue``), so dashboard tiles link straight to a filtered list.
A long list (over ``FIRST_ROWS`` contracts) is written as its first rows in HTML,
which is what a reader without JavaScript sees, and every row once in a compact
index beside the page (``index-rows.js``: JSON a script tag loads, so the site
also works opened from disk), from which the script filters, sorts and shows
more. The index says each thing once (``index_script`` gives its layout): a row points into tables of
counterparties, people and due dates, and leaves out what the script derives exactly (the page from the id,
the share and its texts from done/total): ~130 bytes a row, where one row of every field was ~280.
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


def _row(site: Site, view: ContractView) -> dict[str, Any]:
    """What the index says of a contract (the page's own rows add ``_shown``)."""
    c = view.contract
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
        "type": c.type,
        "done": view.progress.done,
        "total": view.progress.total,
        "value": "" if value is None or site.public else str(value.amount),
        "value_text": site.money(value.amount, value.currency) if value else "",
        "next_iso": nxt.due.isoformat() if nxt else "",
        "next_due": site.date(nxt.due) if nxt else "",
        "next_title": nxt.title if nxt else "",
        "next_state": nxt.state if nxt else "",
    }


def _shown(site: Site, view: ContractView, row: dict[str, Any]) -> dict[str, Any]:
    """A row the page writes in HTML: its words, share and progress bar too (the script makes them for the rest)."""
    share, done, total = view.progress.share, view.progress.done, view.progress.total
    return {
        **row,
        "health_text": word(view.health, site.language),
        "share": f"{share:.3f}",
        "share_text": format_share(share),
        "bar": charts.progress_bar(share, f"{done}/{total}", f"pw-h-{view.health}"),
    }


class _Table:
    """Distinct entries in the order first met; a row holds an entry's index."""

    def __init__(self) -> None:
        self.index: dict[tuple[str, ...], int] = {}

    def __call__(self, *entry: str) -> int:
        return self.index.setdefault(entry, len(self.index))

    def entries(self) -> list[list[str]]:
        return [list(entry) for entry in self.index]


def index_script(rows: list[dict[str, Any]], lang: str) -> str:
    """Every row as compact JSON in a script, each thing said once (assets/pactwatch.js ``fromIndex`` reads it).

    A row is ``[id, title, party, person, health, type, done, total, value, value_text]`` and, when the
    contract has an open milestone, ``date, next_title, next_state`` after it. ``id`` is ``[id, href]`` when
    the page is not ``id.html``; party, person, health, type, date and next_state are indexes into the
    tables ``parties`` ([name, href]), ``people`` ([id, name]), ``health`` ([key, word]), ``types``,
    ``dates`` ([iso, text], as the catalogue writes it) and ``states``. The share, its percentage and the
    progress bar are done/total, formatted by the script as Python formats them here.
    """
    parties, people, dates, types, states = _Table(), _Table(), _Table(), _Table(), _Table()
    health = {key: index for index, key in enumerate(HEALTHS)}
    out = []
    for r in rows:
        page = r["id"] if r["href"] == r["id"] + ".html" else [r["id"], r["href"]]
        row = [page, r["title"], parties(r["counterparty"], r["counterparty_href"]), people(r["owner"], r["owner_name"])]
        row += [health[r["health"]], types(r["type"]), r["done"], r["total"], r["value"], r["value_text"]]
        if r["next_iso"]:
            row += [dates(r["next_iso"], r["next_due"]), r["next_title"], states(r["next_state"])]
        out.append(row)
    data = {
        "health": [[h, word(h, lang)] for h in HEALTHS],
        "types": [key for (key,) in types.entries()],
        "states": [key for (key,) in states.entries()],
        "parties": parties.entries(),
        "people": people.entries(),
        "dates": dates.entries(),
        "rows": out,
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
    shown = [_shown(site, view, row) for view, row in zip(site.views[:FIRST_ROWS], rows[:FIRST_ROWS], strict=True)]
    yield render_page(
        env,
        site,
        PATH,
        "pages/contracts.html",
        text("site.nav.contracts", lang),
        rows=shown,
        index=INDEX.rpartition("/")[2] if long else "",
        healths=[(h, word(h, lang)) for h in HEALTHS if h in present],
        types=[(x, word(x, lang)) for x in CONTRACT_TYPES if x in types],
        owners=[(p, site.person_name(p)) for p in owners],
        total=len(site.views),
    )
