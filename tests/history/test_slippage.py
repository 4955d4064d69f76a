"""Slip, the slipping risk, on_time_vs_baseline and the status JSON columns, on real git repositories."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pactwatch.engine import evaluate, kpis
from pactwatch.engine.slippage import slip_days
from pactwatch.history.read import read_plan_history
from pactwatch.load.portfolio import load_portfolio
from pactwatch.settings import load_settings
from tests.conftest import CliResult
from tests.history.gitrepo import GitRepo, contract
from tests.history.test_read import C1, replanned_twice

Run = Callable[..., CliResult]
TODAY = date(2026, 11, 27)


def _rows(run_cli: Run, root: Path, *extra: str) -> dict[str, dict[str, object]]:
    result = run_cli("status", "--root", root, "--all", "--format", "json", *extra)
    assert result.code == 0, result.err
    return {row["milestone"]: row for row in json.loads(result.out)["milestones"]}


def test_status_json_rows_carry_baseline_slip_and_replans(tmp_path: Path, run_cli: Run) -> None:
    replanned_twice(tmp_path / "p")
    rows = _rows(run_cli, tmp_path / "p")
    assert (rows["M2"]["baseline_due"], rows["M2"]["slip_days"], rows["M2"]["replans"]) == ("2026-04-30", 46, 2)
    assert (rows["M1"]["baseline_due"], rows["M1"]["slip_days"], rows["M1"]["replans"]) == ("2026-02-01", 0, 0)


def test_the_slipping_signal_lists_the_replans(tmp_path: Path) -> None:
    root = replanned_twice(tmp_path / "p").root
    loaded = load_portfolio(root, TODAY, settings=load_settings(root))
    ev = evaluate(loaded.portfolio, TODAY, history=read_plan_history(root, os.environ, jobs=1).history)
    [risk] = [r for r in ev.risks if r.kind == "slipping"]
    assert risk.subject == "C-1/M2" and risk.facts["replans"] == 2 and risk.facts["slip"] == 46
    assert [e.split()[0] for e in risk.evidence] == ["2026-03-02", "2026-04-22"] and risk.evidence[1].endswith("#7")
    assert "re-planned 2 times" in risk.detail.render("en")
    assert not [r for r in evaluate(loaded.portfolio, TODAY).risks if r.kind == "slipping"]  # without history: no signal


def test_on_time_vs_baseline_counts_against_the_original_date(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "p")
    repo.commit({C1: contract({"M1": "2026-03-01"})}, "Add", "2026-01-05")
    repo.commit({C1: contract({"M1": "2026-04-01"})}, "Move", "2026-02-20")
    done = contract({"M1": "2026-04-01"}, extra="M1:    status: done\n    completed_on: 2026-03-25")
    repo.commit({C1: done}, "Done", "2026-03-25")
    loaded = load_portfolio(repo.root, TODAY, settings=load_settings(repo.root))
    assert not loaded.errors, loaded.errors
    ev = evaluate(loaded.portfolio, TODAY, history=read_plan_history(repo.root, os.environ, jobs=1).history)
    k = kpis.compute(ev.contracts.values(), date(2026, 3, 1), date(2026, 3, 31), TODAY)
    assert (k.due_by_baseline, k.done_by_baseline, k.on_time_vs_baseline) == (1, 0, 0.0)  # late against the plan of March
    assert kpis.compute(ev.contracts.values(), date(2026, 4, 1), date(2026, 4, 30), TODAY).on_time_rate == 1.0


def test_baseline_due_overrides_history(tmp_path: Path, run_cli: Run) -> None:
    repo = replanned_twice(tmp_path / "p")
    text = contract({"M1": "2026-02-01", "M2": "2026-06-15"}, extra="M2:    baseline_due: 2026-03-31")
    repo.commit({C1: text}, "Imported with its old plan", "2026-05-01")
    rows = _rows(run_cli, repo.root)
    assert (rows["M2"]["baseline_due"], rows["M2"]["slip_days"], rows["M2"]["replans"]) == ("2026-03-31", 76, 2)


def test_without_git_everything_works_and_baselines_come_from_baseline_due(tmp_path: Path, run_cli: Run) -> None:
    repo = GitRepo(tmp_path / "src")
    repo.write({C1: contract({"M1": "2026-12-20", "M2": "2026-12-31"}, extra="M2:    baseline_due: 2026-12-01")})
    plain = tmp_path / "plain"
    for name in ("pactwatch.yml", "people.yaml", C1):
        (plain / name).parent.mkdir(parents=True, exist_ok=True)
        (plain / name).write_bytes((repo.root / name).read_bytes())
    rows = _rows(run_cli, plain)
    assert (rows["M2"]["baseline_due"], rows["M2"]["slip_days"], rows["M1"]["baseline_due"]) == ("2026-12-01", 30, None)
    quiet = run_cli("status", "--root", plain)
    assert quiet.code == 0 and "git" not in quiet.err
    told = run_cli("status", "--root", plain, "-v")
    assert told.code == 0 and told.err.count("\n") == 1 and "not in a git repository" in told.err


def test_recurring_occurrences_keep_the_series_shift(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "p")
    monthly = "R1:    repeat: {every: 1 month, count: 3}"
    repo.commit({C1: contract({"R1": "2026-01-31"}, extra=monthly)}, "Add", "2026-01-05")
    repo.commit({C1: contract({"R1": "2026-02-28"}, extra=monthly)}, "Start a month later", "2026-01-20")
    loaded = load_portfolio(repo.root, TODAY, settings=load_settings(repo.root))
    ev = evaluate(loaded.portfolio, TODAY, history=read_plan_history(repo.root, os.environ, jobs=1).history)
    assert [slip_days(o) for o in ev.occurrences if o.milestone.id == "R1"] == [28, 28, 28]
