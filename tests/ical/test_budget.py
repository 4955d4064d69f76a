"""Issue #21: the aggregate feeds' window and size budget (``feeds: {window: ..., max_mb: 3}``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from pactwatch.engine import Evaluation, evaluate
from pactwatch.ical import build_feeds
from pactwatch.ical.events import event_uid
from pactwatch.ical.horizon import Horizon, Item, fit
from pactwatch.load.portfolio import load_portfolio
from pactwatch.settings import load_settings
from tests.conftest import REPO_ROOT
from tests.ical.builders import SETTINGS, TODAY, contract, milestone, parse_icalendar, portfolio
from tests.ical.reference import plan_feeds, render_feeds


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


def spread(budget_mb: float = 3) -> Evaluation:
    """One contract: overdue items 700 and 5 days old, done ones 50 and 10 days ago, upcoming ones 2 to 390 days
    ahead, and one 500 days ahead, beyond the 400-day window."""
    done = {"status": "done"}
    milestones = [
        milestone("OLD", day(-700)),
        milestone("LATE", day(-5)),
        milestone("D50", day(-50), completed_on=TODAY - timedelta(days=50), **done),
        milestone("D10", day(-10), completed_on=TODAY - timedelta(days=10), **done),
        *(milestone(f"U{n}", day(n)) for n in (2, 30, 100, 200, 390)),
        milestone("FAR", day(500)),
    ]
    settings = replace(SETTINGS, feed_max_mb=budget_mb)
    return evaluate(portfolio(contract("C-1", *milestones), settings=settings), TODAY)


def uids(data: bytes) -> set[str]:
    return {event.uid for event in parse_icalendar(data)[1]}


def held(data: bytes) -> set[str]:
    """The milestone ids of a feed of contract C-1."""
    names = {event_uid("C-1", m): m for m in ("OLD", "LATE", "D50", "D10", "U2", "U30", "U100", "U200", "U390", "FAR")}
    return {names[uid] for uid in uids(data)}


def description(data: bytes) -> str:
    return str(parse_icalendar(data)[0]["x-wr-caldesc"])


def test_the_window_holds_overdue_items_however_old_and_nothing_beyond_its_end() -> None:
    """Before: every open occurrence however far ahead (46,000 upcoming events in all.ics at 10,000 contracts)."""
    files = build_feeds(spread(), public=False)
    assert held(files["all.ics"]) == {"OLD", "LATE", "D50", "D10", "U2", "U30", "U100", "U200", "U390"}
    assert held(files["people/ann.ics"]) == held(files["all.ics"])
    assert "FAR" in held(files["contracts/C-1.ics"]) and len(held(files["contracts/C-1.ics"])) == 10


def test_a_feed_over_its_budget_narrows_from_the_farthest_future_and_keeps_every_overdue_item() -> None:
    full = build_feeds(spread(), public=False)["all.ics"]
    budget = len(full) - 1
    narrowed = build_feeds(spread(budget / 1e6), public=False)["all.ics"]
    assert len(narrowed) <= budget
    assert held(narrowed) == held(full) - {"U390"}  # 390 of 400 days ahead: the farthest goes first
    end = format_day(TODAY + timedelta(days=389))
    assert f"至 {end} 之间的节点：时间范围已缩短，使订阅不超过 {budget / 1e6:g} MB" in description(narrowed)
    assert "contracts/C-1.ics" in build_feeds(spread(budget / 1e6), public=False)  # contract feeds stay complete
    assert len(held(build_feeds(spread(budget / 1e6), public=False)["contracts/C-1.ics"])) == 10


def test_past_items_go_after_the_future_ones_at_the_same_distance_and_overdue_ones_never() -> None:
    full = build_feeds(spread(), public=False)["all.ics"]
    sizes = {n: len(build_feeds(spread(n / 1e6), public=False)["all.ics"]) for n in (3000, 2000)}
    small = build_feeds(spread(0.002), public=False)["all.ics"]
    assert sizes[2000] <= 2000 < len(full)
    # 50 of 60 days back is farther than 2, 30 and 100 of 400 ahead: D50 goes before U2, U30 and U100
    assert "D50" not in held(small) and {"OLD", "LATE"} <= held(small)
    assert held(small) <= {"OLD", "LATE", "D10", "U2", "U30", "U100"}


def test_overdue_items_alone_over_the_budget_are_all_kept_and_the_feed_says_so() -> None:
    files = build_feeds(spread(0.0001), public=False)
    assert held(files["all.ics"]) == {"OLD", "LATE"}
    assert description(files["all.ics"]).startswith("只包含逾期节点（无论多久）：仅逾期节点就已占满 0.0001 MB 的上限")


def test_fit_is_a_pure_cut_by_day() -> None:
    today = date(2026, 1, 10)
    window = Horizon(date(2026, 1, 1), date(2026, 2, 9))  # 9 days back, 30 ahead
    items = [Item(today + timedelta(days=n), n < -9, b"x" * 10) for n in (-20, -8, -1, 0, 3, 29)]
    horizon, kept = fit(items, window, today, 10 * 6, lambda h: 0)
    assert (horizon, len(kept)) == (window, 6)
    horizon, kept = fit(items, window, today, 10 * 4, lambda h: 0)  # 8/9 back is farther than 3/30 ahead: both go
    assert (horizon, len(kept)) == (Horizon(date(2026, 1, 3), date(2026, 2, 7), shortened=True), 4)  # up to the dropped days
    horizon, kept = fit(items, window, today, 5, lambda h: 0)
    assert horizon.empty and kept == [b"x" * 10]  # the overdue item stays, over the budget


@pytest.fixture(scope="module")
def example() -> Evaluation:
    loaded = load_portfolio(REPO_ROOT, TODAY, settings=load_settings(REPO_ROOT), use_cache=False)
    tight = replace(loaded.portfolio.settings, feed_max_mb=0.006)
    return evaluate(replace(loaded.portfolio, settings=tight), TODAY)


def test_narrowing_gives_the_same_bytes_for_any_jobs_and_the_reference(example: Evaluation, monkeypatch: pytest.MonkeyPatch) -> None:
    from pactwatch.ical import workers

    one = build_feeds(example, public=False)
    assert "时间范围已缩短" in description(one["all.ics"])  # the budget bites: the test means something
    assert len(one["all.ics"]) <= 6000
    monkeypatch.setattr(workers, "EVENT_SECONDS", 1.0)  # the example is small: make it fork anyway
    assert build_feeds(example, public=False, jobs=3) == one == render_feeds(plan_feeds(example, public=False))


def test_public_lean_events_hold_no_amount_nor_document(example: Evaluation) -> None:
    for path, data in build_feeds(example, public=True).items():
        assert "¥".encode() not in data and b"dms.example.com" not in data, path


def test_the_build_warns_of_a_feed_its_overdue_items_fill(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pactwatch.commands.build import check_size

    (tmp_path / "calendar" / "people").mkdir(parents=True)
    (tmp_path / "calendar" / "contracts").mkdir()
    (tmp_path / "calendar" / "people" / "ann.ics").write_bytes(b"x" * 2_000)
    (tmp_path / "calendar" / "contracts" / "C-1.ics").write_bytes(b"x" * 2_000)  # complete by design: not named
    (tmp_path / "calendar" / "all.ics").write_bytes(b"x" * 500)
    assert check_size(tmp_path, replace(SETTINGS, feed_max_mb=0.001), None) is False  # a warning, not a failure
    err = capsys.readouterr().err
    said = "订阅 calendar/people/ann.ics 为 2 KB，超过上限 1 KB（feeds: max_mb）：其中仅逾期节点就已超出，全部保留；"
    assert err == said + "日历客户端可能无法加载。\n"


def format_day(value: date) -> str:
    from pactwatch.i18n import format_date

    return format_date(value, "zh")
