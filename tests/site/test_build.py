"""Whole builds with mkdocs-material: URLs, feeds, navigation, history, public edition, reproducibility."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pactwatch.site.build import build_site
from pactwatch.site.render import SEARCH_ONLY
from tests.site.conftest import TODAY, Built, copy_example
from tests.site.test_safety import shape

URLS = (  # pages are files, so the site works from disk too (file://)
    "index.html",
    "contracts/index.html",
    "contracts/C-2026-001.html",
    "people/index.html",
    "people/zhang.wei.html",
    "counterparties/index.html",
    "counterparties/xinghan-tech.html",
    "calendar/index.html",
    "kpis/index.html",
    "reports/index.html",
    "problems/index.html",
)


def html(site: Path, url: str) -> str:
    return (site / url).read_text(encoding="utf-8")


def contract_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "contracts").glob("*.html") if p.name != "index.html")


def article(page: str) -> str:
    """The generated block inside the page mkdocs wrote."""
    start = page.index('<div class="pw-page')
    end = page.index("<!-- pw:end -->") if "<!-- pw:end -->" in page else page.rindex("</article>")
    return page[start:end]


def test_every_documented_url_exists(example_site: Built) -> None:
    for url in URLS:
        assert (example_site.site / url).is_file(), url
    assert example_site.result.contracts == 13
    assert len(contract_pages(example_site.site)) == 13
    sections = {p.relative_to(example_site.site).as_posix() for p in example_site.site.rglob("index.html")}
    assert sections == {url for url in URLS if url.endswith("index.html")}  # no folder per page


def test_feeds_are_published_under_calendar(example_site: Built) -> None:
    calendar = example_site.site / "calendar"
    assert (calendar / "all.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert (calendar / "contracts" / "C-2026-001.ics").is_file()
    assert (calendar / "people" / "zhang.wei.ics").is_file()
    page = html(example_site.site, "contracts/C-2026-001.html")
    assert 'href="../calendar/contracts/C-2026-001.ics"' in page
    assert 'href="webcal://contracts.example.com/calendar/contracts/C-2026-001.ics"' in page
    assert 'href="https://contracts.example.com/calendar/contracts/C-2026-001.ics"' in page


def test_navigation_lists_only_the_sections(example_site: Built) -> None:
    page = html(example_site.site, "contracts/C-2026-001.html")
    tabs = re.findall(r'<a href="[^"]*" class="md-tabs__link">\s*([^<]*?)\s*</a>', page)
    assert tabs == ["概览", "合同", "人员", "相对方", "日历", "指标", "报告", "数据问题"]
    assert "C-2026-007" not in page.split('<div class="pw-page', 1)[0]  # no other contract in the page chrome


def test_theme_language_search_and_no_external_requests(example_site: Built) -> None:
    page = html(example_site.site, "index.html")
    assert '<html lang="zh"' in page
    assert "fonts.googleapis" not in page and "fonts.gstatic" not in page
    for url in re.findall(r'(?:src|href)="(https?:[^"]+)"', page):
        assert "contracts.example.com" in url or "github.com/example-co" in url, url  # links only, never loaded
    for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page):
        if 'rel="canonical"' in tag:
            continue  # names the page's public address; nothing is fetched
        for url in re.findall(r'(?:src|href)="([^"]+)"', tag):
            assert not url.startswith(("http:", "https:", "//")), tag
    index = json.loads((example_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "\\u200b" in index["config"]["separator"] or "\u200b" in index["config"]["separator"]
    contract = next(d for d in index["docs"] if d["location"] == "contracts/C-2026-001.html")
    assert "分拣" in contract["title"].replace("\u200b", "")
    assert "\u200b" in contract["title"]  # jieba segmented it
    assert not any("逾期天数" in d["text"] for d in index["docs"])  # tables are not indexed
    assert "现场安装验收" in contract["text"].replace("\u200b", "")  # a milestone's title: indexed, not on the page
    assert "pw-search-terms" not in html(example_site.site, "contracts/C-2026-001.html")  # render.SEARCH_ONLY
    raw = (example_site.site / "search" / "search_index.json").read_bytes()
    assert contract["title"].encode() in raw and b", " not in raw  # UTF-8 and no spaces: a third smaller
    assert not re.search(rb"\\u[4-9][0-9a-f]{3}", raw)  # no Chinese character written as an escape
    assert (example_site.site / "search" / "search_index.js").read_bytes() == b"var __index = " + raw


def test_contract_page_content(example_site: Built) -> None:
    page = html(example_site.site, "contracts/C-2026-001.html")
    assert 'href="https://github.com/example-co/contracts/edit/main/contracts/sales/C-2026-001.yaml"' in page
    assert "¥1,200,000.00" in page and "2026年2月15日" in page
    assert page.count("data-pw-gantt='[[1000,") == 1  # the timeline's data, drawn by assets/pactwatch.js
    assert 'href="../counterparties/xinghan-tech.html"' in page and 'href="../people/zhang.wei.html"' in page
    assert 'href="https://dms.example.com/c/2026-001"' in page


def test_history_with_pull_requests(example_site: Built) -> None:
    page = article(html(example_site.site, "contracts/C-2026-001.html"))
    assert "质保回访改为客户现场" in page and 'href="https://github.com/example-co/contracts/pull/15">#15</a>' in page
    assert "Import the contract portfolio (#12)" in page and 'pull/12">#12</a>' in page
    assert "Zhang Wei" in page
    other = article(html(example_site.site, "contracts/L-2025-002.html"))
    assert "pull/12" in other and "pull/15" not in other


def test_rebuild_rewrites_nothing_and_is_identical(example_site: Built) -> None:
    docs = example_site.result.docs_dir
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    again = build_site(example_site.root, TODAY, run=False)
    assert again.written == 0 and again.removed == 0 and again.feeds_written == 0
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before


def test_stale_pages_are_removed(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "p")
    first = build_site(root, TODAY, run=False)
    assert (first.docs_dir / "contracts" / "N-2026-005.md").is_file()
    assert (root / "site" / "calendar" / "contracts" / "N-2026-005.ics").is_file()
    (root / "contracts" / "nda" / "N-2026-005.yaml").unlink()
    second = build_site(root, TODAY, run=False)
    assert not (first.docs_dir / "contracts" / "N-2026-005.md").exists()
    assert second.removed == 2  # its page and the page of its counterparty (which has no other contract)
    assert not (root / "site" / "calendar" / "contracts" / "N-2026-005.ics").exists()


def test_contract_ids_that_mkdocs_reads_as_index_pages(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "p")
    source = (root / "contracts" / "nda" / "N-2026-005.yaml").read_text(encoding="utf-8")
    for name in ("index", "README"):
        (root / "contracts" / "nda" / f"{name}.yaml").write_text(source.replace("id: N-2026-005", f"id: {name}"), encoding="utf-8")
    result = build_site(root, TODAY)
    assert result.contracts == 15
    index = html(result.site_dir, "contracts/index.html")
    assert "<h1>" in index and 'data-pw-table="contracts"' in index
    for name in ("index", "README"):
        assert "保密协议" in html(result.site_dir, f"contracts/{name}/index.html")
        assert f'href="{name}/index.html"' in index


def test_two_builds_in_different_folders_are_identical(tmp_path: Path) -> None:
    trees = []
    for name in ("a", "b"):
        root = copy_example(tmp_path / name)
        result = build_site(root, TODAY, run=False)
        pages = {p.relative_to(result.docs_dir).as_posix(): p.read_bytes() for p in result.docs_dir.rglob("*") if p.is_file()}
        feeds = {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "site" / "calendar").rglob("*.ics")}
        trees.append(pages | feeds)
    assert trees[0] == trees[1]
    assert "site/calendar/all.ics" in trees[0] and "contracts/C-2026-001.md" in trees[0]


def test_public_edition_leaves_out_amounts_documents_and_confidential(public_site: Built) -> None:
    site = public_site.site
    assert not (site / "contracts" / "C-2026-007.html").exists()
    assert not (site / "calendar" / "contracts" / "C-2026-007.ics").exists()
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "C-2026-007" not in text, path
        assert not re.search(r"[¥$€]\d", text), path
        assert "dms.example.com" not in text, path
    for path in (site / "calendar").rglob("*.ics"):
        data = path.read_text(encoding="utf-8")
        assert "C-2026-007" not in data and "dms.example.com" not in data and "¥" not in data, path


def test_average_contract_page_is_small(example_site: Built) -> None:
    sizes = [p.stat().st_size for p in contract_pages(example_site.site)]
    assert sum(sizes) / len(sizes) <= 60_000


def test_plain_mkdocs_builds_the_same_pages_without_the_accelerator(example_site: Built, tmp_path: Path) -> None:
    """The generated tree and its mkdocs.yml build with the plain mkdocs command line (no pactwatch plugin)."""
    config = example_site.result.config_file
    out = tmp_path / "plain"
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)],
        capture_output=True,
        text=True,
        env={"SOURCE_DATE_EPOCH": "1795737600", "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert run.returncode == 0, run.stderr
    # the accelerator leaves out the paragraph that only the search index needs (render.SEARCH_ONLY)
    unsearched = lambda page: SEARCH_ONLY.sub("", page)  # noqa: E731
    for url in ("index.html", "contracts/C-2026-001.html", "calendar/index.html", "kpis/index.html"):
        fast, plain = html(example_site.site, url), html(out, url)
        assert article(fast).split() == article(unsearched(plain)).split(), url
    details = [sorted((out / folder).glob("*.html")) for folder in ("contracts", "people", "counterparties")]
    for page in [p for pages in details for p in pages if p.name != "index.html"]:
        url = page.relative_to(out).as_posix()
        assert html(example_site.site, url).split() == unsearched(page.read_text(encoding="utf-8")).split(), url  # whole
    fast_index = json.loads((example_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    plain_index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    squash = lambda docs: [(d["location"], " ".join(d["title"].split()), " ".join(d["text"].split())) for d in docs]  # noqa: E731
    assert squash(fast_index["docs"]) == squash(plain_index["docs"])


def test_hostile_site_pages_have_no_markup_from_data(hostile_site: Built) -> None:
    pages = sorted(hostile_site.site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        text = path.read_text(encoding="utf-8")
        if '<div class="pw-page' not in text:
            continue
        found = shape(article(text))
        assert not [t for t, _ in found.tags if t in ("script", "iframe", "img", "object", "embed", "svg") and t != "svg"], path
        assert not [(t, n) for t, n, _ in found.values if n.startswith("on")], path
        whole = shape(text)
        assert not [(t, n) for t, n, _ in whole.values if n.startswith("on")], path
        assert not [t for t, _ in whole.tags if t in ("iframe", "img", "object", "embed")], path
        title = re.search(r"<title>(.*?)</title>", text, re.S)
        assert title is not None and "<" not in title.group(1), path
        assert "<script>alert" not in text, path


def test_a_big_search_index_is_not_copied_as_a_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Over DISK_INDEX_MAX_BYTES the index is only JSON (served sites); a smaller earlier build's script goes."""
    from pactwatch.site import build

    search = tmp_path / "search"
    search.mkdir()
    (search / "search_index.json").write_text('{"config": {}, "docs": [{"title": "合同"}]}', encoding="utf-8")
    build.write_disk_search_index(tmp_path)
    small = (search / "search_index.json").read_bytes()
    assert (search / "search_index.js").read_bytes() == b"var __index = " + small
    monkeypatch.setattr(build, "DISK_INDEX_MAX_BYTES", len(small) - 1)
    build.write_disk_search_index(tmp_path)
    assert (search / "search_index.json").read_bytes() == small and not (search / "search_index.js").exists()


def test_the_sitemap_lists_every_page_a_line_each(example_site: Built) -> None:
    """templates/site/theme/sitemap.xml: mkdocs' addresses and dates, without its indentation (a third smaller)."""
    import xml.etree.ElementTree as ET

    raw = (example_site.site / "sitemap.xml").read_text(encoding="utf-8")
    urls = [u.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc") for u in ET.fromstring(raw)]
    pages = sorted(p.relative_to(example_site.site).as_posix() for p in example_site.site.rglob("*.html") if p.name != "404.html")
    assert sorted(str(u).removeprefix("https://contracts.example.com/") for u in urls) == pages
    assert raw.startswith("<?xml") and "\n " not in raw and raw.count("\n") == len(urls) + 2
