"""A counterparty's page and its feed carry the same name (pactwatch.naming), and the page links to that feed."""

from __future__ import annotations

from dataclasses import replace

from pactwatch.engine import evaluate
from pactwatch.ical.feeds import build_feeds
from pactwatch.load.portfolio import load_portfolio
from pactwatch.model import Counterparty
from pactwatch.settings import load_settings
from pactwatch.site.context import Site, SiteInput
from pactwatch.site.pages import generate_pages
from tests.site.conftest import REPO_ROOT, TODAY

# names that are no file names: Chinese, path tricks, an id that is not a slug, and two names that fold alike
COUNTERPARTIES = (
    Counterparty("上海星瀚智能科技有限公司"),
    Counterparty("../../etc/passwd #1?"),
    Counterparty("星瀚", "91310000MA1FL3XX1X"),
    Counterparty("Café Ltd"),
    Counterparty("Cafe\u0301 Ltd"),
)


def test_counterparty_feeds_and_pages_share_their_names() -> None:
    loaded = load_portfolio(REPO_ROOT, TODAY, settings=load_settings(REPO_ROOT), use_cache=False)
    contracts = tuple(replace(c, counterparty=COUNTERPARTIES[i % len(COUNTERPARTIES)]) for i, c in enumerate(loaded.portfolio.contracts))
    ev = evaluate(replace(loaded.portfolio, contracts=contracts), TODAY)
    feeds = build_feeds(ev, public=False)
    data = SiteInput(ev, (), {}, tuple(sorted(feeds)), False, REPO_ROOT)
    pages = {page.path: page.text for page in generate_pages(data)}

    feed_names = {path.removeprefix("counterparties/").removesuffix(".ics") for path in feeds if path.startswith("counterparties/")}
    page_names = {path.removeprefix("counterparties/").removesuffix(".md") for path in pages if path.startswith("counterparties/")}
    assert page_names - {"index"} == feed_names and len(feed_names) == 4  # Café and Cafe + U+0301 are one counterparty
    for group in Site(data).groups:
        page = pages[f"counterparties/{group.slug}.md"]
        assert f'href="../calendar/counterparties/{group.slug}.ics"' in page
        assert f"counterparties/{group.slug}.ics" in feeds
