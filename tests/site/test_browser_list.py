"""The contracts list from its compact index (contracts/index-rows.js, contracts_index.index_script) in a real
browser, on a generated portfolio: what the script filters, sorts and shows is what the index says, its rows
are the HTML the template writes, and names from pull requests stay text."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pactwatch.i18n import format_share
from pactwatch.site import charts
from pactwatch.site.build import build_site
from tests.conftest import REPO_ROOT
from tests.site.conftest import TODAY, Built, write_hostile
from tests.site.test_browser import browser, opened, served, visit
from tests.site.test_browser_scale import ROWS, _built, rows_both_ways
from tests.site.test_serve import generated

pytestmark = pytest.mark.browser
__all__ = ["browser"]  # the fixture, imported to be used here

CONTRACTS = 300  # over FIRST_ROWS (100) and over a page of the script (200)


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    root = generated(tmp_path_factory.mktemp("list") / "portfolio", CONTRACTS)
    yield Built(root, root / "site", build_site(root, TODAY, public=False))


def _index(site: Path) -> list[dict[str, Any]]:
    """The index's rows as records, read the way its docstring (index_script) lays them out."""
    text = (site / "contracts" / "index-rows.js").read_text(encoding="utf-8")
    data = json.loads(text.removeprefix("window.pactwatchRows = ").removesuffix(";\n"))
    out = []
    for v in data["rows"]:
        page = [v[0], v[0] + ".html"] if isinstance(v[0], str) else v[0]
        party, person = data["parties"][v[2]], data["people"][v[3]]
        out.append(
            {"id": page[0], "href": page[1], "cp": party[0], "owner": person[0], "owner_name": person[1], "value": v[8], "value_text": v[9]}
        )
    return out


def _loaded(page: Any, url: str, shown: int) -> None:
    visit(page, url)
    page.locator(ROWS).nth(shown - 1).wait_for()


def _shown(page: Any) -> list[dict[str, str]]:
    script = (
        "rows => rows.map(r => ({id: r.cells[0].textContent, cp: r.cells[2].textContent, owner: r.dataset.owner,"
        " owner_name: r.cells[3].textContent, value: r.dataset.value, value_text: r.cells[6].textContent,"
        " href: r.cells[0].firstChild.getAttribute('href')}))"
    )
    result: list[dict[str, str]] = page.locator(ROWS).evaluate_all(script)
    return result


def test_owner_filter_from_the_address_counterparty_text_and_value_sort_follow_the_index(browser: Any, portfolio: Built) -> None:
    rows = _index(portfolio.site)
    assert len(rows) == CONTRACTS
    owner = max({r["owner"] for r in rows}, key=lambda o: (sum(r["owner"] == o for r in rows), o))
    party = rows[-1]["cp"]
    with served(portfolio.site) as base, opened(browser, base) as (page, watch):
        _loaded(page, base + "contracts/index.html", 200)
        assert page.locator(ROWS).count() == 200 and page.locator("[data-pw-more]").is_visible()
        page.click("[data-pw-more]")
        assert page.locator(ROWS).count() == CONTRACTS

        visit(page, base + "contracts/index.html?owner=" + owner)
        mine = [r for r in rows if r["owner"] == owner]
        page.locator(ROWS).nth(len(mine) - 1).wait_for()
        shown = _shown(page)
        assert [s["id"] for s in shown] == [r["id"] for r in mine]
        assert all(s["owner_name"] == r["owner_name"] and s["href"] == r["href"] for s, r in zip(shown, mine, strict=True))
        assert page.locator(".pw-shown").inner_text() == f"显示 {len(mine)} / {CONTRACTS}"

        page.select_option("select[name=owner]", "")
        page.fill("input[name=q]", party)
        theirs = [r for r in rows if party in r["cp"]]
        assert [s["id"] for s in _shown(page)] == [r["id"] for r in theirs]
        assert {s["cp"] for s in _shown(page)} == {party}
        assert "q=" in page.url

        page.fill("input[name=q]", "")
        page.click("th[data-sort=value]")
        page.click("th[data-sort=value]")
        by_value = sorted(rows, key=lambda r: -float(r["value"]) if r["value"] else float("inf"))[:200]
        shown = _shown(page)
        assert [(s["id"], s["value"], s["value_text"]) for s in shown] == [(r["id"], r["value"], r["value_text"]) for r in by_value]
        assert watch.problems == []


def test_every_row_the_page_writes_the_script_writes_the_same(browser: Any, portfolio: Built) -> None:
    scripted, written = rows_both_ways(browser, portfolio.site, 200)
    assert len(written) == 100
    assert scripted[:100] == written


def test_the_share_is_formatted_as_python_formats_it(browser: Any) -> None:
    """The script's pyFixed against Python for every done/total up to 128 milestones (1/8 and 1/16 are ties)."""
    source = (REPO_ROOT / "templates" / "site" / "assets" / "pactwatch.js").read_text(encoding="utf-8")
    match = re.search(r"  function pyFixed\(.*?\n  }\n", source, re.S)
    assert match is not None
    cases = [(done, total) for total in range(1, 129) for done in range(total + 1)]
    context = browser.new_context()
    try:
        page = context.new_page()
        script = "cases => { " + match.group(0) + " return cases.map(c => { var s = c[0] / c[1], w = Math.max(0, Math.min(s, 1)) * 100;"
        script += " return [pyFixed(s, 3), pyFixed(s * 100, 0) + '%', pyFixed(w, 0), pyFixed(w, 1)]; }); }"
        made = page.evaluate(script, cases)
    finally:
        context.close()
    expected = []
    for done, total in cases:
        share = done / total
        bar = str(charts.progress_bar(share, ""))
        now, width = re.search(r'aria-valuenow="([^"]*)"><span style="width:([^%]*)%', bar).groups()  # type: ignore[union-attr]
        expected.append([f"{share:.3f}", format_share(share), now, width])
    assert made == expected


def test_hostile_owner_and_counterparty_names_show_as_text(browser: Any, tmp_path: Path) -> None:
    built = _built(write_hostile(tmp_path / "hostile"), 2)
    rows = _index(built.site)
    with served(built.site) as base, opened(browser, base) as (page, watch):
        page.add_init_script("window.__pwned = 0; window.alert = window.confirm = window.prompt = () => { window.__pwned += 1; };")
        _loaded(page, base + "contracts/index.html", len(rows))
        shown = _shown(page)
        assert [(s["cp"], s["owner_name"]) for s in shown] == [(r["cp"], r["owner_name"]) for r in rows]
        assert any("<script>" in s["owner_name"] for s in shown) and any("<img" in s["cp"] for s in shown)
        assert page.locator(".pw-page tbody script, .pw-page tbody img, .pw-page tbody [onclick], .pw-page tbody [onerror]").count() == 0
        assert page.evaluate("window.__pwned") == 0
        assert watch.problems == []
