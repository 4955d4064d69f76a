"""site/timeline.py: the contract timeline as compact data in one attribute (the script that draws it, and the
drawing compared with the SVG the server wrote before: tests/site/test_browser_drawn.py)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from html.parser import HTMLParser
from typing import Any

import pytest

from pactwatch.engine import evaluate
from pactwatch.site.timeline import EPOCH, gantt
from tests.engine.factories import D, contract, milestone, portfolio, term
from tests.site.conftest import all_pages
from tests.site.test_pages import site_input


class _Attribute(HTMLParser):
    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value or "" for key, value in attrs if key == self.name]


def attribute(page: str, name: str) -> Any:
    """The JSON of the page's one ``name`` attribute, as the browser hands it to the script."""
    parser = _Attribute(name)
    parser.feed(page)
    assert len(parser.found) == 1, name
    return json.loads(parser.found[0])


def day(data: list[Any], offset: int) -> date:
    return EPOCH + timedelta(days=data[3] + offset)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return all_pages(site_input())


def test_the_timeline_is_about_a_kilobyte_of_data(pages: dict[str, str]) -> None:
    page = pages["contracts/S-2026-004.md"]
    data = attribute(page, "data-pw-gantt")
    size, aria, words, _, ticks, span, today, rows = data
    assert size == [1000, 162, 24, 22] and aria == "时间线：S-2026-004" and words == ["计划", "实际", "今天"]
    assert ticks[:4] == [253, "2026年1月", 314, "2026年2月"] and len(ticks) == 26
    assert span == [253, 711, "合同期限 2026-01-01 – 2026-12-31"] and today == [898, 1]
    assert [row[:2] for row in rows] == [
        [name, ""] for name in ("合同期限", "M1 服务启动及交接", "R1 月度服务报告", "P1 季度服务费", "M2 续约评估", "M3 年度服务评审")
    ]
    assert sum(len(row) - 2 for row in rows) == 18  # marks
    raw = page.split("data-pw-gantt='", 1)[1].split("'", 1)[0]
    assert len(raw.encode()) <= 1000  # issue #21: 3,116 bytes of SVG before; the aim was 1,200
    assert "<svg" not in page


def test_a_mark_holds_its_state_its_dates_and_its_coordinates(pages: dict[str, str]) -> None:
    data = attribute(pages["contracts/S-2026-004.md"], "data-pw-gantt")
    reports = data[7][2][2:]
    early, late = reports[0], reports[2]
    assert late[:2] == ["l", 437] and late[3] == 443 and (day(data, late[2]), day(data, late[4])) == (D("2026-04-05"), D("2026-04-08"))
    assert early[0] == "" and day(data, early[2]) > day(data, early[4])
    overdue, upcoming = reports[-2:]
    assert overdue[:2] == ["o", 855] and len(overdue) == 3 and day(data, overdue[2]) == D("2026-11-05")
    assert upcoming[0] == "u" and len(upcoming) == 3


def test_a_clipped_label_gives_the_whole_name_to_its_marks(pages: dict[str, str]) -> None:
    rows = attribute(pages["contracts/L-2025-002.md"], "data-pw-gantt")[7]
    assert rows[5][:2] == ["M4 续租决策（通知截止 2026-12…", "M4 续租决策（通知截止 2026-12-17 前）"]
    assert rows[4][1] == ""


def _data(*milestones: Any, today: str = "2026-06-01", **fields: Any) -> list[Any]:
    ev = evaluate(portfolio(contract("C-1", milestones, **fields)), D(today))
    found = json.loads(str(gantt(ev.contracts["C-1"], D(today), "en")).strip("'"))
    assert isinstance(found, list)
    return found


def test_a_slip_from_the_baseline_carries_the_baseline_x() -> None:
    data = _data(
        milestone("M1", "2026-03-10", baseline_due=D("2026-02-10"), status="done", completed_on=D("2026-03-12")),
        milestone("M2", "2026-09-01", baseline_due=D("2026-08-01")),
        milestone("M3", "2026-10-01", baseline_due=D("2026-10-01")),  # the plan did not move: no slip
    )
    done, open_, same = (row[2] for row in data[7][1:])
    assert len(done) == 6 and done[3] > done[1] > done[5] > 0
    assert len(open_) == 6 and open_[3:5] == [-1, -1] and open_[1] > open_[5]
    assert len(same) == 3


def test_today_far_away_is_not_drawn_but_an_overdue_line_still_reaches_it() -> None:
    data = _data(
        milestone("M1", "2026-03-10"), milestone("M2", "2026-05-10", status="done", completed_on=D("2026-05-10")), today="2027-06-01"
    )
    assert data[6][1] == 0 and data[6][0] > 1000 and data[7][1][2][0] == "o"
    assert data[4][1::2] == ["Apr 2026", "May 2026"] and data[2] == ["Planned", "Actual", "today"]


def test_a_term_only_contract_has_no_timeline() -> None:
    ev = evaluate(portfolio(contract("C-1", (), term=term("2026-01-01", "2026-12-31"))), D("2026-06-01"))
    assert gantt(ev.contracts["C-1"], D("2026-06-01"), "en") == ""
