"""pactwatch feeds as a whole command on a copy of the example portfolio."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pactwatch.catalogue import word
from pactwatch.ical.events import event_uid
from tests.conftest import REPO_ROOT, CliResult
from tests.ical.builders import D, parse_icalendar

Run = Callable[..., CliResult]


@pytest.fixture
def example(copy_portfolio: Callable[[Path], Path]) -> Path:
    return copy_portfolio(REPO_ROOT)


def events_by_uid(path: Path) -> dict[str, tuple[object, str]]:
    return {e.uid: (e.start, e.summary) for e in parse_icalendar(path.read_bytes())[1]}


def test_writes_every_feed_under_the_portfolio_and_says_so(run_cli: Run, example: Path) -> None:
    result = run_cli("feeds", "--root", example)
    assert result.code == 0, result.err
    out = example / "site" / "calendar"
    assert (out / "all.ics").is_file()
    assert (out / "people" / "zhang.wei.ics").is_file()
    assert (out / "contracts" / "C-2026-001.ics").is_file()
    assert (out / "counterparties" / "xinghan-tech.ics").is_file()
    assert result.out.count("\n") == 1
    assert "写入 35 个" in result.out and str(out) in result.out  # the portfolio's language (zh)
    again = run_cli("feeds", "--root", example)
    assert again.code == 0
    assert "写入 0 个，未变 35 个" in again.out
    assert again.err == ""  # every aggregate feed is well under its budget
    english = run_cli("feeds", "--root", example, "--lang", "en")  # the feeds' own words change too: all rewritten
    assert english.out.startswith("Calendar feeds: 35, events: 81, in ") and "written 35, unchanged 0" in english.out


def test_a_feed_its_overdue_items_hold_over_the_budget_is_named(run_cli: Run, example: Path) -> None:
    settings = example / "pactwatch.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("feeds:\n", "feeds:\n  max_mb: 0.002\n", 1), encoding="utf-8")
    result = run_cli("feeds", "--root", example)
    assert result.code == 0  # a warning: the overdue items are what the feed is for
    assert "订阅 all.ics 为 " in result.err and "超过上限 2 KB（feeds: max_mb）" in result.err


def test_output_folder_and_byte_identical_reruns(run_cli: Run, example: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert run_cli("feeds", "--root", example, "-o", first, "--today", "2026-11-27").code == 0
    assert run_cli("feeds", "--root", example, "--output", second, "--today", "2026-11-27", "--jobs", "1").code == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*.ics"))
    assert files == sorted(p.relative_to(second) for p in second.rglob("*.ics"))
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_public_flag_drops_confidential_contracts_and_amounts(run_cli: Run, example: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    run_cli("feeds", "--root", example, "-o", out)
    assert (out / "contracts" / "N-2026-005.ics").exists()  # confidential: only in private builds
    result = run_cli("feeds", "--root", example, "-o", out, "--public")
    assert result.code == 0
    assert "（公开版）" in result.out
    assert not (out / "contracts" / "N-2026-005.ics").exists()
    assert "金额".encode() not in (out / "all.ics").read_bytes()


def test_source_date_epoch_sets_dtstamp(run_cli: Run, example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert run_cli("feeds", "--root", example, "-o", tmp_path / "feeds").code == 0
    assert b"DTSTAMP:20231114T221320Z\r\n" in (tmp_path / "feeds" / "all.ics").read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = run_cli("feeds", "--root", example, "-o", tmp_path / "feeds")
    assert result.code == 2
    assert "SOURCE_DATE_EPOCH" in result.err


def test_today_decides_states_and_the_stamp(run_cli: Run, example: Path, tmp_path: Path) -> None:
    assert run_cli("feeds", "--root", example, "-o", tmp_path / "feeds").code == 0  # PACTWATCH_TODAY=2026-11-27
    assert "[逾期]".encode() not in (tmp_path / "feeds" / "contracts" / "C-2026-001.ics").read_bytes()
    assert run_cli("feeds", "--root", example, "-o", tmp_path / "feeds", "--today", "2028-01-01").code == 0
    data = (tmp_path / "feeds" / "contracts" / "C-2026-001.ics").read_bytes()
    assert b"DTSTAMP:20280101T000000Z" in data
    assert "\r\nSUMMARY:[逾期] 质保期中期回访\r\n".encode() in data  # the calendar's name says the contract


def test_uids_survive_edits_of_title_date_and_owner(run_cli: Run, example: Path, tmp_path: Path) -> None:
    feed = tmp_path / "feeds" / "contracts" / "C-2026-001.ics"
    assert run_cli("feeds", "--root", example, "-o", tmp_path / "feeds").code == 0
    before = events_by_uid(feed)
    source = example / "contracts" / "sales" / "C-2026-001.yaml"
    text = source.read_text(encoding="utf-8")
    text = text.replace("title: 年度智能分拣设备销售合同", "title: 年度智能分拣设备销售合同（修订）")
    text = text.replace(
        "    title: 质保期中期回访\n    kind: service\n    due: 2026-12-10\n    owner: liu.yang",
        "    title: 质保期回访（改期）\n    kind: service\n    due: 2027-01-15\n    owner: zhang.wei",
    )
    source.write_text(text, encoding="utf-8")
    assert run_cli("feeds", "--root", example, "-o", tmp_path / "feeds").code == 0
    after = events_by_uid(feed)
    assert set(after) == set(before)
    moved = event_uid("C-2026-001", "M5")
    assert before[moved][0] == D("2026-12-10")
    assert after[moved] == (D("2027-01-15"), "质保期回访（改期）")
    assert "年度智能分拣设备销售合同（修订）".encode() in feed.read_bytes().replace(b"\r\n ", b"").split(b"\r\nX-WR-CALNAME:")[1]
    owner = events_by_uid(tmp_path / "feeds" / "people" / "zhang.wei.ics")
    assert owner[moved] == (D("2027-01-15"), "年度智能分拣设备销售合同（修订） · 质保期回访（改期）")
    assert moved not in events_by_uid(tmp_path / "feeds" / "people" / "liu.yang.ics")


def test_errors_in_the_portfolio_keep_the_last_good_feeds(run_cli: Run, example: Path, tmp_path: Path) -> None:
    assert run_cli("feeds", "--root", example, "-o", tmp_path / "feeds").code == 0
    good = (tmp_path / "feeds" / "all.ics").read_bytes()
    (example / "contracts" / "sales" / "C-2026-001.yaml").write_text("id: C-2026-001\ntitle: [broken\n", encoding="utf-8")
    result = run_cli("feeds", "--root", example, "-o", tmp_path / "feeds")
    assert result.code == 1
    assert word("cli.refusal.feeds", "zh") in result.err
    assert "C-2026-001.yaml" in result.err
    assert (tmp_path / "feeds" / "all.ics").read_bytes() == good


def test_jobs_must_be_positive(run_cli: Run, example: Path) -> None:
    assert run_cli("feeds", "--root", example, "--jobs", "0").code == 2


def test_not_a_portfolio_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("feeds", "--root", tmp_path)
    assert result.code == 2
    assert "not a pactwatch portfolio" in result.err
