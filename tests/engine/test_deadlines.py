"""Effective due dates with the 2026 Chinese calendar, as tables: conventions, working-day offsets, relative deadlines.

The 2026 calendar (the State Council notice of November 2025; the holidays package carries the same days):
National Day 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 make-up working days; Spring Festival 02-15..02-23
off, Saturdays 02-14 and 02-28 working; Labour Day 05-01..05-05 off, Saturday 05-09 working; Sunday 01-04 working.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.engine import evaluate, reminders
from pactwatch.engine.deadlines import DeadlineRules, schedule
from pactwatch.i18n import due_note
from pactwatch.model import CalendarSettings, DueAfter, Repeat, Settings
from pactwatch.workdays import build
from tests.engine.factories import D, contract, milestone, portfolio

CN = build(CalendarSettings("CN"))
assert CN is not None
CN_SETTINGS = Settings(calendar=CalendarSettings("CN"), business_day="following")


@pytest.mark.parametrize(
    ("day", "working"),
    [
        ("2026-02-14", True),  # Saturday, make-up working day
        ("2026-02-28", True),
        ("2026-05-09", True),
        ("2026-09-20", True),  # Sunday, make-up working day
        ("2026-10-10", True),  # Saturday, make-up working day
        *((f"2026-10-0{n}", False) for n in range(1, 8)),  # National Day week, 10-01..10-07
        ("2026-10-08", True),
        ("2026-02-16", False),  # Spring Festival
        ("2026-02-23", False),
        ("2026-10-11", False),  # an ordinary Sunday
        ("2026-09-28", True),
    ],
)
def test_the_2026_chinese_calendar_matches_the_state_council_notice(day: str, working: bool) -> None:
    assert CN.is_workday(D(day)) is working


CONVENTIONS = [
    # written, convention, effective
    ("2026-10-01", "following", "2026-10-08"),  # National Day: the first working day after the week off
    ("2026-09-20", "following", "2026-09-20"),  # a Sunday, but a make-up working day: does not move
    ("2026-10-03", "preceding", "2026-09-30"),
    ("2026-05-31", "modified_following", "2026-05-29"),  # Sunday at a month end: following would leave May
    ("2026-10-31", "modified_following", "2026-10-30"),  # Saturday at a month end
    ("2026-10-04", "modified_following", "2026-10-08"),  # mid-month: plain following
    ("2026-10-01", "none", "2026-10-01"),
    ("2026-10-09", "following", "2026-10-09"),  # a working day: nothing to do
]


@pytest.mark.parametrize(("written", "convention", "effective"), CONVENTIONS)
def test_business_day_conventions(written: str, convention: str, effective: str) -> None:
    assert CN.adjust(D(written), convention) == D(effective)  # type: ignore[arg-type]


def test_ten_working_days_after_2026_09_28_is_2026_10_16() -> None:
    # By hand: 09-29 (1), 09-30 (2); 10-01..10-07 off; 10-08 (3), 10-09 (4), Saturday 10-10 a make-up working
    # day (5); Sunday 10-11 off; 10-12 (6), 10-13 (7), 10-14 (8), 10-15 (9), 10-16 (10).
    assert CN.add_working_days(D("2026-09-28"), 10) == D("2026-10-16")
    assert CN.add_working_days(D("2026-09-28"), 0) == D("2026-09-28")


def test_following_is_due_2026_10_08_and_not_overdue_during_the_holiday() -> None:
    c = contract(milestones=(milestone("M1", "2026-10-01"),))
    (o,) = evaluate(portfolio(c, settings=CN_SETTINGS), D("2026-10-05")).occurrences
    assert (o.due, o.written, o.state, o.days_until) == (D("2026-10-08"), D("2026-10-01"), "due_soon", 3)
    assert due_note(o, "zh") == "合同约定 2026-10-01，遇节假日顺延至 2026-10-08"
    assert due_note(o, "en") == "contract date 2026-10-01, moved to the next working day 2026-10-08"
    (late,) = evaluate(portfolio(c, settings=CN_SETTINGS), D("2026-10-09")).occurrences
    assert (late.state, late.days_late) == ("overdue", 1)  # counted from the effective date


def test_the_milestone_convention_wins_over_the_contract_and_the_settings() -> None:
    m1 = milestone("M1", "2026-10-03", business_day="preceding")
    m2 = milestone("M2", "2026-10-03")
    c = contract(milestones=(m1, m2), business_day="none")
    dues = {o.key: o.due for o in evaluate(portfolio(c, settings=CN_SETTINGS), D("2026-09-01")).occurrences}
    assert dues == {"M1": D("2026-09-30"), "M2": D("2026-10-03")}


def test_without_a_calendar_nothing_moves() -> None:
    c = contract(milestones=(milestone("M1", "2026-10-01", business_day="following"),))
    (o,) = evaluate(portfolio(c, settings=Settings(business_day="following")), D("2026-10-05")).occurrences
    assert (o.due, o.written, o.state) == (D("2026-10-01"), None, "overdue")


def _relative(mid: str, anchor: str, days: int, *, working: bool = False) -> object:
    return milestone(mid, "1900-01-01", due_after=DueAfter(anchor, days, working))


def test_a_chain_of_three_relative_milestones() -> None:
    c = contract(
        milestones=(
            milestone("M3", "2026-09-15", kind="acceptance", status="done", completed_on=D("2026-09-28")),
            _relative("M4", "M3", 10, working=True),  # invoice 10 working days after acceptance: 2026-10-16
            _relative("M5", "M4", 30),  # payment 30 days after the invoice
            _relative("M6", "M5", 5, working=True),  # confirmation
        )
    )
    rules = DeadlineRules(CN, "following", D("2026-09-29"))
    dated = {key: ds[0] for key, ds in schedule(c, rules).items()}
    assert dated["M4"].due == D("2026-10-16") and not dated["M4"].projected
    # M4 is not complete: M5 is projected from M4's date, 2026-10-16 + 30 = 2026-11-15, a Sunday -> Monday 11-16
    assert (dated["M5"].written, dated["M5"].due, dated["M5"].projected) == (D("2026-11-15"), D("2026-11-16"), True)
    assert (dated["M6"].due, dated["M6"].projected) == (D("2026-11-23"), True)  # 5 working days after 11-16


def test_a_recurring_anchor() -> None:
    r1 = milestone("R1", "2026-05-31", kind="report", repeat=Repeat(1, "month", count=3), completed={D("2026-06-30"): D("2026-07-03")})
    c = contract(milestones=(r1, _relative("P1", "R1@2026-06-30", 10, working=True), _relative("P2", "R1@2026-07-31", 30)))
    occurrences = evaluate(portfolio(c, settings=CN_SETTINGS), D("2026-07-10")).occurrences
    by_key = {o.key: o for o in occurrences}
    assert by_key["P1"].due == D("2026-07-17") and not by_key["P1"].projected  # 10 working days after Friday 07-03
    assert by_key["P2"].projected and by_key["P2"].due == D("2026-08-31")  # R1@2026-07-31 (a Friday) + 30 days


def test_a_projected_date_becomes_fixed_when_the_anchor_completes() -> None:
    pending = milestone("M3", "2026-09-28", kind="acceptance")
    c = contract(milestones=(pending, _relative("M4", "M3", 30)))
    before = {o.key: o for o in evaluate(portfolio(c, settings=CN_SETTINGS), D("2026-09-01")).occurrences}
    assert before["M4"].projected and before["M4"].due == D("2026-10-28")  # from M3's own date
    assert due_note(before["M4"], "en") == "30 days after M3 (projected: M3 is not complete yet)"
    done = c.milestones[0]._replace(status="done", completed_on=D("2026-10-09"))
    c2 = contract(milestones=(done, c.milestones[1]))
    after = {o.key: o for o in evaluate(portfolio(c2, settings=CN_SETTINGS), D("2026-10-12")).occurrences}
    assert not after["M4"].projected and after["M4"].due == D("2026-11-09")  # 10-09 + 30 = Sunday 11-08 -> Monday


def test_a_late_anchor_projects_from_today_so_a_projection_is_never_overdue() -> None:
    c = contract(milestones=(milestone("M3", "2026-06-01", kind="acceptance"), _relative("M4", "M3", 10)))
    by_key = {o.key: o for o in evaluate(portfolio(c), D("2026-07-01")).occurrences}
    assert by_key["M3"].state == "overdue"
    assert (by_key["M4"].due, by_key["M4"].state, by_key["M4"].projected) == (D("2026-07-11"), "upcoming", True)


def test_a_cycle_or_a_missing_anchor_does_not_hang_the_engine() -> None:
    c = contract(milestones=(_relative("A", "B", 1), _relative("B", "A", 1), _relative("C", "Z", 1), _relative("D", "A", 2)))
    by_key = {o.key: o for o in evaluate(portfolio(c), D("2026-07-01")).occurrences}
    assert all(o.projected for o in by_key.values())
    assert by_key["D"].due == D("2026-07-04")  # after A, projected from today


def test_reminders_never_fire_for_projected_dates() -> None:
    c = contract(milestones=(milestone("M3", "2026-07-01", kind="acceptance"), _relative("M4", "M3", 7)))
    ev = evaluate(portfolio(c), D("2026-07-01"))
    assert [r.occurrence.key for r in reminders.firing(ev.occurrences, ev.today, ev.portfolio.settings)] == ["M3"]


def test_a_reminder_on_a_non_working_day_comes_the_working_day_before() -> None:
    c = contract(milestones=(milestone("M1", "2026-10-08"),))
    settings = Settings(calendar=CalendarSettings("CN"), reminders=(7, 0))
    ev = evaluate(portfolio(c, settings=settings), D("2026-09-30"))
    (o,) = ev.occurrences
    assert reminders.offsets(o, settings, ev.workdays) == (8, 0)  # 10-01 is National Day: sent on 09-30
    assert [r.days_before for r in reminders.firing(ev.occurrences, ev.today, settings, ev.workdays)] == [8]


def test_reminders_in_working_days() -> None:
    c = contract(milestones=(milestone("M1", "2026-10-16"),))
    settings = Settings(calendar=CalendarSettings("CN"), reminders=(5, 2, 0), reminders_in_working_days=True)
    ev = evaluate(portfolio(c, settings=settings), D("2026-09-30"))
    (o,) = ev.occurrences
    # 5 working days before Friday 10-16: 10-15, 10-14, 10-13, 10-12, Saturday 10-10 (make-up) -> 6 calendar days
    assert reminders.offsets(o, settings, ev.workdays) == (6, 2, 0)


def test_extra_days_correct_the_package() -> None:
    fixed = build(CalendarSettings("CN", extra_holidays=(D("2026-10-09"),), extra_workdays=(D("2026-10-11"),)))
    assert fixed is not None
    assert not fixed.is_workday(D("2026-10-09")) and fixed.is_workday(D("2026-10-11"))
    assert fixed.adjust(D("2026-10-01"), "following") == D("2026-10-08")
    assert fixed.adjust(D("2026-10-09"), "following") == D("2026-10-10")


def test_the_engine_is_handed_the_calendar() -> None:
    c = contract(milestones=(milestone("M1", "2026-10-01"),))
    given = build(CalendarSettings("CN", extra_workdays=(D("2026-10-01"),)))
    (o,) = evaluate(portfolio(c, settings=CN_SETTINGS), D("2026-09-01"), given).occurrences
    assert o.due == date(2026, 10, 1) and o.written is None


# Invariants (hypothesis): over the years the package's Chinese data covers well (2020-2027).

DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2027, 12, 31))
MOVING = st.sampled_from(["following", "preceding", "modified_following"])


@given(DAYS, MOVING)
def test_a_convention_always_lands_on_a_working_day(day: date, convention: str) -> None:
    effective = CN.adjust(day, convention)  # type: ignore[arg-type]
    assert CN.is_workday(effective)
    assert effective == day or not CN.is_workday(day)  # only a non-working day moves
    if convention == "modified_following":
        assert effective.month == day.month


@given(DAYS)
def test_none_never_moves_a_date(day: date) -> None:
    assert CN.adjust(day, "none") == day
    c = contract(milestones=(milestone("M1", day.isoformat(), business_day="none"),))
    (o,) = evaluate(portfolio(c, settings=Settings(calendar=CalendarSettings("CN"))), D("2026-01-01")).occurrences
    assert (o.due, o.written) == (day, None)


@given(DAYS, st.integers(min_value=0, max_value=40))
def test_working_day_offsets_count_working_days(day: date, count: int) -> None:
    end = CN.add_working_days(day, count)
    between = [day + timedelta(days=i) for i in range(1, (end - day).days + 1)]
    assert sum(CN.is_workday(d) for d in between) == count
    assert count == 0 or CN.is_workday(end)


@given(DAYS, st.integers(min_value=0, max_value=365))
def test_without_a_calendar_effective_dates_are_the_written_ones(day: date, days: int) -> None:
    c = contract(milestones=(milestone("M1", day.isoformat(), business_day="following"),))
    (o,) = evaluate(portfolio(c, settings=Settings(business_day="following")), D("2026-01-01")).occurrences
    assert (o.due, o.written, o.projected) == (day, None, False)
