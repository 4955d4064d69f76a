"""Issue #21: build prints the site's size and its largest pages and feeds, and exits 1 over its budget."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pactwatch.site.budget import measure, parse_size
from tests.conftest import REPO_ROOT, TODAY, CliResult


@pytest.mark.parametrize(
    ("text", "size"), [("1GB", 10**9), ("800MB", 8 * 10**8), ("250", 25 * 10**7), ("1.5g", 15 * 10**8), ("500kb", 5 * 10**5)]
)
def test_sizes(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "-1GB", "0", "1TB"])
def test_a_size_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a size"):
        parse_size(text)


def test_measure_names_the_largest_pages_and_feeds(tmp_path: Path) -> None:
    for name, size in {"a.html": 10, "b/c.html": 30, "d.ics": 5, "e/f.ics": 50, "g.js": 7}.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"x" * size)
    size = measure(tmp_path)
    assert (size.total, size.files) == (102, 5)
    assert size.pages == (("b/c.html", 30), ("a.html", 10))
    assert size.feeds == (("e/f.ics", 50), ("d.ics", 5))


def test_build_reports_its_size_and_fails_over_the_budget(
    run_cli: Callable[..., CliResult], copy_portfolio: Callable[[Path], Path]
) -> None:
    root = copy_portfolio(REPO_ROOT)
    out = root / "site"
    over = run_cli("build", "--root", root, "--today", TODAY.isoformat(), "--max-size", "100KB", "-o", out)
    assert over.code == 1, over.err
    assert "站点大小" in over.err and "超过上限 100 KB" in over.err
    assert "最大的页面：" in over.out and "最大的订阅：" in over.out
    settings = root / "pactwatch.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\nsite:\n  max_size_mb: 1\n", encoding="utf-8")
    assert run_cli("build", "--root", root, "--today", TODAY.isoformat(), "-o", out).code == 1
    fits = run_cli("build", "--root", root, "--today", TODAY.isoformat(), "--max-size", "1GB", "-o", out)
    assert fits.code == 0, fits.err
    bad = run_cli("build", "--root", root, "--max-size", "lots", "-o", out)
    assert bad.code == 2 and "not a size" in bad.err
