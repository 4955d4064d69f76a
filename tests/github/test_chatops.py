"""pactwatch chatops against the stand-in GitHub and a local bare repository as origin."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from github.fake_github import FakeGitHub
from pactwatch.github.issues import marker
from tests.conftest import CliResult

Run = Callable[..., CliResult]
SOURCE = "contracts/sales/C-2026-001.yaml"
BRANCH = "pactwatch/C-2026-001-M5-9001"


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(portfolio: Path, tmp_path: Path, fake: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The portfolio as a git checkout of main, pushed to a bare origin; the stand-in's env set."""
    origin = tmp_path / "origin.git"
    _git(tmp_path, "init", "--quiet", "--bare", "-b", "main", str(origin))
    _git(portfolio, "init", "--quiet", "-b", "main")
    _git(portfolio, "add", ".")
    _git(portfolio, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "contracts")
    _git(portfolio, "remote", "add", "origin", str(origin))
    _git(portfolio, "push", "--quiet", "origin", "main")
    for name, value in {"GITHUB_TOKEN": fake.token, "GITHUB_API_URL": fake.url, "GITHUB_REPOSITORY": fake.repo}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("PACTWATCH_TODAY", "2026-12-05")
    return origin


def _alert(fake: FakeGitHub, ref: str = "C-2026-001/M5", author: str | None = None) -> int:
    body = f"{marker(ref)}\n逾期"
    return fake.add_issue("逾期：C-2026-001 M5", body, ("pactwatch", "overdue"), author=author or fake.login)


def _event(tmp_path: Path, fake: FakeGitHub, number: int, body: str, login: str, comment_id: int = 9001) -> Path:
    issue = fake.issues[number]
    payload: dict[str, Any] = {
        "action": "created",
        "issue": {**issue, "html_url": f"https://github.com/{fake.repo}/issues/{number}"},
        "comment": {
            "id": comment_id,
            "body": body,
            "user": {"login": login, "id": 4242},
            "html_url": f"https://github.com/{fake.repo}/issues/{number}#issuecomment-{comment_id}",
        },
        "repository": {"default_branch": "main", "full_name": fake.repo},
    }
    path = tmp_path / f"event-{comment_id}.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return path


def _replies(fake: FakeGitHub, number: int) -> list[str]:
    return [c["body"] for c in fake.comments[number] if c["user"]["login"] == fake.login]


def test_an_owner_marks_done_and_gets_one_pull_request(run_cli: Run, repo: Path, portfolio: Path, fake: FakeGitHub, tmp_path: Path) -> None:
    number = _alert(fake)
    event = _event(tmp_path, fake, number, "/done 2026-12-03 回单 20261203\n谢谢", "liuyang-ec")
    result = run_cli("chatops", "--event", event, "--root", portfolio)
    assert result.code == 0, result.err
    assert [p["head"]["ref"] for p in fake.pulls.values()] == [BRANCH]
    pull = next(iter(fake.pulls.values()))
    assert pull["base"]["ref"] == "main" and "liuyang-ec" in pull["body"] and "issuecomment-9001" in pull["body"]
    diff = _git(repo, "diff", "main", BRANCH)
    added = [ln for ln in diff.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    removed = [ln for ln in diff.splitlines() if ln.startswith("-") and not ln.startswith("---")]
    assert added == ["+    status: done", "+    completed_on: 2026-12-03", "+    evidence: 回单 20261203"] and not removed
    assert _git(repo, "log", "-1", "--format=%an <%ae>", BRANCH).strip() == "liuyang-ec <4242+liuyang-ec@users.noreply.github.com>"
    replies = _replies(fake, number)
    assert len(replies) == 1 and pull["html_url"] in replies[0]
    assert _git(portfolio, "status", "--porcelain") == ""  # the checkout itself is untouched

    writes = len(fake.writes)
    again = run_cli("chatops", "--event", event, "--root", portfolio)  # the same event, replayed
    assert again.code == 0 and "answered already" in again.out
    assert len(fake.pulls) == 1 and len(_replies(fake, number)) == 1 and len(fake.writes) == writes


def test_a_replay_after_a_lost_reply_reuses_the_pull_request(
    run_cli: Run, repo: Path, portfolio: Path, fake: FakeGitHub, tmp_path: Path
) -> None:
    number = _alert(fake)
    event = _event(tmp_path, fake, number, "/done 2026-12-03", "liuyang-ec")
    fake.fail("POST", r"/issues/\d+/comments", 502, after_work=False)  # the reply is lost the first time
    assert run_cli("chatops", "--event", event, "--root", portfolio).code != 0
    assert run_cli("chatops", "--event", event, "--root", portfolio).code == 0
    assert len(fake.pulls) == 1 and len(_replies(fake, number)) == 1


def test_a_stranger_is_refused_politely_and_nothing_changes(
    run_cli: Run, repo: Path, portfolio: Path, fake: FakeGitHub, tmp_path: Path
) -> None:
    number = _alert(fake)
    result = run_cli("chatops", "--event", _event(tmp_path, fake, number, "/done 2026-12-03", "mallory"), "--root", portfolio)
    assert result.code == 0 and "refused" in result.out
    assert not fake.pulls and _git(repo, "branch", "--list", "pactwatch/*") == ""
    (reply,) = _replies(fake, number)
    assert "@mallory" in reply and "@liuyang-ec" in reply and "@wangfang-ec" in reply and "@example-co/finance" in reply


def test_a_manager_reschedules_and_an_approver_acknowledges(
    run_cli: Run, repo: Path, portfolio: Path, fake: FakeGitHub, tmp_path: Path
) -> None:
    number = _alert(fake, "C-2026-001/M6")
    event = _event(tmp_path, fake, number, "/reschedule 2027-07-20 客户要求延后", "sunhao-ec", 9002)
    result = run_cli("chatops", "--event", event, "--root", portfolio)
    assert result.code == 0 and "pull/" in result.out, (result.out, _replies(fake, number))
    diff = _git(repo, "diff", "main", "pactwatch/C-2026-001-M6-9002")
    assert "+    due: 2027-07-20" in diff and "客户要求延后" in diff and "+  - id: A3" in diff
    fake.teams["example-co/finance"] = {"finance-amy"}
    event = _event(tmp_path, fake, number, "/ack 2027-08-01 等待客户确认", "finance-amy", 9003)
    assert run_cli("chatops", "--event", event, "--root", portfolio).code == 0
    assert "+    ack: {until: 2027-08-01, note: 等待客户确认}" in _git(repo, "diff", "main", "pactwatch/C-2026-001-M6-9003")
    assert len(fake.pulls) == 2


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("/done 2026-13-03 回单", "2026-13-03"),
        ("/done 2026-12-20", "2026-12-20"),  # after today
        ("/reschedule 2027-01-10", "原因"),
        ("/finish", "/finish"),
    ],
)
def test_a_bad_command_gets_a_located_reply(
    run_cli: Run, repo: Path, portfolio: Path, fake: FakeGitHub, tmp_path: Path, body: str, words: str
) -> None:
    number = _alert(fake)
    assert run_cli("chatops", "--event", _event(tmp_path, fake, number, body, "liuyang-ec"), "--root", portfolio).code == 0
    (reply,) = _replies(fake, number)
    assert words in reply and ("建议" in reply or "可用命令" in reply)
    assert not fake.pulls


def test_a_comment_on_a_human_made_issue_is_ignored(run_cli: Run, repo: Path, portfolio: Path, fake: FakeGitHub, tmp_path: Path) -> None:
    number = _alert(fake, author="someone")  # a marker and the label, typed by a person
    result = run_cli("chatops", "--event", _event(tmp_path, fake, number, "/done 2026-12-03", "liuyang-ec"), "--root", portfolio)
    assert result.code == 0 and "ignored" in result.out
    assert not [r for r in fake.writes] and not fake.pulls


def test_an_issue_opened_from_the_site_link(run_cli: Run, repo: Path, portfolio: Path, fake: FakeGitHub, tmp_path: Path) -> None:
    number = fake.add_issue("[pactwatch] C-2026-001/M5 质保期中期回访", "/done 2026-12-04 回访记录", author="liuyang-ec")
    payload = {"action": "opened", "issue": fake.issues[number], "repository": {"default_branch": "main"}}
    event = tmp_path / "opened.json"
    event.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    assert run_cli("chatops", "--event", event, "--root", portfolio).code == 0
    assert [p["head"]["ref"] for p in fake.pulls.values()] == [f"pactwatch/C-2026-001-M5-issue-{number}"]
