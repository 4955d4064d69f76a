"""No overdue item goes quiet: follow-ups every ``overdue_every_days``, and the Monday digest of ``digest: weekly``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from pactwatch.engine import evaluate
from pactwatch.load.portfolio import load_portfolio
from pactwatch.model import Portfolio
from pactwatch.notify import plan
from pactwatch.settings import load_settings
from tests.engine.factories import D, contract, milestone, portfolio
from tests.notify.mailserver import MailServer
from tests.notify.robots import Robots
from tests.notify.test_boundaries_cli import CONTRACT, SETTINGS

REPO_ROOT = Path(__file__).resolve().parents[2]
START = D("2026-10-01")


def _example(weekly: frozenset[str] = frozenset()) -> Portfolio:
    loaded = load_portfolio(REPO_ROOT, START, settings=load_settings(REPO_ROOT), use_cache=False)
    people = {k: replace(p, digest="weekly") if k in weekly else p for k, p in loaded.portfolio.people.items()}
    return replace(loaded.portfolio, people=people)


def _longest_silence(p: Portfolio, days: int) -> tuple[int, str]:
    """Walk ``days`` days from START, one run a day; the longest run of overdue days with no mention of the item."""
    last: dict[tuple[str, date], date] = {}
    worst, where = 0, ""
    for k in range(days):
        day = START + timedelta(days=k)
        ev = evaluate(p, day)
        for notice in plan.notices_for(ev, (day,)):
            last[(notice.occurrence.ref, notice.occurrence.due)] = day
        for o in ev.occurrences:
            if o.state != "overdue":
                continue
            # never mentioned yet: silent since it fell due, or since the walk began
            said = last.get((o.ref, o.due), max(o.due, START - timedelta(days=1)))
            silence = (day - said).days
            if silence > worst:
                worst, where = silence, f"{o.ref} on {day}"
    return worst, where


@pytest.mark.parametrize("weekly", [frozenset(), frozenset({"chen.jing", "li.na", "zhang.wei"})], ids=["single", "some weekly"])
def test_every_overdue_item_is_mentioned_at_least_every_7_days_for_120_days(weekly: frozenset[str]) -> None:
    p = _example(weekly)
    assert any(o.state == "overdue" for o in evaluate(p, START + timedelta(days=119)).occurrences)
    worst, where = _longest_silence(p, 120)
    assert worst < 7, where  # mentioned on a day, then again within the next 7


def test_without_follow_ups_an_overdue_item_would_go_quiet() -> None:
    """The walk above can fail: with follow-ups a year apart, items fall silent for weeks."""
    p = _example()
    worst, _ = _longest_silence(replace(p, settings=replace(p.settings, overdue_every_days=365)), 120)
    assert worst > 30


def test_a_weekly_person_hears_on_mondays_only_and_the_manager_is_copied_once_escalated() -> None:
    p = portfolio(contract("C-1", (milestone("M1", "2026-12-10"), milestone("M2", "2027-02-01"))))
    p = replace(p, people={**p.people, "ann": replace(p.people["ann"], digest="weekly")})
    heard = {}
    for k in range(40):
        day = D("2026-11-30") + timedelta(days=k)  # a Monday
        if found := plan.fired(evaluate(p, day)):
            heard[day.isoformat()] = sorted((n.kind, n.occurrence.key, n.days_before, n.escalate_to) for n in found)
    assert heard == {
        "2026-12-07": [("digest", "M1", 3, None)],  # due Thursday: inside its 7-day window
        "2026-12-14": [("digest", "M1", -4, None)],
        "2026-12-21": [("digest", "M1", -11, "bob")],  # more than escalate_after_days late: the manager copied
        "2026-12-28": [("digest", "M1", -18, "bob")],
        "2027-01-04": [("digest", "M1", -25, "bob")],
    }
    keys = {n.key for k in range(3) for n in plan.fired(evaluate(p, D("2026-12-14") + timedelta(days=7 * k)))}
    assert "C-1/M1|2026-12-10|week2026-12-21" in keys and len(keys) == 3


def test_weekly_digest_end_to_end_one_message_per_channel_on_mondays_and_a_rerun_sends_nothing(
    write_portfolio: Callable[..., Path],
    run_cli: Callable[..., object],
    mailserver: MailServer,
    robots: Robots,
    environment: Callable[[], dict[str, str]],
    tmp_path: Path,
) -> None:
    environment()
    people = """\
people:
  - {id: ann, name: Ann Lee, email: ann@example.com, mobile: "13900000001", manager: bob, digest: weekly}
  - {id: bob, name: Bob Ma, email: bob@example.com, dingtalk: bob-ding}
"""
    settings = SETTINGS.format(port=mailserver.port)
    root = write_portfolio({"pactwatch.yml": settings, "people.yaml": people, "contracts/sales/C-2026-100.yaml": CONTRACT})
    state = tmp_path / "state.json"
    mails: dict[str, list[str]] = {}
    for k in range(22):
        day = date(2026, 11, 30) + timedelta(days=k)
        before = len(mailserver.inbox.mails)
        for _ in range(2):  # the second run of a day finds everything in the delivery log
            result = run_cli("remind", "--root", root, "--today", day.isoformat(), "--state", state, "--retry-wait", "0")
            assert result.code == 0, result.out + result.err  # type: ignore[attr-defined]
        for mail in mailserver.inbox.mails[before:]:
            mails.setdefault(day.isoformat(), []).append(f"{mail.message['To']} cc={mail.message['Cc']}")
    ann = "Ann Lee <ann@example.com>"
    assert {d: [m for m in ms if m.startswith(ann)] for d, ms in mails.items() if any(m.startswith(ann) for m in ms)} == {
        "2026-12-07": [f"{ann} cc=None"],  # M1 due 12-10: one digest, on Monday
        "2026-12-14": [f"{ann} cc=None"],  # M1 4 days overdue
        "2026-12-21": [f"{ann} cc=Bob Ma <bob@example.com>"],  # escalated on Friday 12-18: the manager copied
    }
    body = mailserver.inbox.to("ann@example.com")[1].message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "overdue by 4 days" in body and "Deliver pumps" in body
    assert sorted(mails) == ["2026-12-04", "2026-12-06", "2026-12-07", "2026-12-13", "2026-12-14", "2026-12-20", "2026-12-21"]
    assert len(robots.of("dingtalk")) == len(mails)  # one group message on each day someone heard, no more
