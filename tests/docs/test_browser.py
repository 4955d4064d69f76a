"""The documentation site in headless chromium, with the site's checks: no console errors, no request
to another host, and search finds pages in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.site.test_browser import browser, opened, search, served, visit  # noqa: F401 - browser is a fixture

pytestmark = pytest.mark.browser

PAGES = (
    "index.html",
    "en/index.html",
    "en/tutorial.html",
    "en/reference/findings/pw204.html",
    "en/reference/formats/contract.html",
    "zh/index.html",
    "zh/tutorial.html",
    "zh/reference/commands/validate.html",
    "zh/explanation/threat-model.html",
)


def test_pages_load_nothing_from_elsewhere_and_log_no_error(browser: Any, docs_site: Path) -> None:  # noqa: F811
    with served(docs_site) as base, opened(browser, base) as (page, watch):
        for path in PAGES:
            visit(page, base + path)
            assert page.locator("article.md-content__inner h1").count() == 1, path
        assert watch.problems == []
        assert watch.requests > len(PAGES)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("reminder", "Reminders"),  # an English word, an English page
        ("提醒", "提醒渠道"),  # a Chinese word (segmented by jieba at build time), a Chinese page
        ("PW305", "PW305"),  # a finding code
    ],
)
def test_search_works_in_both_languages(browser: Any, docs_site: Path, query: str, found: str) -> None:  # noqa: F811
    with served(docs_site) as base, opened(browser, base) as (page, watch):
        visit(page, base + "en/index.html")
        assert found in search(page, query)
        assert watch.problems == []
