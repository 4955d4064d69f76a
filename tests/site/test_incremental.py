"""Issue #21: a rebuild on the previous build's folder renders only what changed, and its site is the same,
byte for byte, as a clean build of the same portfolio."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from pactwatch.site import incremental
from pactwatch.site.build import BUILD_DIR, build_site
from tests.conftest import REPO_ROOT, TODAY

EDITED = "contracts/sales/C-2026-001.yaml"
REMOVED = "contracts/service/S-2025-013.yaml"


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _edit(root: Path) -> None:
    path = root / EDITED
    title = "年度智能分拣设备销售合同"
    path.write_text(path.read_text(encoding="utf-8").replace(title, title + "（改）", 1), encoding="utf-8")
    (root / REMOVED).unlink()


def test_a_rebuild_after_an_edit_is_a_clean_build(copy_portfolio: Callable[[Path], Path], tmp_path: Path) -> None:
    root = copy_portfolio(REPO_ROOT)
    first = build_site(root, TODAY)
    assert not first.incremental
    site = root / "site"
    untouched = site / "contracts" / "C-2026-007.html"
    source = (root / BUILD_DIR / "docs" / "contracts" / "C-2026-007.md").stat().st_mtime_ns
    os.utime(untouched, ns=(source, source))  # as old as its Markdown (so still up to date): a rewrite would show
    before = untouched.stat().st_mtime_ns
    _edit(root)
    again = build_site(root, TODAY)
    assert again.incremental
    assert untouched.stat().st_mtime_ns == before  # not rendered again
    assert "（改）" in (site / "contracts" / "C-2026-001.html").read_text(encoding="utf-8")
    assert not (site / "contracts" / "S-2025-013.html").exists()
    assert not build_site(root, TODAY, out=tmp_path / "clean").incremental  # another folder: a clean build
    assert _files(site) == _files(tmp_path / "clean")


def test_a_changed_configuration_or_an_unfinished_build_starts_clean(copy_portfolio: Callable[[Path], Path]) -> None:
    root = copy_portfolio(REPO_ROOT)
    build_site(root, TODAY)
    settings = root / "pactwatch.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert build_site(root, TODAY).incremental  # the same mkdocs.yml: reused
    (root / BUILD_DIR / incremental.STAMP).unlink()  # as a build killed in mkdocs leaves it
    assert not build_site(root, TODAY).incremental
    (root / "mkdocs.yml").write_text("site_name: Another name\n", encoding="utf-8")
    assert not build_site(root, TODAY).incremental  # every page's header changes


def test_the_merged_search_index_keeps_mkdocs_order() -> None:
    def index(*locations: str) -> bytes:
        return json.dumps({"config": {"lang": ["zh"]}, "docs": [{"location": loc, "title": loc, "text": ""} for loc in locations]}).encode()

    previous = index("index.html", "a.html", "a.html#x", "b.html", "gone.html")
    current = index("b.html", "new.html")
    merged = json.loads(incremental.merge_index(previous, current, ["index.html", "a.html", "new.html", "b.html"], {"b.html", "new.html"}))
    assert [d["location"] for d in merged["docs"]] == ["index.html", "a.html", "a.html#x", "new.html", "b.html"]
