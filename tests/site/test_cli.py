"""pactwatch build through the command line: summary, exit codes, output folder, public edition."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import CliResult
from tests.site.conftest import copy_example


def test_build_prints_a_summary(run_cli: Callable[..., CliResult], tmp_path: Path) -> None:
    root = copy_example(tmp_path / "p")
    out = tmp_path / "out"
    result = run_cli("build", "--root", root, "-o", out, "--lang", "en")  # the English summary (zh below)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "13 contracts, 80 milestones, 7 overdue as of 2026-11-27."
    assert f"Site: {out}/index.html" in result.out and "35 calendar feeds" in result.out
    assert (out / "index.html").is_file() and (out / "calendar" / "all.ics").is_file()
    assert result.err == ""


def test_build_public_and_strict(run_cli: Callable[..., CliResult], tmp_path: Path) -> None:
    root = copy_example(tmp_path / "p")
    source = root / "contracts" / "sales" / "C-2026-001.yaml"
    source.write_text(
        source.read_text(encoding="utf-8").replace('url: "https://dms.example.com/c/2026-001"', 'url: "ftp://x"'), encoding="utf-8"
    )
    result = run_cli("build", "--root", root, "--public", "--strict", "--lang", "en")
    assert result.code == 1
    assert "(public)" in result.out and "Validation: 1 error, 0 warnings" in result.err
    assert run_cli("build", "--root", root, "--public").code == 0


def test_build_outside_a_portfolio_is_a_usage_error(run_cli: Callable[..., CliResult], tmp_path: Path) -> None:
    result = run_cli("build", "--root", tmp_path)
    assert result.code == 2 and "not a pactwatch portfolio" in result.err


def test_progress_bar_only_on_a_terminal() -> None:
    import io

    from pactwatch.commands.build import Bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    bar = Bar(screen, width=10)
    bar("pages", 500, 1000)
    bar("pages", 1000, 1000)
    bar("mkdocs", 10, 20)  # too small a job for a bar
    assert screen.getvalue() == "\r  pages [#####.....] 500/1000\r  pages [##########] 1000/1000\n"
    quiet = io.StringIO()
    Bar(quiet)("pages", 1000, 1000)
    assert quiet.getvalue() == ""


def test_build_without_site_url_does_not_crash(run_cli: Callable[..., CliResult], tmp_path: Path) -> None:
    """Most portfolios start without site_url: the feeds get a download link and a note, no webcal button."""
    root = copy_example(tmp_path / "p")
    settings = root / "pactwatch.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("site_url: https://contracts.example.com/\n", ""), encoding="utf-8")
    assert "\nsite_url:" not in settings.read_text(encoding="utf-8")
    result = run_cli("build", "--root", root, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    contract = (tmp_path / "out" / "contracts" / "C-2026-001.html").read_text(encoding="utf-8")
    assert 'href="../calendar/contracts/C-2026-001.ics" download' in contract and "webcal://" not in contract
    calendar = (tmp_path / "out" / "calendar" / "index.html").read_text(encoding="utf-8")
    assert "site_url" in calendar and "webcal://" not in calendar


def test_build_speaks_the_portfolio_language(run_cli: Callable[..., CliResult], tmp_path: Path) -> None:
    from tests.voice.scan import foreign_words

    root = copy_example(tmp_path / "p")
    result = run_cli("build", "--root", root, "-o", tmp_path / "out")  # the example portfolio says language: zh
    assert result.out.splitlines()[0] == "13 个合同，80 个节点，截至 2026-11-27 逾期 7 个。"
    assert not foreign_words(result.out.replace(str(tmp_path), " "), "zh", [], allowed=("KB", "MB"))  # size units
