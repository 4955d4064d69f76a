"""pactwatch pr-comment against the stand-in GitHub: one comment per pull request, created once, then edited in place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from github.fake_github import FakeGitHub
from pactwatch.changes.comment import MARKER
from tests.changes.repo import BASE, changed, make_repo
from tests.conftest import CliResult

Cli = Callable[..., CliResult]


@pytest.fixture
def pull(tmp_path: Path, fake: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    repo = make_repo(tmp_path / "repo")
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit({"contracts/C-1.yaml": changed(BASE)}, "Move M1, 45 days to pay, add acceptance", "2026-01-06")
    monkeypatch.setenv("GITHUB_TOKEN", fake.token)
    monkeypatch.setenv("GITHUB_API_URL", fake.url)
    monkeypatch.setenv("GITHUB_REPOSITORY", fake.repo)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("PACTWATCH_BOT_LOGIN", raising=False)
    return repo.root, fake.add_issue("Move M1", pull_request=True)


def ours(fake: FakeGitHub, number: int) -> list[str]:
    return [c["body"] for c in fake.comments[number] if c["user"]["login"] == fake.login]


def test_the_comment_is_created_once_and_updated_on_the_next_push(pull: tuple[Path, int], fake: FakeGitHub, run_cli: Cli) -> None:
    root, number = pull
    fake.add_comment(number, MARKER + "\nforged by a stranger", author="mallory")  # a marker alone is not ours
    first = run_cli("pr-comment", "--root", root, "--base", "main", "--pr", str(number))
    assert first.code == 0, first.err
    assert "commented on pull request #" in first.out
    [body] = ours(fake, number)
    assert body.startswith(MARKER)
    for said in (
        "Contract C-1: Payment terms (days) changed from 30 to 45",
        "milestone M1: due moved from 2026-03-01 to 2026-03-15 (14 days later)",
        "milestone M3 'Acceptance' added, due 2026-05-01",
        "#### Approvals needed",
        "No new finding.",
    ):
        assert said in body, said
    assert "forged by a stranger" in fake.comments[number][0]["body"]  # left alone

    (root / "contracts" / "C-1.yaml").write_text(changed(BASE).replace("payment_days: 45", "payment_days: 60"), encoding="utf-8")
    second = run_cli("pr-comment", "--root", root, "--base", "main", "--pr", str(number))
    assert second.code == 0, second.err
    [updated] = ours(fake, number)
    assert "changed from 30 to 60" in updated and "changed from 30 to 45" not in updated
    assert [(w.method, w.path.rsplit("/", 2)[-2]) for w in fake.writes] == [("POST", str(number)), ("PATCH", "comments")]

    third = run_cli("pr-comment", "--root", root, "--base", "main", "--pr", str(number))  # nothing new: nothing written
    assert third.code == 0 and len(fake.writes) == 2


def test_a_new_finding_is_listed(pull: tuple[Path, int], fake: FakeGitHub, run_cli: Cli) -> None:
    root, number = pull
    (root / "contracts" / "C-1.yaml").write_text(
        changed(BASE).replace("owner: bo\n    due: 2026-05-01", "owner: nobody\n    due: 2026-05-01")
    )
    assert run_cli("pr-comment", "--root", root, "--base", "main", "--pr", str(number)).code == 0
    [body] = ours(fake, number)
    assert "PW304" in body and "`contracts/C-1.yaml:" in body


def test_from_a_fork_the_comment_goes_to_the_job_summary(
    pull: tuple[Path, int], fake: FakeGitHub, run_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, number = pull
    fake.read_only = True  # a fork's pull request: the token can read, not write
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run_cli("pr-comment", "--root", root, "--base", "main", "--pr", str(number))
    assert result.code == 0, result.err
    assert "written to the job summary" in result.err
    assert fake.comments[number] == []
    text = summary.read_text(encoding="utf-8")
    assert text.startswith(MARKER) and "Payment terms (days) changed from 30 to 45" in text
