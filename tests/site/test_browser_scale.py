"""Issue #21 in a real browser: a long contracts list is its first rows in HTML (what a reader without
JavaScript gets) and every row from the compact index beside it, filtered, sorted and shown a page at a time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pactwatch.site import contracts_index
from pactwatch.site.build import build_site
from tests.site.conftest import TODAY, Built, copy_example, write_hostile
from tests.site.test_browser import browser, opened, served, visit

pytestmark = pytest.mark.browser
__all__ = ["browser"]  # the fixture, imported to be used here

ROWS = "table[data-pw-table=contracts] tbody tr"


def _built(root: Path, first: int) -> Built:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(contracts_index, "FIRST_ROWS", first)
        result = build_site(root, TODAY, public=False)
    return Built(root, root / "site", result)


@pytest.fixture(scope="module")
def long_list(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    yield _built(copy_example(tmp_path_factory.mktemp("long") / "portfolio"), 5)


def test_without_javascript_the_first_rows_are_there_and_say_so(browser: Any, long_list: Built) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto((long_list.site / "contracts" / "index.html").as_uri())
        assert page.locator(ROWS).count() == 5
        assert "此处列出前 5 项（共 13 项）" in page.locator(".pw-nojs-only").inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("from_disk", [False, True])
def test_the_index_fills_filters_and_sorts_the_list(browser: Any, long_list: Built, from_disk: bool) -> None:
    with served(long_list.site) as base, opened(browser, "file:///" if from_disk else base) as (page, watch):
        if from_disk:
            page.goto((long_list.site / "contracts" / "index.html").as_uri(), wait_until="networkidle")
        else:
            visit(page, base + "contracts/index.html")
        page.locator(ROWS).nth(12).wait_for()
        assert page.locator(ROWS).count() == 13
        assert not page.locator(".pw-nojs-only").is_visible()
        page.fill("input[name=q]", "分拣")
        assert page.locator(ROWS).count() == 1
        assert "C-2026-001" in page.locator(ROWS).inner_text()
        page.fill("input[name=q]", "")
        page.select_option("select[name=health]", "overdue")
        assert page.locator(".pw-shown").inner_text() == "显示 7 / 13"
        page.select_option("select[name=health]", "")
        page.click("th[data-sort=value]")
        page.click("th[data-sort=value]")
        values = page.locator(ROWS).evaluate_all("rows => rows.map(r => parseFloat(r.dataset.value))")
        assert values == sorted(values, reverse=True) and len(values) == 13
        assert watch.problems == []


def rows_both_ways(browser: Any, site: Path, rows: int) -> tuple[list[str], list[str]]:
    """The list's rows as the script shows them (waiting for ``rows``) and as the page writes them, each
    row's HTML with its white space between tags made one."""
    with served(site) as base, opened(browser, base) as (page, watch):
        visit(page, base + "contracts/index.html")
        page.locator(ROWS).nth(rows - 1).wait_for()
        scripted = page.locator(ROWS).evaluate_all("rows => rows.map(r => r.outerHTML)")
        assert watch.problems == []
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto((site / "contracts" / "index.html").as_uri())
        written = page.locator(ROWS).evaluate_all("rows => rows.map(r => r.outerHTML)")
    finally:
        context.close()

    def norm(row: str) -> str:
        return " ".join(row.replace("><", "> <").split()).replace("> <", "><")

    return [norm(row) for row in scripted], [norm(row) for row in written]


def test_rows_from_the_index_look_like_the_rows_of_the_page(browser: Any, long_list: Built) -> None:
    """The first rows, made by the script from the index and written by the template, are the same HTML."""
    scripted, written = rows_both_ways(browser, long_list.site, 13)
    assert len(written) == 5
    assert scripted[:5] == written


def test_hostile_text_from_the_index_runs_nothing(browser: Any, tmp_path: Path) -> None:
    built = _built(write_hostile(tmp_path / "hostile"), 2)
    with served(built.site) as base, opened(browser, base) as (page, watch):
        page.add_init_script("window.__pwned = 0; window.alert = window.confirm = window.prompt = () => { window.__pwned += 1; };")
        visit(page, base + "contracts/index.html")
        assert page.locator(ROWS).count() > 2
        assert page.evaluate("window.__pwned") == 0
        assert page.locator(".pw-page script, .pw-page img, .pw-page [onclick]").count() == 0
        assert watch.problems == []
