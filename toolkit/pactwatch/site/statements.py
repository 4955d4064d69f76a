"""/statements/<slug>.html: the counterparty statement (pactwatch.statement) as a page to print or send.

One page per counterparty with a contract it may read about, over the month containing today. Only on the
internal site: ``build --public`` leaves every statement out (the public site does not address anyone).
A statement of more than ``ROWS`` table rows (a counterparty with thousands of contracts) is split by
contract (statement.split): part 1 at the usual address, part n at ``/statements/<slug>/<n>.html``, each a
complete statement of its contracts (every item of those contracts, the same period), listing all parts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from jinja2 import Environment

from pactwatch import links, naming, statement
from pactwatch.catalogue import text
from pactwatch.site.common import DETAIL, Page, prefix, render_page
from pactwatch.site.context import Site

ROWS = 1500  # table rows a page holds: ~400 bytes each, so a part stays well under 1 MB


def page_path(slug: str) -> str:
    return naming.page_path("statements", slug)


def part_path(slug: str, number: int) -> str:
    return page_path(slug) if number == 1 else naming.page_path(f"statements/{slug}", str(number))


def _parts(slug: str, parts: Sequence[statement.Statement], path: str) -> list[dict[str, Any]]:
    """Every part of a split statement, linked from the page at ``path``."""
    return [
        {
            "number": number,
            "href": prefix(path) + links.page(part_path(slug, number)),
            "current": part_path(slug, number) == path,
            "first": part.contracts[0].id,
            "last": part.contracts[-1].id,
            "contracts": len(part.contracts),
            "overdue": len(part.overdue),
        }
        for number, part in enumerate(parts, 1)
    ]


def statement_pages(env: Environment, site: Site, slug: str, built: statement.Statement, rows: int = ROWS) -> Iterator[Page]:
    """One statement page, or one per part when it is longer than ``rows`` rows."""
    title = text("followup.statement.title", site.language, name=built.name)
    parts = statement.split(built, rows)
    for number, part in enumerate(parts, 1):
        path = part_path(slug, number)
        listed = _parts(slug, parts, path) if len(parts) > 1 else []
        yield render_page(env, site, path, "pages/statement.html", title, theme=DETAIL, s=part, parts=listed, part=number)


def pages(env: Environment, site: Site) -> Iterator[Page]:
    if site.public:
        return
    known = statement.groups(site.ev)
    for group in site.groups:
        if not any(statement.shown(v.contract) for v in group.views):
            continue
        yield from statement_pages(env, site, group.slug, statement.build(site.ev, group.key, "month", known))
