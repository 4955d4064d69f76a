"""Baselines and re-plans read from real git repositories built in the test."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from pactwatch.catalogue import msg
from pactwatch.history import read as history_read
from pactwatch.history.read import read_plan_history
from pactwatch.history.records import MilestoneHistory
from tests.history.gitrepo import GitRepo, contract

C1 = "contracts/C-1.yaml"


def _read(root: Path) -> MilestoneHistory | None:
    found = read_plan_history(root, os.environ, jobs=1)
    assert found.history is not None, found.notice
    return found.history.milestone(C1, "M2")


def replanned_twice(root: Path) -> GitRepo:
    """M2 planned for 04-30 at activation, moved to 05-31 directly, then to 06-15 through a merged pull request."""
    repo = GitRepo(root)
    repo.commit({C1: contract({"M1": "2026-02-01", "M2": "2026-04-30"})}, "Add C-1", "2026-01-05")
    repo.commit({C1: contract({"M1": "2026-02-01", "M2": "2026-05-31"})}, "Move the delivery (#4)", "2026-03-02", author="Bo Wang")
    repo.git("checkout", "-q", "-b", "bo/replan")
    repo.commit({C1: contract({"M1": "2026-02-01", "M2": "2026-06-15"})}, "Supplier delay", "2026-04-20", author="Bo Wang")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge pull request #7 from bo/replan\n\nSupplier delay", "bo/replan", day="2026-04-22")
    return repo


def test_two_replans_one_through_a_merge(tmp_path: Path) -> None:
    replanned_twice(tmp_path / "p")
    m2 = _read(tmp_path / "p")
    assert m2 is not None
    assert m2.baseline_date == date(2026, 4, 30)
    assert [(r.day, r.before, r.after, r.pull_request, r.author) for r in m2.replans] == [
        (date(2026, 3, 2), "2026-04-30", "2026-05-31", 4, "Bo Wang"),
        (date(2026, 4, 22), "2026-05-31", "2026-06-15", 7, "Ann Lee"),  # the merge: who merged it, when it landed
    ]
    assert len(m2.replans[1].commit) == 40


def test_a_draft_changed_before_activation_has_no_replans(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "p")
    repo.commit({C1: contract({"M2": "2026-04-30"}, status="draft")}, "Draft", "2026-01-05")
    repo.commit({C1: contract({"M2": "2026-05-20"}, status="draft")}, "Negotiated", "2026-01-20")
    repo.commit({C1: contract({"M2": "2026-05-31"}, status="active")}, "Signed", "2026-02-01")
    m2 = _read(tmp_path / "p")
    assert m2 == MilestoneHistory("2026-05-31", ())


def test_a_milestone_added_after_activation_has_its_first_plan_as_baseline(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "p")
    repo.commit({C1: contract({"M1": "2026-02-01"})}, "Add", "2026-01-05")
    repo.commit({C1: contract({"M1": "2026-02-01", "M2": "2026-07-01"})}, "Add M2", "2026-03-01")
    repo.commit({C1: contract({"M1": "2026-02-01", "M2": "2026-08-01"})}, "Move M2", "2026-04-01")
    m2 = _read(tmp_path / "p")
    assert m2 is not None and m2.baseline == "2026-07-01" and [r.after for r in m2.replans] == ["2026-08-01"]


def test_a_renamed_file_and_a_renamed_milestone_keep_their_history(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "p")
    titles = {"M2": "Install", "A2": "Install"}
    repo.commit({"contracts/old.yaml": contract({"M1": "2026-02-01", "M2": "2026-04-30"}, titles=titles)}, "Add", "2026-01-05")
    repo.commit({"contracts/old.yaml": contract({"M1": "2026-02-01", "M2": "2026-05-15"}, titles=titles)}, "Move", "2026-02-01")
    repo.git("mv", "contracts/old.yaml", C1)
    repo.commit({}, "Rename the file", "2026-02-10")
    repo.commit({C1: contract({"M1": "2026-02-01", "A2": "2026-06-01"}, titles=titles)}, "Renumber and move", "2026-03-01")
    found = read_plan_history(tmp_path / "p", os.environ, jobs=1)
    assert found.history is not None
    a2 = found.history.milestone(C1, "A2")
    assert a2 is not None and a2.baseline == "2026-04-30"
    assert [(r.before, r.after) for r in a2.replans] == [("2026-04-30", "2026-05-15"), ("2026-05-15", "2026-06-01")]
    assert "contracts/old.yaml" not in found.history.contracts


def test_a_broken_version_in_history_is_skipped(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "p")
    repo.commit({C1: contract({"M2": "2026-04-30"})}, "Add", "2026-01-05")
    repo.commit({C1: "id: [unclosed\n"}, "Broken", "2026-01-06")
    repo.commit({C1: contract({"M2": "2026-05-30"})}, "Fixed and moved", "2026-01-07")
    m2 = _read(tmp_path / "p")
    assert m2 is not None and [(r.before, r.after) for r in m2.replans] == [("2026-04-30", "2026-05-30")]


def test_without_git_history_there_is_a_notice_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "plain" / "contracts").mkdir(parents=True)
    found = read_plan_history(tmp_path / "plain", os.environ)
    assert found.history is None and found.notice == msg("history.no_repository") and not found.shallow


def test_git_missing_is_a_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plain").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert read_plan_history(tmp_path / "plain", os.environ).notice == msg("history.no_git")


def test_a_shallow_clone_gives_a_clear_notice(tmp_path: Path) -> None:
    repo = replanned_twice(tmp_path / "p")
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(tmp_path / "shallow"))
    found = read_plan_history(tmp_path / "shallow", os.environ)
    assert found.history is None and found.shallow and found.notice == msg("history.shallow")


def test_a_second_read_at_the_same_commit_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    replanned_twice(tmp_path / "p")
    first = read_plan_history(tmp_path / "p", os.environ, jobs=1)

    def no_log(folder: str) -> tuple[str, ...]:
        raise AssertionError("the log was read again")

    monkeypatch.setattr(history_read, "log_command", no_log)
    assert read_plan_history(tmp_path / "p", os.environ, jobs=1) == first


def test_new_commits_parse_only_new_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = replanned_twice(tmp_path / "p")
    read_plan_history(tmp_path / "p", os.environ, jobs=1)
    repo.commit({C1: contract({"M1": "2026-02-01", "M2": "2026-07-01"})}, "Again (#9)", "2026-05-02")
    parsed: list[int] = []
    real = history_read.read_snapshots
    monkeypatch.setattr(history_read, "read_snapshots", lambda blobs: parsed.append(len(blobs)) or real(blobs))
    m2 = _read(tmp_path / "p")
    assert parsed == [1] and m2 is not None and [r.pull_request for r in m2.replans] == [4, 7, 9]
