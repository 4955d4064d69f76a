"""pactwatch diff on git repositories built in the test: changes in meaning, never in layout."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.changes.repo import BASE, REFORMATTED, changed, make_repo

if TYPE_CHECKING:
    from conftest import CliResult

    RunCli = Callable[..., CliResult]


def _pull_request(tmp_path: Path, language: str = "en") -> Path:
    repo = make_repo(tmp_path / "repo", language)
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit({"contracts/C-1.yaml": changed(BASE)}, "Move M1, 45 days to pay, add acceptance", "2026-01-06")
    return repo.root


def test_a_pull_request_that_moves_a_date_changes_a_term_and_adds_a_milestone_has_exactly_three_changes(
    tmp_path: Path, run_cli: RunCli
) -> None:
    root = _pull_request(tmp_path)
    result = run_cli("diff", "--root", root, "--format", "json")  # default BASE: the merge base with main; HEAD: the working tree
    assert result.code == 0, result.err
    found = json.loads(result.out)
    assert found["head"] is None and len(found["base"]) == 40
    assert [(c["contract"], c["milestone"], c["field"], c["before"], c["after"]) for c in found["changes"]] == [
        ("C-1", None, "terms.payment_days", 30, 45),
        ("C-1", "M1", "due", "2026-03-01", "2026-03-15"),
        ("C-1", "M3", "milestone", None, "2026-05-01"),
    ]
    assert [c["summary"] for c in found["changes"]] == [
        "Contract C-1: Payment terms (days) changed from 30 to 45",
        "Contract C-1, milestone M1: due moved from 2026-03-01 to 2026-03-15 (14 days later)",
        "Contract C-1: milestone M3 'Acceptance' added, due 2026-05-01",
    ]
    md = run_cli("diff", "main", "HEAD", "--root", root)
    assert md.code == 0, md.err
    bullets = [line for line in md.out.splitlines() if line.startswith("- ")]
    assert len(bullets) == 3 and "**C-1**" in md.out
    assert "- Contract C-1: Payment terms (days) changed from 30 to 45" in md.out


def test_the_same_changes_in_chinese(tmp_path: Path, run_cli: RunCli) -> None:
    root = _pull_request(tmp_path, "zh")
    summaries = [c["summary"] for c in json.loads(run_cli("diff", "--root", root, "--format", "json").out)["changes"]]
    assert summaries == [
        "合同 C-1 的付款期限（天）由 30 改为 45",
        "合同 C-1 节点 M1 的计划日期由 2026年3月1日 改为 2026年3月15日（推迟 14 天）",
        "合同 C-1 新增节点 M3「Acceptance」，计划日期 2026年5月1日",
    ]


def test_a_reformat_only_commit_is_no_change(tmp_path: Path, run_cli: RunCli) -> None:
    repo = make_repo(tmp_path / "repo")
    repo.commit({"contracts/C-1.yaml": REFORMATTED}, "Reformat", "2026-01-06")
    result = run_cli("diff", "HEAD~1", "HEAD", "--root", repo.root, "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["changes"] == []
    assert "No change in what the contracts say." in run_cli("diff", "HEAD~1", "HEAD", "--root", repo.root).out


def test_done_waived_owner_value_term_and_removal_are_worded(tmp_path: Path, run_cli: RunCli) -> None:
    repo = make_repo(tmp_path / "repo")
    after = (
        BASE.replace(
            "    owner: bo\n    due: 2026-03-01", "    owner: cy\n    due: 2026-03-01\n    status: done\n    completed_on: 2026-02-27"
        )
        .replace("amount: 120000", "amount: 150000")
        .replace("  warranty_months: 12\n", "")
        .replace(
            "watchers: [finance]\n", "watchers: [finance]\nterm: {start: 2026-01-01, end: 2026-12-31, auto_renew: true, notice_days: 30}\n"
        )
    )
    repo.commit({"contracts/C-1.yaml": after, "contracts/C-2.yaml": BASE.replace("C-1", "C-2")}, "Many", "2026-01-06")
    found = json.loads(run_cli("diff", "HEAD~1", "HEAD", "--root", repo.root, "--format", "json").out)["changes"]
    assert [c["summary"] for c in found] == [
        "Contract C-1: Value changed from ¥120,000.00 to ¥150,000.00",
        "Contract C-1: Start set to 2026-01-01",
        "Contract C-1: End set to 2026-12-31",
        "Contract C-1: Notice days set to 30",
        "Contract C-1: Auto renew set to yes",
        "Contract C-1: Warranty (months) removed (was 12)",
        "Contract C-1: milestone M1 'Deliver widgets' is done",
        "Contract C-1, milestone M1: Owner changed from 王博 to Cy Ho",
        "New contract C-2 'Widgets for ACME'",
    ]


@pytest.mark.parametrize("ref", ["no-such-branch", "--output=x"])
def test_a_ref_that_is_not_there_is_one_line(tmp_path: Path, run_cli: RunCli, ref: str) -> None:
    repo = make_repo(tmp_path / "repo")
    result = run_cli("diff", "--root", repo.root, "--", ref)
    assert result.code == 1 and "is not in git" in result.err and "Traceback" not in result.err
