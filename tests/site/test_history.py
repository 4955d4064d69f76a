"""The change history of contract files: one git log, pull request numbers parsed from subjects."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pactwatch.site.history import LOG_FORMAT, parse, pull_request_of, read_history
from tests.site.conftest import git

R, F = "\x1e", "\x1f"


def test_pull_request_numbers() -> None:
    assert pull_request_of("Merge pull request #123 from me/branch") == 123
    assert pull_request_of("Raise the value (#45)") == 45
    assert pull_request_of("Fix #7 typo") is None
    assert pull_request_of("plain") is None


def test_parse_groups_changes_by_file_newest_first() -> None:
    output = (
        f"{R}b2{F}2026-03-02{F}Li Na{F}Merge pull request #9 from li/x{F}Pay M2 on time\n{F}\n\ncontracts/a.yaml\ncontracts/b.yaml\n"
        f"{R}a1{F}2026-03-01{F}Zhang Wei{F}Add contracts (#3){F}{F}\n\ncontracts/a.yaml\n"
    )
    history = parse(output)
    assert list(history) == ["contracts/a.yaml", "contracts/b.yaml"]
    first, second = history["contracts/a.yaml"]
    assert (first.commit, first.day, first.author, first.subject, first.pull_request) == (
        "b2",
        date(2026, 3, 2),
        "Li Na",
        "Pay M2 on time",
        9,
    )
    assert (second.subject, second.pull_request) == ("Add contracts (#3)", 3)
    assert LOG_FORMAT.count("%") == 5


def test_read_history_outside_git_is_empty(tmp_path: Path) -> None:
    assert read_history(tmp_path) == {}


def test_read_history_of_a_portfolio_in_a_subfolder(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    contracts = repo / "legal" / "contracts"
    contracts.mkdir(parents=True)
    (contracts / "a.yaml").write_text("a: 1\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first (#1)")
    (contracts / "a.yaml").write_text("a: 2\n")
    (repo / "README.md").write_text("x\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "second")
    history = read_history(repo / "legal")
    assert list(history) == ["contracts/a.yaml"]
    assert [c.subject for c in history["contracts/a.yaml"]] == ["second", "first (#1)"]
    assert history["contracts/a.yaml"][1].pull_request == 1
