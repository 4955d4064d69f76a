"""Long lists on a large portfolio (issue #21): each page shows its first rows, says how many more there are
and where they are; a long counterparty statement is split by contract and loses nothing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from jinja2 import Environment

from pactwatch import statement
from pactwatch.site import calendar_page, contracts_index, counterparties, people, statements
from pactwatch.site.common import Page
from pactwatch.site.context import Site
from pactwatch.site.pages import site_environment
from tests.site.test_pages import site_input
from tests.voice.scan import visible_text


@pytest.fixture(scope="module")
def made() -> tuple[Site, Environment]:
    site = Site(site_input())
    return site, site_environment(site)


def by_path(found: Iterator[Page]) -> dict[str, str]:
    return {page.path: page.text for page in found}


def rows(built: statement.Statement) -> Counter[tuple[str, str]]:
    return Counter(
        (part, i.contract_id + i.title + i.due.isoformat()) for part in ("done", "upcoming", "overdue") for i in getattr(built, part)
    )


def test_a_split_statement_holds_every_contract_and_item_once(made: tuple[Site, Environment]) -> None:
    site, _ = made
    whole = statement.build(site.ev, "id:yunfan-logistics", "month")
    parts = statement.split(whole, 2)
    assert len(parts) > 1
    assert [c for p in parts for c in p.contracts] == list(whole.contracts)
    assert sum((rows(p) for p in parts), Counter()) == rows(whole)
    for part in parts:  # a part is over the cap only when one contract alone is
        assert len(part.contracts) == 1 or len(part.contracts) + sum(rows(part).values()) <= 2
    assert statement.split(whole, 10_000) == (whole,)


def test_a_long_statement_is_pages_by_contract_each_listing_all_parts(made: tuple[Site, Environment]) -> None:
    site, env = made
    group = next(g for g in site.groups if g.key == "id:yunfan-logistics")
    whole = statement.build(site.ev, group.key, "month")
    pages = by_path(statements.statement_pages(env, site, group.slug, whole, rows=2))
    count = len(statement.split(whole, 2))
    assert list(pages) == ["statements/yunfan-logistics.md", *(f"statements/yunfan-logistics/{n}.md" for n in range(2, count + 1))]
    first, second = pages["statements/yunfan-logistics.md"], pages["statements/yunfan-logistics/2.md"]
    assert f"按合同分为 {count} 部分" in visible_text(first) and "此为第 1 部分" in visible_text(first)
    assert 'href="../statements/yunfan-logistics/2.html"' in first and 'href="../../statements/yunfan-logistics.html"' in second
    assert by_path(statements.statement_pages(env, site, group.slug, whole)).keys() == {"statements/yunfan-logistics.md"}


def test_a_person_page_shows_its_first_rows_and_says_where_the_rest_are(made: tuple[Site, Environment]) -> None:
    site, env = made
    full = by_path(people.pages(env, site))["people/chen.jing.md"]
    capped = by_path(people.pages(env, site, limit=1))["people/chen.jing.md"]
    visible = visible_text(capped)
    owned, overdue = len(site.owned["chen.jing"]), sum(o.state == "overdue" for o in site.by_owner["chen.jing"])
    assert owned == 3 and overdue == 2 and "另有" not in visible_text(full)
    assert f"另有 {owned - 1} 项" in visible and 'href="../contracts/index.html?owner=chen.jing"' in capped
    assert f"另有 {overdue - 1} 项未列出，此人的日历订阅包含全部" in visible
    assert 'href="../calendar/people/chen.jing.ics" download' in capped


def test_a_counterparty_page_links_the_contracts_list_filtered_by_its_name(made: tuple[Site, Environment]) -> None:
    site, env = made
    capped = by_path(counterparties.pages(env, site, limit=1))
    pages = [text for path, text in capped.items() if path != counterparties.INDEX and "另有" in visible_text(text)]
    assert pages and all("../contracts/index.html?q=" in text for text in pages)


def test_the_calendar_lists_the_first_feeds_of_each_kind_and_links_the_rest(made: tuple[Site, Environment]) -> None:
    site, env = made
    page = by_path(calendar_page.pages(env, site, limit=1))[calendar_page.PATH]
    assert (
        'href="../people/index.html"' in page and 'href="../counterparties/index.html"' in page and 'href="../contracts/index.html"' in page
    )


def test_the_contracts_index_says_each_name_once(made: tuple[Site, Environment]) -> None:
    """index-rows.js points rows into tables: every counterparty and owner name once, no contract page href."""
    site, env = made
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(contracts_index, "FIRST_ROWS", 2)
        script = by_path(contracts_index.pages(env, site))[contracts_index.INDEX]
    parties = {v.contract.counterparty.name for v in site.views}
    owners = {site.person_name(v.contract.owner) for v in site.views}
    assert len(site.views) > len(parties) and all(script.count(f'"{name}"') == 1 for name in parties | owners)
    assert ".html" not in re.sub(r'"\.\./counterparties/[^"]*"', "", script)
