"""Every feed of the example portfolio, parsed by icalendar and by vobject, agrees with the engine."""

from __future__ import annotations

import itertools
import os
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pactwatch.engine import Evaluation, Occurrence, evaluate
from pactwatch.i18n import word
from pactwatch.ical import build_feeds
from pactwatch.ical.events import event_uid
from pactwatch.load.portfolio import load_portfolio
from pactwatch.naming import assign_slugs, group_key
from pactwatch.settings import load_settings
from tests.conftest import REPO_ROOT, TODAY
from tests.ical.builders import Parsed, contract, milestone, parse_icalendar, parse_vobject, portfolio
from tests.ical.reference import plan_feeds, render_feeds

GOLDEN = Path(__file__).parent / "golden" / "people-zhang.wei.ics"


@pytest.fixture(scope="module")
def example() -> Evaluation:
    loaded = load_portfolio(REPO_ROOT, TODAY, settings=load_settings(REPO_ROOT), use_cache=False)
    assert not loaded.errors
    return evaluate(loaded.portfolio, TODAY)


@pytest.fixture(scope="module")
def private_feeds(example: Evaluation) -> dict[str, bytes]:
    return build_feeds(example, public=False)


def expected_in(path: str, ev: Evaluation, *, public: bool) -> list[Occurrence]:
    """What the engine says a feed should hold, worked out independently of feeds.py."""
    slugs = assign_slugs([c.counterparty for c in ev.portfolio.contracts])
    kept = [o for o in ev.occurrences if not (public and o.contract.confidential)]
    folder, _, name = path.removesuffix(".ics").partition("/")
    if folder == "contracts":
        return [o for o in kept if o.contract.id == name]
    # the aggregate feeds: overdue occurrences however old, and the rest due within 60 days back and 400 ahead
    kept = [o for o in kept if o.state == "overdue" or -60 <= (o.due - ev.today).days <= 400]
    if path == "all.ics":
        return kept
    if folder == "people":
        return [o for o in kept if o.owner == name]
    return [o for o in kept if slugs[group_key(o.contract.counterparty)] == name]


def check_event(event: Parsed, o: Occurrence, ev: Evaluation, *, public: bool, path: str) -> None:
    """The contract feed's variant, or an aggregate feed's (alarms only in a person's feed): each says what its
    calendar's name does not, and the page link once, as the description's last line."""
    own, person, counterparty = (path.startswith(folder) for folder in ("contracts/", "people/", "counterparties/"))
    if not own and not person:
        assert event.alarms == ()
    lang = ev.portfolio.settings.language
    page = f"https://contracts.example.com/contracts/{o.contract.id}.html"
    assert event.uid == event_uid(o.contract.id, o.key)
    assert (event.start, event.end) == (o.due, o.due + timedelta(days=1))
    marked = o.state != "upcoming"
    assert event.summary.startswith(f"[{word(o.state, lang)}] ") is marked
    title = o.title if own else f"{o.contract.title} · {o.title}"  # the contract feed's calendar name says the contract
    assert event.summary.removeprefix(f"[{word(o.state, lang)}] " if marked else "") == title
    assert event.status == ("CANCELLED" if o.state == "cancelled" else "CONFIRMED")
    assert event.categories == ()
    lines = event.description.split("\n")
    kind = lines[0 if own or counterparty else 1]
    assert word(o.kind, lang) in kind
    assert (f"负责人：{ev.portfolio.people[o.owner].name}" in lines) is (not person)
    assert (f"逾期天数：{o.days_late}" in lines) is (o.days_late > 0)
    assert (kind != word(o.kind, lang)) is (o.amount is not None and not public)  # 付款 · 应收 ¥…
    assert (f"相对方：{o.contract.counterparty.name}" in lines) is (not own and not counterparty)
    assert (lines[-1] == page) is (o.is_open or not own)  # a contract feed links its page once, and from open events
    assert "github.com" not in event.description and "dms.example.com" not in event.description
    assert event.url is None  # Google and Outlook show only the description


@pytest.mark.parametrize("public", [False, True])
def test_every_feed_parses_in_both_parsers_and_matches_the_engine(example: Evaluation, public: bool) -> None:
    files = build_feeds(example, public=public)
    for path, data in files.items():
        expected = expected_in(path, example, public=public)
        calendar, by_icalendar = parse_icalendar(data)
        _, by_vobject = parse_vobject(data)
        assert by_icalendar == by_vobject, path
        assert [e.uid for e in by_icalendar] == [event_uid(o.contract.id, o.key) for o in expected], path
        for event, occurrence in zip(by_icalendar, expected, strict=True):
            check_event(event, occurrence, example, public=public, path=path)
        assert str(calendar["method"]) == "PUBLISH"
        assert str(calendar["x-wr-timezone"]) == "Asia/Shanghai"


def test_the_feed_set(example: Evaluation, private_feeds: dict[str, bytes]) -> None:
    people = {f"people/{p}.ics" for p in example.portfolio.people}
    contracts = {f"contracts/{c.id}.ics" for c in example.portfolio.contracts}
    assert people | contracts | {"all.ics"} <= set(private_feeds)
    assert list(private_feeds) == sorted(private_feeds)
    counterparties = [p for p in private_feeds if p.startswith("counterparties/")]
    assert len(counterparties) == len({group_key(c.counterparty) for c in example.portfolio.contracts})
    assert "counterparties/xinghan-tech.ics" in counterparties
    uids = [e.uid for path in contracts for e in parse_icalendar(private_feeds[path])[1]]
    assert len(set(uids)) == len(uids) == len(example.occurrences)  # the contract feeds together hold everything


def test_calendar_names_are_localised(private_feeds: dict[str, bytes]) -> None:
    assert "NAME:合同节点 · 张伟\r\n".encode() in private_feeds["people/zhang.wei.ics"]
    assert "X-WR-CALNAME:合同节点 · 张伟\r\n".encode() in private_feeds["people/zhang.wei.ics"]
    assert "X-WR-CALNAME:合同节点 · 全部\r\n".encode() in private_feeds["all.ics"]
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in private_feeds["all.ics"]


def test_public_builds_leave_confidential_contracts_out_entirely(example: Evaluation) -> None:
    confidential = [c for c in example.portfolio.contracts if c.confidential]
    assert confidential  # the example has some: the test means something
    files = build_feeds(example, public=True)
    for c in confidential:
        assert f"contracts/{c.id}.ics" not in files
        assert not any(c.title.encode() in data for data in files.values())
    assert not any("¥".encode() in data or b"dms.example.com" in data for data in files.values())
    assert all(p in files for p in (f"people/{pid}.ics" for pid in example.portfolio.people))


def test_output_is_deterministic_and_independent_of_object_identity(example: Evaluation, private_feeds: dict[str, bytes]) -> None:
    loaded = load_portfolio(REPO_ROOT, TODAY, settings=load_settings(REPO_ROOT), use_cache=False)
    assert build_feeds(evaluate(loaded.portfolio, TODAY), public=False) == private_feeds
    assert build_feeds(example, public=False) == private_feeds


def test_parallel_rendering_gives_the_same_bytes(
    example: Evaluation, private_feeds: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pactwatch import parallel
    from pactwatch.ical import workers

    monkeypatch.setattr(workers, "EVENT_SECONDS", 1.0)  # the example is small: make it fork anyway
    assert parallel.worth_parallel(3, 3, len(example.occurrences) * workers.EVENT_SECONDS)
    assert build_feeds(example, public=False, jobs=3) == private_feeds
    assert build_feeds(example, public=False) == render_feeds(plan_feeds(example, public=False))


def test_a_failing_worker_is_redone_in_the_parent(
    example: Evaluation, private_feeds: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pactwatch.ical import workers

    parent, real = os.getpid(), workers.rendered

    def dies_in_a_worker(*args: Any) -> list[workers.Rendered]:
        if os.getpid() != parent:
            os._exit(3)  # a worker killed halfway (out of memory, say)
        return real(*args)

    monkeypatch.setattr(workers, "EVENT_SECONDS", 1.0)
    monkeypatch.setattr(workers, "rendered", dies_in_a_worker)
    assert build_feeds(example, public=False, jobs=2) == private_feeds


def test_slices_cover_everything_in_order() -> None:
    from pactwatch.ical.workers import slices

    for total, jobs in ((10, 2), (100_001, 3), (5, 4)):
        bounds = slices(total, jobs)
        assert bounds[0][0] == 0 and bounds[-1][1] == total
        assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))


def test_stamp_comes_from_today_or_the_given_time(example: Evaluation, private_feeds: dict[str, bytes]) -> None:
    assert b"DTSTAMP:20261127T000000Z\r\n" in private_feeds["all.ics"]
    stamped = build_feeds(example, public=False, stamp=datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert b"DTSTAMP:20200102T030405Z\r\n" in stamped["all.ics"]
    assert b"DTSTAMP:20261127" not in stamped["all.ics"]


def test_every_line_is_crlf_and_at_most_75_octets(private_feeds: dict[str, bytes]) -> None:
    for data in private_feeds.values():
        assert data.endswith(b"END:VCALENDAR\r\n")
        lines = data.split(b"\r\n")[:-1]
        assert all(len(line) <= 75 and b"\n" not in line and b"\r" not in line for line in lines)


def test_reminder_events_setting(example: Evaluation) -> None:
    settings = replace(example.portfolio.settings, reminder_events=True)
    ev = evaluate(replace(example.portfolio, settings=settings), TODAY)
    plan = plan_feeds(ev, public=False)
    files = build_feeds(ev, public=False)
    assert files == render_feeds(plan)  # reminder events are placed by their own sort key: the plain path agrees
    _, events = parse_icalendar(files["all.ics"])
    assert parse_vobject(files["all.ics"])[1] == events
    reminders = [e for e in events if "提醒" in e.categories]
    assert reminders
    windowed = [o for o in ev.occurrences if o.state == "overdue" or -60 <= (o.due - ev.today).days <= 400]
    assert len(events) == len(windowed) + len(reminders)
    assert [e.start for e in events] == sorted(e.start for e in events)
    assert len({e.uid for e in events}) == len(events)


def test_a_hostile_title_cannot_break_a_feed() -> None:
    evil = "坏标题\nEND:VEVENT\nEND:VCALENDAR\nBEGIN:VEVENT\nUID:x;,\\"
    c = contract("C-1", milestone("M1", title=evil), milestone("M2"), title=evil)
    files = build_feeds(evaluate(portfolio(c), TODAY), public=False)
    for path, data in files.items():
        for parse in (parse_icalendar, parse_vobject):
            events = parse(data)[1]
            if path in ("people/bob.ics", "people/cy.ics"):  # they own nothing
                assert events == []
                continue
            assert [e.uid for e in events] == [event_uid("C-1", "M1"), event_uid("C-1", "M2")]
            assert events[0].summary == (evil if path.startswith("contracts/") else f"{evil} · {evil}")


def test_golden_feed_for_one_person(private_feeds: dict[str, bytes]) -> None:
    data = private_feeds["people/zhang.wei.ics"]
    if os.environ.get("PACTWATCH_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_bytes(data)
    assert data == GOLDEN.read_bytes(), "feed changed: review, then rerun with PACTWATCH_UPDATE_GOLDEN=1"


def test_aggregate_feeds_hold_the_window_and_contract_feeds_everything(example: Evaluation) -> None:
    """Issue #21: the all, person and counterparty feeds hold overdue occurrences however old and those due in
    the window (feeds: {window: ...}); done work older than the window and upcoming work beyond it are only in
    its contract's feed."""
    from pactwatch.model import FeedWindow

    settings = replace(example.portfolio.settings, feed_window=FeedWindow(past_days=0, future_days=0))
    ev = evaluate(replace(example.portfolio, settings=settings), TODAY)
    files = build_feeds(ev, public=False)
    everything = {event_uid(o.contract.id, o.key) for o in ev.occurrences}
    held = {e.uid for e in parse_icalendar(files["all.ics"])[1]}
    assert held == {event_uid(o.contract.id, o.key) for o in ev.occurrences if o.state == "overdue" or o.due == TODAY}
    assert any(o.state == "upcoming" and o.due > TODAY for o in ev.occurrences)  # left out: not open enough to stay
    assert held < everything
    contracts = {e.uid for p, data in files.items() if p.startswith("contracts/") for e in parse_icalendar(data)[1]}
    assert contracts == everything
    calendar, _ = parse_icalendar(files["counterparties/xinghan-tech.ics"])
    assert "包含全部逾期节点（无论多久），以及到期日在 2026年11月27日 至 2026年11月27日 之间的节点" in str(calendar["x-wr-caldesc"])
    own = str(parse_icalendar(files["contracts/C-2026-001.ics"])[0]["x-wr-caldesc"])
    assert own.startswith("合同：年度智能分拣设备销售合同（C-2026-001）") and "dms.example.com" in own  # said once


def test_the_window_is_read_from_the_settings(tmp_path: Path) -> None:
    (tmp_path / "pactwatch.yml").write_text(
        "language: en\nfeeds:\n  window: {past_days: 7, future_days: 30}\n  max_mb: 1.5\nsite: {max_size_mb: 900}\n"
    )
    settings = load_settings(tmp_path)
    assert (settings.feed_window.past_days, settings.feed_window.future_days, settings.site_max_mb) == (7, 30, 900)
    assert (settings.feed_max_mb, load_settings(tmp_path / "none").feed_max_mb) == (1.5, 3)
