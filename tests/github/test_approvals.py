"""pactwatch approvals against a real git repository: what changed since a ref, and who must approve."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from pactwatch.catalogue import text, word
from pactwatch.catalogue.terms import term_label
from pactwatch.i18n import format_money
from tests.conftest import CliResult

Cli = Callable[..., CliResult]


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def repo(portfolio: Path) -> Path:
    """The example portfolio committed on main, with a branch `change` checked out."""
    git(portfolio, "init", "-q", "-b", "main")
    git(portfolio, "add", ".")
    git(portfolio, "commit", "-q", "-m", "init")
    git(portfolio, "checkout", "-q", "-b", "change")
    return portfolio


def edit(root: Path, source: str, *pairs: tuple[str, str]) -> None:
    path = root / source
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def review(run_cli: Cli, root: Path, *extra: str) -> dict[str, object]:
    result = run_cli("approvals", "--root", root, "--base", "main", "--format", "json", *extra)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert isinstance(data, dict)
    return data


def by_id(data: dict[str, object]) -> dict[str, dict[str, object]]:
    return {c["contract"]: c for c in data["contracts"]}  # type: ignore[attr-defined, index]


def test_no_change_no_contract(repo: Path, run_cli: Cli) -> None:
    assert review(run_cli, repo)["contracts"] == []
    assert "No contract changes since `main`" in run_cli("approvals", "--root", repo, "--base", "main", "--lang", "en").out
    assert run_cli("approvals", "--root", repo, "--base", "main").out.startswith("自 `main`（")  # the portfolio's language


@pytest.mark.parametrize("language", ["zh", "en"])
def test_text_words_changes_and_approvals_in_the_run_language(repo: Path, run_cli: Cli, language: str) -> None:
    """The semantic diff's sentences, the rule worded as the pull-request comment words it, the owner by name."""
    edit(
        repo,
        "contracts/sales/C-2026-001.yaml",
        ("value: {amount: 1200000.00, currency: CNY}", "value: {amount: 900000.00, currency: CNY}"),
        ("payment_days: 30", "payment_days: 45"),
        ("tags: [", "tags: [new, "),
    )
    out = run_cli("approvals", "--root", repo, "--base", "main", "--lang", language).out
    owner = text("changes.comment.owner", language)
    rule = text("changes.rule.min_value", language, value=format_money(Decimal(1000000), "CNY", language))
    base = re.search(r"[0-9a-f]{12}", out)
    assert base and out.splitlines()[0] == text("changes.approvals.heading", language, count=1, ref="main", base=base[0])
    assert text("changes.approvals.contract", language, contract="C-2026-001", source="contracts/sales/C-2026-001.yaml") in out
    assert text("changes.approvals.also", language, contract="C-2026-001", fields="`tags`") in out
    who = [text("changes.comment.approval", language, who="张伟 @zhangwei-ec", why=owner)]
    who.append(text("changes.comment.approval", language, who="@example-co/finance", why=rule))
    assert text("changes.approvals.needed", language, approvals=text("notify.joiner", language).join(who)) in out
    assert term_label("payment_days", language, {}) in out
    assert "->" not in out and "terms." not in out


def test_a_lowered_value_still_needs_the_team_that_guarded_it(repo: Path, run_cli: Cli) -> None:
    edit(
        repo,
        "contracts/sales/C-2026-001.yaml",
        ("value: {amount: 1200000.00, currency: CNY}", "value: {amount: 900000.00, currency: CNY}"),
        ("amount: 720000.00", "amount: 420000.00"),
    )
    change = by_id(review(run_cli, repo))["C-2026-001"]
    assert change["categories"] == ["value", "milestones"]
    assert "value: ¥1,200,000.00 -> ¥900,000.00" in change["details"]  # type: ignore[operator]
    assert change["approvals"] == [
        {"who": "@zhangwei-ec", "why": "owner"},
        {"who": "@example-co/finance", "why": "value >= 1,000,000 CNY"},
    ]


def test_completion_dates_and_terms(repo: Path, run_cli: Cli) -> None:
    edit(
        repo,
        "contracts/sales/C-2026-007.yaml",
        ("status: pending   # 已逾期", "status: done\n    completed_on: 2026-11-26   #"),
    )
    edit(repo, "contracts/sales/C-2026-001.yaml", ("payment_days: 30", "payment_days: 45"), ("end: 2027-07-31", "end: 2027-08-31"))
    changes = by_id(review(run_cli, repo))
    assert changes["C-2026-007"]["categories"] == ["milestones"]
    assert "milestone M4 status: pending -> done" in changes["C-2026-007"]["details"]  # type: ignore[operator]
    assert "milestone M4 completed_on: — -> 2026-11-26" in changes["C-2026-007"]["details"]  # type: ignore[operator]
    assert changes["C-2026-001"]["categories"] == ["dates", "terms"]
    assert changes["C-2026-001"]["details"] == ["term.end: 2027-07-31 -> 2027-08-31", "terms.payment_days: 30 -> 45"]


def test_new_untracked_removed_and_moved_contracts(repo: Path, run_cli: Cli) -> None:
    text = (repo / "contracts/lease/L-2025-002.yaml").read_text(encoding="utf-8")
    (repo / "contracts/lease/L-2027-001.yaml").write_text(text.replace("id: L-2025-002", "id: L-2027-001"), encoding="utf-8")  # untracked
    git(repo, "rm", "-q", "contracts/nda/N-2026-005.yaml")
    git(repo, "mv", "contracts/other/O-2026-010.yaml", "contracts/O-2026-010.yaml")
    git(repo, "commit", "-q", "-m", "change")
    changes = by_id(review(run_cli, repo))
    assert changes["L-2027-001"]["status"] == "new"
    assert [a["who"] for a in changes["L-2027-001"]["approvals"]] == ["@wangfang-ec", "@example-co/finance", "@example-co/legal"]  # type: ignore[attr-defined]
    assert changes["N-2026-005"]["status"] == "removed"
    assert changes["O-2026-010"]["status"] == "changed" and changes["O-2026-010"]["categories"] == ["other"]


def test_policy_changes_name_every_team(repo: Path, run_cli: Cli) -> None:
    edit(repo, "pactwatch.yml", ("escalate_after_days: 7", "escalate_after_days: 9"))
    data = review(run_cli, repo)
    assert data["policy_files"] == ["pactwatch.yml"]
    assert data["policy_teams"] == ["@example-co/finance", "@example-co/legal"]


def test_github_format_appends_to_the_job_summary(repo: Path, run_cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    edit(repo, "contracts/sales/C-2026-001.yaml", ("payment_days: 30", "payment_days: 45"))
    result = run_cli("approvals", "--root", repo, "--base", "main", "--format", "github")
    assert result.code == 0
    text = summary.read_text(encoding="utf-8")
    assert text.startswith(f"earlier step\n### {word('changes.comment.title', 'zh')}\n")
    assert f"- 合同 C-2026-001 的{term_label('payment_days', 'zh', {})}由 30 改为 45" in text
    assert "- **C-2026-001**: 张伟 @\u200dzhangwei-ec（合同负责人）、@\u200dexample-co/finance（合同金额 ≥ ¥1,000,000.00）" in text


def test_contract_text_cannot_break_the_summary(repo: Path, run_cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    edit(repo, "contracts/sales/C-2026-001.yaml", ("delivery_place: 苏州工厂", "delivery_place: '| <img src=x> @all #1'"))
    out = run_cli("approvals", "--root", repo, "--base", "main", "--format", "github").out
    assert "<img" not in out and "@all" not in out and "#1" not in out and "\\|" in out


def test_an_unknown_ref_is_a_clear_error(repo: Path, run_cli: Cli) -> None:
    result = run_cli("approvals", "--root", repo, "--base", "origin/nope")
    assert result.code == 1 and "origin/nope" in result.err and "fetch-depth: 0" in result.err
