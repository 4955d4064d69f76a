"""Generated pages of the example portfolio: golden files, determinism, public edition, languages, URLs."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from pactwatch.engine import evaluate
from pactwatch.ical.feeds import build_feeds
from pactwatch.load.portfolio import load_portfolio
from pactwatch.naming import page_path
from pactwatch.settings import load_settings
from pactwatch.site.build import build_site
from pactwatch.site.common import prefix
from pactwatch.site.context import SiteInput
from pactwatch.site.history import Change
from pactwatch.site.public import redact
from tests.site.conftest import REPO_ROOT, TODAY, all_pages, copy_example

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_PAGES = ("index.md", "contracts/C-2026-001.md", "contracts/L-2025-002.md", "people/li.na.md", "counterparties/xinghan-tech.md")


def site_input(*, public: bool = False, language: str | None = None) -> SiteInput:
    settings = load_settings(REPO_ROOT)
    if language:
        settings = replace(settings, language=language)
    loaded = load_portfolio(REPO_ROOT, TODAY, settings=settings, use_cache=False)
    portfolio = redact(loaded.portfolio) if public else loaded.portfolio
    ev = evaluate(portfolio, TODAY)
    feeds = build_feeds(ev, public=public)
    history = {"contracts/sales/C-2026-001.yaml": (Change("a" * 40, TODAY, "Li Na", "Collect M4 (#7)", 7),)}
    return SiteInput(ev, loaded.findings, history, tuple(sorted(feeds)), public, REPO_ROOT)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return all_pages(site_input())


@pytest.mark.parametrize("path", GOLDEN_PAGES)
def test_golden_pages(pages: dict[str, str], path: str) -> None:
    golden = GOLDEN / path.replace("/", "__")
    if os.environ.get("PACTWATCH_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(pages[path], encoding="utf-8")
    assert pages[path] == golden.read_text(encoding="utf-8"), f"{path} differs; rerun with PACTWATCH_UPDATE_GOLDEN=1 and review the diff"


def test_the_same_input_gives_the_same_pages(pages: dict[str, str]) -> None:
    assert all_pages(site_input()) == pages


def test_the_tree_has_every_url(pages: dict[str, str]) -> None:
    sections = {
        "index.md",
        "contracts/index.md",
        "people/index.md",
        "counterparties/index.md",
        "calendar/index.md",
        "kpis/index.md",
        "reports/index.md",
        "problems/index.md",
    }
    assert sections <= set(pages)
    assert len([p for p in pages if p.startswith("contracts/") and p != "contracts/index.md"]) == 13
    assert "people/zhang.wei.md" in pages and "counterparties/xinghan-tech.md" in pages


def test_every_body_is_one_block_without_blank_lines(pages: dict[str, str]) -> None:
    for path, text in pages.items():
        body = text.split("---\n", 2)[2]
        assert body.startswith('\n<div class="pw-page') and body.endswith("</div>\n"), path
        assert "\n\n" not in body.strip() and not re.search(r"\n[ \t]", body), path


def test_links_are_relative_to_each_page(pages: dict[str, str]) -> None:
    assert prefix("index.md") == "" and prefix("contracts/index.md") == "../" and prefix("contracts/C-1.md") == "../"
    assert prefix("contracts/index/index.md") == "../../"
    assert page_path("contracts", "index") == "contracts/index/index.md" and page_path("people", "x.y") == "people/x.y.md"
    contract = pages["contracts/C-2026-001.md"]
    assert 'href="../people/li.na.html"' in contract and 'href="../calendar/contracts/C-2026-001.ics"' in contract
    assert 'href="C-2026-001.html"' in pages["contracts/index.md"]
    assert 'href="contracts/index.html?health=overdue"' in pages["index.md"]


def test_every_link_names_a_page_file(pages: dict[str, str]) -> None:
    """Opened from disk (file://), a link to a folder shows a directory listing: every page link names its file."""
    for path, text in pages.items():
        for href in re.findall(r'href="([^"]*)"', text):
            if "://" in href or href.startswith(("mailto:", "#")):
                continue
            target = href.split("?")[0].split("#")[0]
            assert target.endswith((".html", ".ics")), (path, href)
            folder = path.rsplit("/", 1)[0] if "/" in path else ""
            file = os.path.normpath(os.path.join(folder, target))
            assert file.endswith(".ics") or file.removesuffix(".html") + ".md" in pages, (path, href)


def test_history_links_pull_requests(pages: dict[str, str]) -> None:
    contract = pages["contracts/C-2026-001.md"]
    assert "Collect M4 (#7)" in contract and 'href="https://github.com/example-co/contracts/pull/7">#7</a>' in contract


def test_public_edition(pages: dict[str, str]) -> None:
    public = all_pages(site_input(public=True))
    text = "\n".join(public.values())
    assert not re.search(r"[¥$€]\d", text)
    assert "dms.example.com" not in text and "Collect M4" not in text
    assert "付款天数" not in text and "penalty_rate_per_day" not in text  # key terms left out
    assert "公开版" in public["index.md"]
    assert set(public) <= set(pages)


def test_english_site() -> None:
    english = all_pages(site_input(language="en"))
    dashboard = english["index.md"]
    assert "Overdue milestones" in dashboard and "As of 2026-11-27" in dashboard
    assert 'title: "Dashboard"' in dashboard
    assert "Edit this contract" in english["contracts/C-2026-001.md"] and "¥1,200,000.00" in english["contracts/C-2026-001.md"]


def test_dashboard_flags_contracts_left_out_for_errors(tmp_path: Path) -> None:
    """A file whose YAML is broken is left off the site: the dashboard says so and links to the data problems,
    which list it apart from files with other errors (those stay on the site, with their problems)."""
    root = copy_example(tmp_path / "p")
    broken = root / "contracts" / "sales" / "C-2026-007.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "extra: [unclosed\n", encoding="utf-8")
    kept = root / "contracts" / "sales" / "C-2026-001.yaml"
    kept.write_text(kept.read_text(encoding="utf-8").replace("owner: zhang.wei", "owner: nobody", 1), encoding="utf-8")
    docs = build_site(root, TODAY, run=False).docs_dir
    dashboard = (docs / "index.md").read_text(encoding="utf-8")
    problems = (docs / "problems" / "index.md").read_text(encoding="utf-8")
    assert not (docs / "contracts" / "C-2026-007.md").exists() and (docs / "contracts" / "C-2026-001.md").is_file()
    assert "1 个合同文件因错误未显示在站点上" in dashboard and "contracts/sales/C-2026-007.yaml" in dashboard
    assert 'href="problems/index.html#left-out"' in dashboard and "C-2026-001.yaml" not in dashboard
    left_out = problems.split('id="left-out"', 1)[1].split("</section>", 1)[0]
    assert "contracts/sales/C-2026-007.yaml" in left_out and "C-2026-001" not in left_out
    assert "结构损坏" in problems and "照常显示" in problems  # the sentence says which files are left out
    assert "PW304" in problems.split('id="left-out"', 1)[0] + problems.split("</section>", 1)[1]  # the kept file's problem is listed


def test_nothing_left_out_no_flag(pages: dict[str, str]) -> None:
    assert 'id="left-out"' not in pages["index.md"] and 'id="left-out"' not in pages["problems/index.md"]
