"""pactwatch announce: a merged change reaches its owner and the contract's watchers once, through e-mail and chat robots."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pactwatch.git import run_git
from tests.changes.repo import BASE, make_repo
from tests.conftest import CliResult
from tests.notify.mailserver import SMTP_PASSWORD, SMTP_USER, MailServer
from tests.notify.portfolios import notify_block
from tests.notify.robots import Robots

Cli = Callable[..., CliResult]


@pytest.fixture
def merged(tmp_path: Path, mailserver: MailServer, robots: Robots, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A repository where pull request #42, approved by 李娜... by Cy Ho, moved payment_days from 30 to 45."""
    repo = make_repo(tmp_path / "repo", "zh")
    settings = "timezone: Asia/Shanghai\nlanguage: zh\ncurrency: CNY\n" + notify_block(mailserver.port, github=False)
    before = repo.commit({"pactwatch.yml": settings}, "notify", "2026-01-05")
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit({"contracts/C-1.yaml": BASE.replace("payment_days: 30", "payment_days: 45")}, "45 days to pay", "2026-01-06")
    repo.git("checkout", "-q", "main")
    message = "Merge pull request #42 from example-co/feature\n\n45 days to pay\n\nApproved-by: cy-gh <cy@example.com>\n"
    repo.git("merge", "-q", "--no-ff", "-m", message, "feature", day="2026-01-07")
    for name, value in {**robots.env(), "SMTP_USER": SMTP_USER, "SMTP_PASSWORD": SMTP_PASSWORD}.items():
        monkeypatch.setenv(name, value)
    (repo.root / "people.yaml").write_text(
        (repo.root / "people.yaml").read_text(encoding="utf-8").replace("name: Cy Ho,", "name: 李娜, github: cy-gh,"), encoding="utf-8"
    )
    return repo.root, before


def test_a_merged_change_tells_the_owner_and_the_watchers_once(
    merged: tuple[Path, str], mailserver: MailServer, robots: Robots, run_cli: Cli, tmp_path: Path
) -> None:
    root, before = merged
    state = tmp_path / "log.json"
    first = run_cli("announce", "--root", root, "--since", before, "--state", state)
    assert first.code == 0, first.out + first.err
    sentence = "合同 C-1 的付款期限（天）由 30 改为 45（PR #42，李娜批准）"
    # the contract's owner (ann) and the team watching it (finance: cy and di); bo owns no changed milestone
    told = sorted(r for mail in mailserver.inbox.mails for r in mail.recipients)
    assert told == ["ann@example.com", "cy@example.com", "di@example.com"]
    for mail in mailserver.inbox.mails:
        body = mail.message.get_body(("plain",))
        assert body is not None and sentence in body.get_content()
    for platform in ("dingtalk", "wecom", "feishu", "slack"):
        said = str(robots.of(platform)[0].body).replace("＃", "#")  # chat text writes # full-width: no channel or issue link
        assert len(robots.of(platform)) == 1 and sentence in said, platform

    again = run_cli("announce", "--root", root, "--since", before, "--state", state)
    assert again.code == 0, again.err
    assert len(mailserver.inbox.mails) == 3 and len(robots.received) == 4  # a rerun sends nothing
    assert "没有要发送的提醒" in again.out


def test_a_dry_run_prints_and_sends_nothing(merged: tuple[Path, str], mailserver: MailServer, robots: Robots, run_cli: Cli) -> None:
    root, before = merged
    result = run_cli("announce", "--root", root, "--since", before, "--dry-run")
    assert result.code == 0, result.err
    assert "付款期限（天）由 30 改为 45（PR #42，李娜批准）" in result.out
    assert mailserver.inbox.mails == [] and robots.received == []


def test_an_unknown_watcher_is_a_finding(tmp_path: Path, run_cli: Cli) -> None:
    repo = make_repo(tmp_path / "repo")
    (repo.root / "contracts" / "C-1.yaml").write_text(BASE.replace("watchers: [finance]", "watchers: [finance, cy, nobody]"))
    result = run_cli("validate", "--root", repo.root)
    assert result.code == 1
    assert "PW304" in result.out and "watcher 'nobody' is neither a person nor a team in people.yaml" in result.out
    assert "'cy'" not in result.out and "'finance'" not in result.out


def test_a_new_branchs_all_zeros_before_is_a_one_line_notice(
    merged: tuple[Path, str], mailserver: MailServer, robots: Robots, run_cli: Cli
) -> None:
    root, _ = merged
    result = run_cli("announce", "--root", root, "--since", "0" * 40)
    assert result.code == 0, result.err
    assert result.out.strip() == "这次推送新建了分支，之前没有提交：不发送变更通知（每日运行会补发近期的变更）"
    assert mailserver.inbox.mails == [] and robots.received == []


def test_a_ref_this_clone_does_not_hold_is_a_one_line_notice(
    merged: tuple[Path, str], mailserver: MailServer, robots: Robots, run_cli: Cli, tmp_path: Path
) -> None:
    root, before = merged
    shallow = tmp_path / "shallow"  # as actions/checkout clones by default: the pushed commit only
    run_git(tmp_path, "clone", "-q", "--depth", "1", root.as_uri(), str(shallow))
    (shallow / "people.yaml").write_text((root / "people.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for where, ref in ((shallow, before), (root, "1" * 40)):  # not fetched; pushed away (or never there)
        result = run_cli("announce", "--root", where, "--since", ref, "--lang", "en")
        assert result.code == 0, result.err
        assert result.out.strip().splitlines() == [
            f"{ref} is not in this clone (a shallow clone did not fetch it, or a force-push replaced it): nothing announced;"
            " fetch more history (`fetch-depth`), the daily run covers recent changes"
        ]
    assert mailserver.inbox.mails == [] and robots.received == []


def test_the_daily_window_sends_what_the_push_run_missed_and_never_twice(
    merged: tuple[Path, str], mailserver: MailServer, robots: Robots, run_cli: Cli, tmp_path: Path
) -> None:
    root, before = merged
    state = tmp_path / "log.json"
    late = run_cli("announce", "--root", root, "--since-days", "1", "--today", "2026-01-10", "--state", state)
    assert late.code == 0 and "没有要发送的提醒" in late.out  # merged on the 7th: outside the last day of the 10th
    window = run_cli("announce", "--root", root, "--since-days", "1", "--today", "2026-01-08", "--state", state)
    assert window.code == 0, window.err
    assert "最近 1 天" in window.out and len(mailserver.inbox.mails) == 3 and len(robots.received) == 4
    for again in (("--since", before), ("--since-days", "7")):  # the push run and a wider window: the log stops repeats
        result = run_cli("announce", "--root", root, *again, "--today", "2026-01-08", "--state", state)
        assert result.code == 0 and "没有要发送的提醒" in result.out
    assert len(mailserver.inbox.mails) == 3 and len(robots.received) == 4


def test_since_or_days_exactly_one(merged: tuple[Path, str], run_cli: Cli) -> None:
    root, before = merged
    for args in ((), ("--since", before, "--since-days", "7")):
        result = run_cli("announce", "--root", root, *args)
        assert result.code == 2 and "--since REF" in result.err
