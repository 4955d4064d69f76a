"""The monthly report lists re-plans in the period and the 12 month-ends as they stood then."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pactwatch.history.records import TrendRow
from pactwatch.history.trends import month_ends, read_trends
from pactwatch.load.portfolio import load_portfolio
from pactwatch.settings import load_settings
from tests.conftest import CliResult
from tests.history.gitrepo import GitRepo, contract
from tests.history.test_read import C1

Run = Callable[..., CliResult]


def test_month_ends_are_the_last_twelve_on_or_before_today() -> None:
    assert month_ends(date(2026, 11, 27))[0] == date(2025, 11, 30) and month_ends(date(2026, 11, 27))[-1] == date(2026, 10, 31)
    assert month_ends(date(2026, 11, 30))[-1] == date(2026, 11, 30) and len(month_ends(date(2026, 2, 28))) == 12


def _repo(root: Path) -> GitRepo:
    """M1 due 2026-03-15 is done on time in March; M2 planned for April is moved in April and done in May."""
    repo = GitRepo(root)
    repo.commit({C1: contract({"M1": "2026-03-15", "M2": "2026-04-20"})}, "Add", "2026-01-05")
    done = "M1:    status: done\n    completed_on: 2026-03-10"
    repo.commit({C1: contract({"M1": "2026-03-15", "M2": "2026-04-20"}, extra=done)}, "M1 done", "2026-03-10")
    repo.commit({C1: contract({"M1": "2026-03-15", "M2": "2026-05-20"}, extra=done)}, "Move M2 (#12)", "2026-04-18", author="Bo Wang")
    return repo


def test_trends_evaluate_each_month_end_as_it_stood(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "p")
    today = date(2026, 5, 10)
    portfolio = load_portfolio(repo.root, today, settings=load_settings(repo.root)).portfolio
    rows = read_trends(repo.root, portfolio, today, os.environ, jobs=1)
    assert rows is not None and [r.month_end for r in rows][-3:] == [date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]
    by_end = {r.month_end: r for r in rows}
    assert by_end[date(2025, 12, 31)] == TrendRow(date(2025, 12, 31), "")  # before the first commit: nothing
    assert (by_end[date(2026, 3, 31)].due, by_end[date(2026, 3, 31)].done_on_time) == (1, 1)
    assert by_end[date(2026, 4, 30)].overdue == 0  # at the end of April, M2 was due in May: not overdue then
    assert read_trends(repo.root, portfolio, today, os.environ, jobs=1) == rows  # the cached answer


def test_monthly_report_lists_replans_and_trends(tmp_path: Path, run_cli: Run) -> None:
    repo = _repo(tmp_path / "p")
    result = run_cli("report", "--root", repo.root, "--period", "month", "--today", "2026-04-28", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [(r["milestone"], r["from"], r["to"], r["pull_request"], r["author"]) for r in data["replans"]] == [
        ("M2", "2026-04-20", "2026-05-20", 12, "Bo Wang")
    ]
    assert len(data["trends"]) == 12 and data["trends"][-1]["month_end"] == "2026-03-31"
    # M2's baseline (04-20) has passed undone: late against the plan, though its moved date is still ahead
    assert (data["kpis"]["on_time_vs_baseline"], data["kpis"]["on_time_rate"]) == (0.0, None)
    markdown = run_cli("report", "--root", repo.root, "--period", "month", "--today", "2026-04-28")
    assert "Milestones re-planned in the period" in markdown.out and "2026-04-20 → 2026-05-20" in markdown.out
    assert "Month-end trends" in markdown.out and "| 2026-03-31 | 100%" in markdown.out


def test_weekly_report_has_no_trends_and_plain_folders_none_either(tmp_path: Path, run_cli: Run) -> None:
    repo = _repo(tmp_path / "p")
    week = run_cli("report", "--root", repo.root, "--today", "2026-04-18", "--format", "json")
    assert "trends" not in json.loads(week.out) and len(json.loads(week.out)["replans"]) == 1
    (repo.root / ".git").rename(repo.root / "not-git")
    month = run_cli("report", "--root", repo.root, "--period", "month", "--today", "2026-04-28", "--format", "json")
    assert month.code == 0 and "trends" not in json.loads(month.out) and json.loads(month.out)["replans"] == []
