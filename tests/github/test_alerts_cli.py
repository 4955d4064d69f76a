"""`pactwatch alerts` through the CLI, against the stand-in: options, environment, output, exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from github.fake_github import FakeGitHub
from pactwatch.catalogue import text
from pactwatch.errors import UsageError
from pactwatch.github.repository import resolve_repository
from tests.conftest import CliResult

Cli = Callable[..., CliResult]
SECRET = "ghs_fake_token_0123456789"


@pytest.fixture
def env(fake: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> FakeGitHub:
    monkeypatch.setenv("GITHUB_API_URL", fake.url)
    monkeypatch.setenv("GITHUB_TOKEN", fake.token)
    monkeypatch.setenv("GITHUB_REPOSITORY", fake.repo)
    return fake


def alerts(run_cli: Cli, root: Path, *args: str) -> CliResult:
    return run_cli("alerts", "--root", root, "--pace", "0", *args)


def test_dry_run_prints_the_plan_and_writes_nothing(portfolio: Path, env: FakeGitHub, run_cli: Cli) -> None:
    result = alerts(run_cli, portfolio, "--dry-run", "--lang", "en")
    assert result.code == 0, result.err
    assert result.out.startswith("example-co/contracts: 6 overdue to track, 0 pactwatch issues found; create label 7, create 6, escalate 3")
    assert "+ create C-2026-007/M4 Overdue: C-2026-007 M4 验收款 60% (due 2026-08-25) (overdue)" in result.out
    assert "! escalate (new) C-2026-007/M4 (94 days late: tell 孙浩 (@sunhao-ec))" in result.out  # the manager by name
    zh = alerts(run_cli, portfolio, "--dry-run").out  # the portfolio's language: the plan's words, titles and reasons in Chinese
    assert "；创建标签 7、新建 6、升级 3\n" in zh and "+ 创建标签 `overdue`（仓库中没有此标签）" in zh
    assert "+ 新建 C-2026-007/M4 逾期：C-2026-007 M4 验收款 60%（到期 2026年8月25日）（逾期）" in zh
    assert "! 升级 （新） C-2026-007/M4（逾期 94 天：通知 孙浩（@sunhao-ec））" in zh
    assert not {"create", "label", "escalate"} & set(zh.replace("kind:", " ").split())
    assert env.writes == []


def test_dry_run_as_json(portfolio: Path, env: FakeGitHub, run_cli: Cli) -> None:
    data = json.loads(alerts(run_cli, portfolio, "--dry-run", "--format", "json").out)
    assert data["dry_run"] is True and data["outcome"] is None
    creates = [a for a in data["plan"]["actions"] if a["op"] == "create"]
    assert creates[0]["body"].startswith("<!-- pactwatch:C-2026-007/M4 -->") and creates[0]["assignees"] == ["lina-ec"]
    assert env.writes == []


def test_a_run_then_a_rerun(portfolio: Path, env: FakeGitHub, run_cli: Cli) -> None:
    first = alerts(run_cli, portfolio, "--lang", "en")
    assert first.code == 0, first.err
    assert first.out.startswith("example-co/contracts: 16 done, 0 failed")
    writes = len(env.writes)
    second = alerts(run_cli, portfolio, "--format", "json", "--lang", "en")
    assert second.code == 0 and json.loads(second.out)["outcome"]["done"] == []
    assert len(env.writes) == writes
    assert SECRET not in first.out + first.err + second.out + second.err


def test_the_repo_option_wins(portfolio: Path, env: FakeGitHub, run_cli: Cli) -> None:
    result = alerts(run_cli, portfolio, "--repo", "someone/else", "--dry-run")
    assert result.code == 1 and "someone/else" in result.err and "404" in result.err


def test_no_token_is_a_usage_error(portfolio: Path, env: FakeGitHub, run_cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_TOKEN")
    result = alerts(run_cli, portfolio, "--lang", "en")
    assert result.code == 2 and "GITHUB_TOKEN is not set" in result.err
    assert env.requests == []


def test_a_wrong_token_says_so_without_printing_it(portfolio: Path, env: FakeGitHub, run_cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_this_is_wrong_and_secret")
    result = alerts(run_cli, portfolio)
    said = text("github.client.bad_token", "zh", message="Bad credentials")  # worded in the run's language where it is shown
    assert result.code == 1 and said in result.err
    assert "ghp_this_is_wrong_and_secret" not in result.out + result.err


def test_a_read_only_token_exits_1_naming_the_permission(portfolio: Path, env: FakeGitHub, run_cli: Cli) -> None:
    env.read_only = True
    result = alerts(run_cli, portfolio, "--lang", "en")
    assert result.code == 1
    assert "lacks the permission issues: write" in result.err and "permissions: {issues: write}" in result.err
    assert "the next run picks up" in result.err and SECRET not in result.out + result.err


def test_a_failed_action_exits_1_and_the_rest_is_done(portfolio: Path, env: FakeGitHub, run_cli: Cli) -> None:
    env.fail("PATCH", r"/issues/\d+$", 422, body={"message": "Validation Failed", "errors": [{"field": "state", "code": "invalid"}]})
    assert alerts(run_cli, portfolio, "--lang", "en").code == 0
    edit = portfolio / "contracts/purchase/P-2026-003.yaml"
    edit.write_text(
        edit.read_text(encoding="utf-8").replace("status: in_progress", "status: done\n    completed_on: 2026-11-26"), encoding="utf-8"
    )
    edit = portfolio / "contracts/other/O-2026-010.yaml"
    edit.unlink()
    result = alerts(run_cli, portfolio, "--lang", "en")
    assert result.code == 1
    assert "failed: close O-2026-010/M3: GitHub rejected PATCH" in result.err  # the first close fails (the fault is once)
    assert "(resolved, done late) for P-2026-003/M2" in result.out  # the other close went through, said in words
    assert alerts(run_cli, portfolio, "--lang", "en").code == 0  # and the next run finishes the job


def test_a_broken_portfolio_changes_nothing(portfolio: Path, env: FakeGitHub, run_cli: Cli) -> None:
    (portfolio / "contracts/sales/C-2026-001.yaml").write_text("id: [", encoding="utf-8")
    result = alerts(run_cli, portfolio)
    assert result.code == 1 and "pactwatch validate" in result.err
    assert env.requests == []


def test_repository_resolution_order() -> None:
    assert resolve_repository("a/b", {"GITHUB_REPOSITORY": "c/d"}, "e/f") == "a/b"
    assert resolve_repository(None, {"GITHUB_REPOSITORY": "c/d"}, "e/f") == "c/d"
    assert resolve_repository(None, {}, "e/f") == "e/f"
    with pytest.raises(UsageError, match="no repository"):
        resolve_repository(None, {}, None)
    with pytest.raises(UsageError, match="OWNER/NAME"):
        resolve_repository("not a repo", {}, None)
