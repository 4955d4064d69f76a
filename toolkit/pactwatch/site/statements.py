"""/statements/<slug>.html: the counterparty statement (pactwatch.statement) as a page to print or send.

One page per counterparty with a contract it may read about, over the month containing today. Only on the
internal site: ``build --public`` leaves every statement out (the public site does not address anyone).
"""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment

from pactwatch import naming, statement
from pactwatch.catalogue import text
from pactwatch.site.common import Page, render_page
from pactwatch.site.context import Site


def page_path(slug: str) -> str:
    return naming.page_path("statements", slug)


def pages(env: Environment, site: Site) -> Iterator[Page]:
    if site.public:
        return
    for group in site.groups:
        if not any(statement.shown(v.contract) for v in group.views):
            continue
        built = statement.build(site.ev, group.key, "month")
        title = text("followup.statement.title", site.language, name=built.name)
        yield render_page(env, site, page_path(group.slug), "pages/statement.html", title, s=built)
