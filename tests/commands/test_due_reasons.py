"""Every output shows the effective due date and why it moved (issue 16): a payment written 2026-10-01 (National Day)
with ``business_day: following`` is due 2026-10-08, and each output says "合同约定 2026-10-01，遇节假日顺延至 2026-10-08".

The site pages of the example portfolio (E-2026-009/M1 is such a payment) and a one-contract portfolio for the
outputs that only show open milestones (calendar, report, alert, reminder). The ledger export: tests/ledger/test_moved_dates.py.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pactwatch.engine import Evaluation, Occurrence, evaluate
from pactwatch.github.render import Links, Renderer, facts
from pactwatch.model import CalendarSettings, DueAfter, Repeat, Settings
from pactwatch.notify import plan, texts
from pactwatch.report import build as build_report
from pactwatch.report import render_markdown
from pactwatch.resources import data_dir
from pactwatch.site.context import SiteInput
from tests.engine.factories import D, contract, milestone, portfolio
from tests.site.conftest import all_pages
from tests.site.test_pages import site_input
from tests.site.test_timeline import attribute, day

MOVED_ZH = "合同约定 2026-10-01，遇节假日顺延至 2026-10-08"
MOVED_EN = "contract date 2026-10-01, moved to the next working day 2026-10-08"


def _evaluation(today: str, language: str = "zh") -> Evaluation:
    settings = Settings(language=language, calendar=CalendarSettings("CN"), reminders=(7, 0), site_url="https://c.example/")
    m1 = milestone("M1", "2026-10-01", business_day="following", amount=Decimal(100))
    m2 = milestone("M2", "2026-01-01", due_after=DueAfter("M1", 30), title="尾款")
    r1 = milestone("R1", "2026-10-01", business_day="following", repeat=Repeat(1, "month", count=2), kind="report", title="月报")
    return evaluate(portfolio(contract("C-1", (m1, m2, r1)), settings=settings), D(today))


def _occurrence(ev: Evaluation, ref: str) -> Occurrence:
    return next(o for o in ev.occurrences if o.ref == ref)


@pytest.fixture(scope="module")
def example_pages() -> dict[str, str]:
    return all_pages(site_input())


def test_the_contract_page_milestone_row_and_timeline(example_pages: dict[str, str]) -> None:
    page = example_pages["contracts/E-2026-009.md"]
    assert f"2026年10月8日<small>{MOVED_ZH}</small>" in page  # under the due date in the milestone table
    data = attribute(page, "data-pw-gantt")  # the timeline: its tooltip gives the mark's dates (the table says why)
    assert any([day(data, m[2]), day(data, m[4])] == [D("2026-10-08"), D("2026-10-05")] for row in data[7] for m in row[2:] if len(m) > 4)


def test_the_calendar_page_marks_projected_dates(example_pages: dict[str, str]) -> None:
    page = example_pages["calendar/index.md"]  # P-2026-003/M4 is due 30 days after an acceptance not done yet
    assert '<span class="pw-flag" title="预计">预计</span>' in page
    assert '2026年12月30日<div class="pw-sub pw-due-note">M3 完成后 30 日（预计：M3 尚未完成）</div>' in page


def test_the_calendar_page_says_why_an_upcoming_date_moved() -> None:
    pages = all_pages(SiteInput(_evaluation("2026-09-28")))
    assert f'2026年10月8日<div class="pw-sub pw-due-note">{MOVED_ZH}</div>' in pages["calendar/index.md"]


@pytest.mark.parametrize(("language", "text"), [("zh", f"2026-10-08（{MOVED_ZH}）"), ("en", f"2026-10-08 ({MOVED_EN})")])
def test_report_rows(language: str, text: str) -> None:
    markdown = render_markdown(build_report(_evaluation("2026-10-09", language), "week"))
    overdue = next(line for line in markdown.splitlines() if line.startswith("| C-1 ") and "Milestone M1" in line)
    assert text in overdue


@pytest.mark.parametrize(("language", "text"), [("zh", f"2026年10月8日（{MOVED_ZH}）"), ("en", f"2026-10-08 ({MOVED_EN})")])
def test_alert_issue_body(language: str, text: str) -> None:
    ev = _evaluation("2026-10-09", language)
    alert = facts(_occurrence(ev, "C-1/M1"), ev.portfolio.people, ev.portfolio.settings, Links("o/r"), ev.today)
    assert f"| {text} |" in Renderer([data_dir("templates")], language).body(alert)


def test_alert_for_a_moved_recurring_occurrence_names_its_written_date_under_completed() -> None:
    ev = _evaluation("2026-10-09")
    alert = facts(_occurrence(ev, "C-1/R1@2026-10-01"), ev.portfolio.people, ev.portfolio.settings, Links("o/r"), ev.today)
    body = Renderer([data_dir("templates")], "zh").body(alert)
    assert "`2026-10-01: 完成日期`" in body and "`2026-10-08:" not in body  # `completed` is keyed by the date as written


@pytest.mark.parametrize(("language", "text"), [("zh", f"2026年10月8日（{MOVED_ZH}）"), ("en", f"2026-10-08 ({MOVED_EN})")])
def test_reminder_lines(language: str, text: str) -> None:
    ev = _evaluation("2026-10-08", language)
    notice = next(n for n in plan.fired(ev) if n.occurrence.ref == "C-1/M1")
    assert texts.line(notice, ev.portfolio.people, ev.portfolio.settings, private=True).due == text


def test_dates_that_did_not_move_read_as_before() -> None:
    ev = evaluate(portfolio(contract("C-1", (milestone("M1", "2026-10-01"),)), settings=Settings(language="zh")), D("2026-10-01"))
    (notice,) = plan.fired(ev)
    assert texts.line(notice, ev.portfolio.people, ev.portfolio.settings, private=True).due == "2026年10月1日"
    assert f"| {D('2026-10-01').isoformat()} |" in render_markdown(build_report(ev, "week"))
