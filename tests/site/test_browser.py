"""End to end in a real headless browser: Debian's chromium driven by Playwright, the built site served on 127.0.0.1.

Every page is watched for console errors, page errors, failed requests,
requests to any other host and dialogs. On CI (CI=true) a missing chromium or
Playwright fails these tests; elsewhere they are skipped.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.site.conftest import PAYLOADS, Built

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


def _missing(message: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}: the browser tests must run on CI")
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        _missing(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    try:
        sync_api = importlib.import_module("playwright.sync_api")
    except ImportError:
        _missing("the playwright package is missing (pip install -e '.[test]')")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Watch:
    """What a page did that it must not: console errors, page errors, failed or foreign requests, dialogs."""

    origin: str
    problems: list[str] = field(default_factory=list)
    requests: int = 0

    def attach(self, page: Any) -> None:
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        page.on("request", self._request)
        page.on("dialog", self._dialog)

    def _request(self, request: Any) -> None:
        self.requests += 1
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and f"{parts.scheme}://{parts.netloc}/" != self.origin:
            self.problems.append(f"foreign request: {request.url}")

    def _dialog(self, dialog: Any) -> None:
        self.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()


@contextlib.contextmanager
def opened(browser: Any, base: str) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = context.new_page()
    watch = Watch(base)
    watch.attach(page)
    try:
        yield page, watch
    finally:
        context.close()


def visit(page: Any, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, url
    page.wait_for_load_state("networkidle")


def test_dashboard_renders(browser: Any, example_site: Built) -> None:
    with served(example_site.site) as base, opened(browser, base) as (page, watch):
        visit(page, base)
        assert page.locator(".pw-dashboard h1").inner_text() == "合同履约看板"
        assert page.locator("#overdue tbody tr").count() == example_site.result.overdue
        assert page.locator(".pw-stack a").count() >= 3
        assert page.locator("svg.pw-chart").first.is_visible()
        assert page.locator(".md-tabs__link").count() == 8
        assert watch.problems == []
        assert watch.requests > 3


def test_contract_page_renders(browser: Any, example_site: Built) -> None:
    with served(example_site.site) as base, opened(browser, base) as (page, watch):
        visit(page, base + "contracts/C-2026-001.html")
        assert page.locator("h1").first.inner_text() == "年度智能分拣设备销售合同"
        assert page.locator("svg.pw-gantt").is_visible()
        assert page.locator("svg.pw-gantt use:not(.b)").count() == 6
        assert page.locator("#milestones tbody tr").count() == 6
        assert page.locator("#history tbody tr").count() == 2
        edit = page.get_by_role("link", name="✎ 编辑此合同")
        assert edit.get_attribute("href") == "https://github.com/example-co/contracts/edit/main/contracts/sales/C-2026-001.yaml"
        page.get_by_role("link", name="上海星瀚智能科技有限公司").first.click()
        page.wait_for_load_state("load")
        assert page.url == base + "counterparties/xinghan-tech.html"
        assert watch.problems == []


def test_contracts_filter_and_sort(browser: Any, example_site: Built) -> None:
    with served(example_site.site) as base, opened(browser, base) as (page, watch):
        visit(page, base + "contracts/index.html")
        rows = page.locator("table[data-pw-table=contracts] tbody tr")
        assert rows.count() == 13
        page.fill("input[name=q]", "分拣")
        assert page.locator("table[data-pw-table=contracts] tbody tr:visible").count() == 1
        assert "C-2026-001" in page.locator("table[data-pw-table=contracts] tbody tr:visible").inner_text()
        assert "?q=" in page.url
        page.fill("input[name=q]", "")
        page.select_option("select[name=health]", "overdue")
        visible = page.locator("table[data-pw-table=contracts] tbody tr:visible")
        assert visible.count() == 7
        assert all(h == "overdue" for h in visible.evaluate_all("rows => rows.map(r => r.dataset.health)"))
        assert page.locator(".pw-shown").inner_text() == "显示 7 / 13"
        page.select_option("select[name=health]", "")
        page.click("th[data-sort=value]")
        values = page.locator("table[data-pw-table=contracts] tbody tr").evaluate_all("rows => rows.map(r => parseFloat(r.dataset.value))")
        assert values == sorted(values)
        page.click("th[data-sort=value]")
        values = page.locator("table[data-pw-table=contracts] tbody tr").evaluate_all("rows => rows.map(r => parseFloat(r.dataset.value))")
        assert values == sorted(values, reverse=True)
        assert page.locator("th[data-sort=value]").get_attribute("aria-sort") == "descending"
        visit(page, base + "contracts/index.html?health=overdue")  # dashboard tiles link here
        assert page.locator("select[name=health]").input_value() == "overdue"
        assert page.locator("table[data-pw-table=contracts] tbody tr:visible").count() == 7
        assert watch.problems == []


def search(page: Any, text: str) -> str:
    """Type into the site's search box; -> the text of the results."""
    page.locator(".md-search__input").click()
    page.keyboard.type(text)
    page.keyboard.press("End")  # CJK text arrives as one insertText, without the keyup the search listens for
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    return str(page.locator(".md-search-result__list").inner_text()).replace("\u200b", "")


def test_chinese_search_finds_a_contract(browser: Any, example_site: Built) -> None:
    with served(example_site.site) as base, opened(browser, base) as (page, watch):
        visit(page, base)
        assert "年度智能分拣设备销售合同" in search(page, "分拣")
        assert watch.problems == []


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Emily", "Emily Clark"),  # a person with a Latin name, on a Chinese site
        ("Pacific", "Pacific Compute Inc."),  # a counterparty
        ("Compute", "E-2026-008"),  # ... and its contract
        ("验收款", "C-2026-007"),  # a milestone title (验收款 60%), from the contract page's index
    ],
)
def test_search_finds_names_counterparties_and_milestones(browser: Any, example_site: Built, query: str, found: str) -> None:
    with served(example_site.site) as base, opened(browser, base) as (page, watch):
        visit(page, base)
        assert found in search(page, query)
        assert watch.problems == []


def _site_links(page: Any) -> set[str]:
    """The page's links to pages of the site (not feeds to download, other sites, mail or calendar apps)."""
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    return {h.split("#")[0] for h in hrefs if h.startswith("file:") and not h.split("?")[0].endswith(".ics")}


def test_the_site_opened_from_disk_opens_a_page_on_every_link(browser: Any, example_site: Built) -> None:
    """Managers get the site as a zip and open site/index.html: a link to a folder would show a directory listing."""
    with opened(browser, "file:///") as (page, watch):
        targets: set[str] = set()
        for start in ("index.html", "contracts/C-2026-001.html"):
            page.goto((example_site.site / start).as_uri(), wait_until="networkidle")
            targets |= _site_links(page)
        assert len(targets) > 30
        for url in sorted(targets):
            page.goto(url, wait_until="networkidle")  # leaving earlier would cut off the page's own late requests
            assert page.locator("article.md-content__inner").count() == 1, url  # a page of the site, not a listing
        assert watch.problems == []


def test_every_page_of_a_hostile_portfolio_runs_nothing(browser: Any, hostile_site: Built) -> None:
    pages = sorted(p.relative_to(hostile_site.site).as_posix() for p in hostile_site.site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 40
    assert any(p.startswith("statements/") for p in pages)  # the counterparty statements too
    with served(hostile_site.site) as base, opened(browser, base) as (page, watch):
        page.add_init_script("window.__pwned = 0; window.alert = window.confirm = window.prompt = () => { window.__pwned += 1; };")
        for path in pages:
            url = base + path
            visit(page, url)
            assert page.evaluate("window.__pwned") == 0, url
            found = page.evaluate(
                """() => {
                  const bad = [];
                  for (const el of document.querySelectorAll('.pw-page *, .md-header *, head *')) {
                    for (const a of el.attributes) {
                      if (a.name.startsWith('on')) bad.push(el.tagName + '[' + a.name + ']');
                      if (/^\\s*javascript:/i.test(a.value)) bad.push(el.tagName + '=' + a.value);
                    }
                    if (['SCRIPT', 'IFRAME', 'IMG', 'OBJECT', 'EMBED'].includes(el.tagName) && el.closest('.pw-page')) bad.push(el.tagName);
                  }
                  return bad;
                }"""
            )
            assert found == [], (url, found)
        visit(page, base + "contracts/X-000.html")
        assert page.locator(".pw-head h1").inner_text() == f"{PAYLOADS[0]} title"
        visit(page, base + "contracts/X-007.html")
        assert page.locator(".pw-head h1").text_content() == f"{PAYLOADS[7]} title"
        assert page.title().startswith("X-007")
        for number in (0, 9):  # the header's title is the script's, from <title>, set as text
            visit(page, base + f"contracts/X-00{number}.html")
            topic = page.locator("[data-md-component=header-topic]").text_content()
            assert topic == page.title().rsplit(" - ", 1)[0] and "script" in topic, topic
            assert page.locator("[data-md-component=header-topic] .md-ellipsis *").count() == 0
        assert page.evaluate("window.__pwned") == 0
        assert watch.problems == []


def test_a_contract_page_searches_toggles_the_palette_and_draws_its_icons(browser: Any, example_site: Built) -> None:
    """Contract pages use the theme's lean page (detail.html): the same header working the same way."""
    with served(example_site.site) as base, opened(browser, base) as (page, watch):
        visit(page, base + "contracts/C-2026-001.html")
        assert "Emily Clark" in search(page, "Emily")
        page.keyboard.press("Escape")
        scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        page.locator("label[for=__palette_1]:visible, label[for=__palette_0]:visible").first.click()
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") != scheme
        for icon in ("logo", "search", "palette-"):
            shown = page.locator(f"header svg[class^=pw-i-{icon}]:visible").first
            box = shown.bounding_box()
            assert box is not None and box["width"] > 10 and box["height"] > 10, icon
            assert "data:image/svg+xml" in shown.evaluate("e => getComputedStyle(e).maskImage || getComputedStyle(e).webkitMaskImage")
        visit(page, base + "contracts/C-2026-001.html")  # the choice is remembered, as on every page of the theme
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") != scheme
        assert watch.problems == []


def test_a_contract_page_on_a_phone_opens_the_navigation_drawer(browser: Any, example_site: Built) -> None:
    with served(example_site.site) as base:
        context = browser.new_context(viewport={"width": 400, "height": 800}, service_workers="block")
        try:
            page = context.new_page()
            visit(page, base + "contracts/C-2026-001.html")
            assert not page.locator(".md-tabs").is_visible()  # the tabs are for wide screens
            page.locator("label.md-header__button[for=__drawer]").click()
            drawer = page.locator(".md-sidebar--primary .md-nav__link")
            drawer.nth(1).wait_for(state="visible")
            assert drawer.count() == 8
        finally:
            context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_mark_done_and_report_a_delay_open_the_prefilled_issue(browser: Any, example_site: Built, javascript: bool) -> None:
    """The same title and command with or without JavaScript: on the contract page GET forms of GitHub's new-issue
    page that the script writes from the rows' due dates; without it, the owner's page has them as links."""
    with served(example_site.site) as base:
        context = browser.new_context(java_script_enabled=javascript, service_workers="block")
        try:
            page = context.new_page()
            asked: list[str] = []
            page.route("https://github.com/**", lambda route: (asked.append(route.request.url), route.fulfill(body="ok")))
            visit(page, base + "contracts/L-2025-002.html")
            assert page.locator("h1").first.inner_text() and page.locator("#milestones tbody tr").count() > 3
            assert page.locator("svg.pw-gantt use:not(.b)").count() == (13 if javascript else 0)  # drawn by the script
            assert page.locator(".pw-requests button").count() == (2 if javascript else 0)
            where, role = ("contracts/L-2025-002.html", "button") if javascript else ("people/wang.fang.html", "link")
            for name, command in (("标记完成", "/done 2026-11-27"), ("报告延期", "/reschedule 2026-12-10 原因")):
                visit(page, base + where)
                page.get_by_role(role, name=name).first.click()
                page.wait_for_load_state("load")
                query = parse_qs(urlsplit(asked[-1]).query)
                assert asked[-1].startswith("https://github.com/example-co/contracts/issues/new?")
                assert query["title"] == ["[pactwatch] L-2025-002/M4 续租决策（通知截止 2026-12-17 前）"]
                assert query["body"][0].strip() == command
        finally:
            context.close()


DETAIL_PAGES = ("contracts/C-2026-001.html", "people/li.na.html", "counterparties/xinghan-tech.html", "statements/xinghan-tech.html")


def test_detail_pages_with_javascript_search_toggle_and_scroll(browser: Any, example_site: Built) -> None:
    """detail.html's page holds what a reader needs; the palette, search, drawer, back-to-top button and the
    theme's helpers come from assets/pactwatch-shell.js, and work as on any page of the theme."""
    with served(example_site.site) as base, opened(browser, base) as (page, watch):
        for path in DETAIL_PAGES:
            visit(page, base + path)
            assert "年度智能分拣设备销售合同" in search(page, "分拣"), path  # a contract, found from any of them
            page.keyboard.press("Escape")
            scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            page.locator("label[for=__palette_1]:visible, label[for=__palette_0]:visible").first.click()
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") != scheme, path
        topics = ("C-2026-001 年度智能分拣设备销售合同", "李娜", "上海星瀚智能科技有限公司", "合同履约对账单：上海星瀚智能科技有限公司")
        for path, topic in zip(DETAIL_PAGES, topics, strict=True):
            visit(page, base + path)  # the header and footer are the script's: the title from <title>, as text
            assert page.locator(".md-header__topic").all_text_contents() == ["合同履约看板", topic], path
            assert page.locator(".md-header .md-logo").get_attribute("href") == "../index.html", path
            assert page.locator(".md-footer .md-copyright").is_visible(), path
        visit(page, base + DETAIL_PAGES[0])
        title = page.locator(".md-header__title")
        assert "md-header__title--active" not in str(title.get_attribute("class"))
        page.mouse.wheel(0, 1500)  # the page's title takes the site's name's place in the header
        page.wait_for_function("document.querySelector('.md-header__title').classList.contains('md-header__title--active')")
        page.mouse.wheel(0, -300)  # scrolling back up shows the back-to-top button
        page.locator(".md-top").wait_for(state="visible")
        page.locator(".md-top").click()
        page.wait_for_function("window.scrollY === 0")
        assert watch.problems == []


@pytest.mark.parametrize("path", DETAIL_PAGES)
def test_detail_pages_on_a_phone_open_the_drawer_with_the_tabs(browser: Any, example_site: Built, path: str) -> None:
    with served(example_site.site) as base:
        context = browser.new_context(viewport={"width": 400, "height": 800}, service_workers="block")
        try:
            page = context.new_page()
            visit(page, base + path)
            tabs = [tab.strip() for tab in page.locator(".md-tabs__link").all_inner_texts()]  # hidden on a phone
            page.locator("label.md-header__button[for=__drawer]").click()
            drawer = page.locator(".md-sidebar--primary .md-nav__link")
            drawer.nth(1).wait_for(state="visible")
            assert len(tabs) == 8 and drawer.all_inner_texts() == tabs
            assert page.locator(".md-sidebar--primary .md-nav__title .md-logo").get_attribute("href") == "../index.html"
        finally:
            context.close()


@pytest.mark.parametrize("width", [1280, 400])
def test_detail_pages_without_javascript_keep_the_tabs_and_the_content(browser: Any, example_site: Built, width: int) -> None:
    """Without JavaScript the page is its tabs (the navigation, on a phone too: the drawer is made by the script)
    and its content with the <h1> title; the header bar and the footer are the script's, and nothing of the theme
    that needs JavaScript is there (no dead button)."""
    with served(example_site.site) as base:
        context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False, service_workers="block")
        try:
            page = context.new_page()
            for path in DETAIL_PAGES:
                visit(page, base + path)
                assert page.locator(".md-tabs__link:visible").count() == 8, path
                assert page.locator("article h1").first.is_visible(), path
                assert page.locator(".pw-page").first.inner_text().strip(), path
                assert page.locator("header, footer, label, button, form, input, .md-sidebar").count() == 0, path
            # the theme's colours: the state of a milestone and the progress bar read by colour, not by script
            visit(page, base + DETAIL_PAGES[0])
            colour = "el => getComputedStyle(el).backgroundColor"
            assert page.locator(".pw-progress > span").first.evaluate(colour) not in ("rgba(0, 0, 0, 0)", "transparent")
            assert page.locator(".pw-ms tr.l b, .pw-ms tr b").first.evaluate(colour) not in ("rgba(0, 0, 0, 0)", "transparent")
        finally:
            context.close()
