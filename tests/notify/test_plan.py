"""The pure planner: which notices fire on which day, for whom, and how missed days are caught up."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pactwatch.catalogue import msg
from pactwatch.engine import evaluate
from pactwatch.load.portfolio import load_portfolio
from pactwatch.model import Ack, Person, Settings
from pactwatch.notify import plan
from pactwatch.settings import load_settings
from tests.engine.factories import D, contract, milestone, portfolio

REPO_ROOT = Path(__file__).resolve().parents[2]


def _fired(p: object, day: date) -> list[tuple[str, str, int, str | None]]:
    ev = evaluate(p, day)  # type: ignore[arg-type]
    return sorted((n.owner, n.kind, n.days_before, n.escalate_to) for n in plan.fired(ev))


def test_reminders_fire_on_the_7_3_0_day_boundaries_then_overdue_then_escalation_then_every_week() -> None:
    p = portfolio(contract("C-1", (milestone("M1", "2026-12-10"),)))
    fired = {}
    for offset in range(-20, 30):
        day = D("2026-12-10") + timedelta(days=offset)
        if found := _fired(p, day):
            fired[day.isoformat()] = found
    assert fired == {
        "2026-12-03": [("ann", "reminder", 7, None)],
        "2026-12-07": [("ann", "reminder", 3, None)],
        "2026-12-10": [("ann", "reminder", 0, None)],
        "2026-12-11": [("ann", "overdue", -1, None)],
        "2026-12-18": [("ann", "escalation", 0, "bob")],  # 8 days overdue: more than escalate_after_days (7)
        "2026-12-25": [("ann", "followup", -15, "bob")],  # overdue_every_days (7) after the overdue day, the manager copied
        "2027-01-01": [("ann", "followup", -22, "bob")],
        "2027-01-08": [("ann", "followup", -29, "bob")],
    }


def test_milestone_remind_days_and_settings_reminders_are_honoured() -> None:
    own = milestone("M1", "2026-12-10", remind_days=(14, 1))
    p = portfolio(contract("C-1", (own,)), settings=Settings(reminders=(5,)))
    days = [d for d in (D("2026-12-10") - timedelta(days=k) for k in range(20)) if _fired(p, d)]
    assert days == [D("2026-12-09"), D("2026-11-26")]
    q = portfolio(contract("C-1", (milestone("M1", "2026-12-10"),)), settings=Settings(reminders=(5,)))
    assert [d for d in (D("2026-12-10") - timedelta(days=k) for k in range(20)) if _fired(q, d)] == [D("2026-12-05")]


def test_done_waived_and_inactive_contracts_fire_nothing() -> None:
    done = milestone("M1", "2026-12-10", status="done", completed_on=D("2026-12-01"))
    waived = milestone("M2", "2026-12-10", status="waived")
    draft = contract("C-2", (milestone("M1", "2026-12-10"),), status="draft")
    p = portfolio(contract("C-1", (done, waived)), draft)
    assert all(not _fired(p, D("2026-12-10") - timedelta(days=k)) for k in range(-10, 10))


def test_an_acknowledged_delay_escalates_the_day_after_its_ack_runs_out() -> None:
    acked = milestone("M1", "2026-12-01", ack=Ack(until=D("2026-12-20"), note="waiting for the customer"))
    p = portfolio(contract("C-1", (acked,)))
    escalations = [d for d in (D("2026-12-01") + timedelta(days=k) for k in range(40)) if ("ann", "escalation", 0, "bob") in _fired(p, d)]
    assert escalations == [D("2026-12-21")]


def test_plan_days_catch_up_after_missed_runs_but_not_forever() -> None:
    today = D("2026-11-27")
    assert plan.plan_days(today, None, 7) == (today,)
    assert plan.plan_days(today, D("2026-11-26"), 7) == (today,)
    assert plan.plan_days(today, D("2026-11-24"), 7) == (D("2026-11-25"), D("2026-11-26"), today)
    assert plan.plan_days(today, D("2026-10-01"), 3) == tuple(D(f"2026-11-{d}") for d in (24, 25, 26, 27))
    assert plan.plan_days(today, D("2026-12-01"), 7) == (today,)  # a run for an earlier --today
    assert plan.plan_days(today, D("2026-11-20"), 0) == (today,)


def test_missed_notices_are_read_as_they_stand_today_and_done_ones_drop_out() -> None:
    open_one = milestone("M1", "2026-12-03")  # 7-day reminder on 11-26
    done_since = milestone("M2", "2026-12-03", status="done", completed_on=D("2026-11-27"))  # open on 11-26, done now
    p = portfolio(contract("C-1", (open_one, done_since)))
    current = evaluate(p, D("2026-11-27"))
    notices = plan.notices_for(current, (D("2026-11-26"), D("2026-11-27")))
    assert [(n.occurrence.ref, n.key, n.fired_on, n.occurrence.days_until) for n in notices] == [
        ("C-1/M1", "C-1/M1|2026-12-03|r7", D("2026-11-26"), 6)
    ]


def test_digests_group_per_owner_and_copy_managers_on_escalations() -> None:
    late = milestone("M1", "2026-11-19")  # 8 days overdue on 11-27: escalates that day
    soon = milestone("M2", "2026-11-30", owner="cy")
    p = portfolio(contract("C-1", (late, soon)))
    current = evaluate(p, D("2026-11-27"))
    digests, problems = plan.digests(plan.notices_for(current, (current.today,)), p.people)
    assert problems == []
    assert [(d.person.id, [n.kind for n in d.notices], [c.id for c in d.cc]) for d in digests] == [
        ("ann", ["escalation"], ["bob"]),
        ("cy", ["reminder"], []),
    ]


def test_owners_missing_from_people_are_reported_not_dropped_silently() -> None:
    p = portfolio(contract("C-1", (milestone("M1", "2026-11-30", owner="ghost"),)))
    current = evaluate(p, D("2026-11-27"))
    digests, problems = plan.digests(plan.notices_for(current, (current.today,)), p.people)
    assert digests == [] and problems == [msg("notify.owner_unknown", owner="ghost", count=1)]
    assert problems[0].render("en") == "owner 'ghost' is not in people.yaml: 1 notice cannot be delivered"  # not "1 notices"
    assert problems[0].render("zh") == "负责人 'ghost' 不在 people.yaml 中：1 条提醒无法送达"


def test_group_batches_can_be_limited_to_teams_and_mention_managers_of_escalations() -> None:
    people = {
        "ann": Person("ann", "Ann", team="sales", manager="bob"),
        "bob": Person("bob", "Bob", team="management"),
        "cy": Person("cy", "Cy", team="finance"),
    }
    p = replace(portfolio(contract("C-1", (milestone("M1", "2026-11-19"), milestone("M2", "2026-11-30", owner="cy")))), people=people)
    current = evaluate(p, D("2026-11-27"))
    notices = plan.notices_for(current, (current.today,))
    sales = plan.group_batch(notices, people, ("sales",))
    assert sales is not None and [n.owner for n in sales.notices] == ["ann"] and [m.id for m in sales.mention] == ["ann", "bob"]
    assert plan.group_batch(notices, people, ("legal",)) is None
    everyone = plan.group_batch(notices, people)
    assert everyone is not None and [m.id for m in everyone.mention] == ["ann", "bob", "cy"]


def test_the_example_portfolio_on_the_demo_days() -> None:
    settings_ = load_settings(REPO_ROOT)
    loaded = load_portfolio(REPO_ROOT, D("2026-11-27"), settings=settings_, use_cache=False)
    # calendar CN: the 7-day reminder of Saturday 2026-12-05 would fall on Saturday 11-28, so it is sent on Friday 11-27 (r8)
    expected = {
        "2026-11-27": [
            "E-2026-008/M4|late43",  # acknowledged: the owner is followed up, the manager not copied
            "P-2026-003/M3|r3",
            "S-2026-004/M2|r0",
            "S-2026-004/R1@2026-11-05|late22",
            "S-2026-004/R1@2026-12-05|r8",
        ],
        "2026-11-28": ["F-2026-006/M6|late29", "P-2026-003/M2|escalation", "S-2026-004/M2|overdue"],
        "2026-12-03": ["C-2026-001/M5|r7", "L-2025-002/M4|r7", "O-2026-010/M4|r0"],
    }
    for day, keys in expected.items():
        current = evaluate(loaded.portfolio, D(day))
        notices = plan.notices_for(current, (current.today,))
        assert sorted(f"{n.occurrence.ref}|{n.key.rsplit('|', 1)[1]}" for n in notices) == keys, day
    escalation = next(n for n in plan.fired(evaluate(loaded.portfolio, D("2026-11-28"))) if n.kind == "escalation")
    assert (escalation.owner, escalation.escalate_to) == ("chen.jing", "sun.hao")


@settings(max_examples=60, deadline=None)
@given(
    due_offset=st.integers(min_value=-15, max_value=40),
    reminders=st.sets(st.integers(min_value=0, max_value=30), max_size=4),
    escalate=st.integers(min_value=0, max_value=10),
)
def test_each_event_fires_on_exactly_one_day(due_offset: int, reminders: set[int], escalate: int) -> None:
    """Walking day by day, every reminder offset, the overdue day, the escalation and each follow-up fire once, on their day."""
    start = D("2026-11-01")
    due = start + timedelta(days=due_offset)
    p = portfolio(
        contract("C-1", (milestone("M1", due.isoformat()),)),
        settings=Settings(reminders=tuple(sorted(reminders, reverse=True)), escalate_after_days=escalate),
    )
    seen: dict[str, date] = {}
    for k in range(-60, 60):  # covers every reminder offset (<= 30) of a due date 15 days before start
        day = start + timedelta(days=k)
        for notice in plan.fired(evaluate(p, day)):
            assert notice.key not in seen
            seen[notice.key] = day
    expected = {f"C-1/M1|{due}|r{r}": due - timedelta(days=r) for r in reminders}
    expected[f"C-1/M1|{due}|overdue"] = due + timedelta(days=1)
    expected[f"C-1/M1|{due}|escalation"] = due + timedelta(days=escalate + 1)
    last = start + timedelta(days=59)
    for late in range(8, (last - due).days + 1, 7):  # every overdue_every_days (7) after the overdue day
        if late != escalate + 1:  # the escalation is that day's mention
            expected[f"C-1/M1|{due}|late{late}"] = due + timedelta(days=late)
    assert seen == expected


def test_one_evaluation_answers_for_past_days_as_evaluating_each_day_would() -> None:
    """Catch-up reads past days off today's evaluation; check it against evaluating every past day."""
    loaded = load_portfolio(REPO_ROOT, D("2026-11-27"), settings=load_settings(REPO_ROOT), use_cache=False)
    for offset in range(0, 75, 3):
        today = D("2026-11-01") + timedelta(days=offset)
        current = evaluate(loaded.portfolio, today)
        still_open = {(o.ref, o.due) for o in current.occurrences if o.is_open}
        days = plan.plan_days(today, today - timedelta(days=8), 7)
        slow = set()
        for day in days:
            for notice in plan.fired(evaluate(loaded.portfolio, day)):
                if (notice.occurrence.ref, notice.occurrence.due) in still_open:
                    slow.add((notice.key, notice.fired_on, notice.escalate_to))
        fast = {(n.key, n.fired_on, n.escalate_to) for n in plan.notices_for(current, days)}
        assert fast == slow, today
