"""Reminders against hostile data and answers: names that would break or forge e-mail headers, a channel
that cannot be built, a robot that echoes its webhook URL, and strangers typing the digest's markers.

Names are put into the loaded portfolio directly: rejecting control characters in people.yaml is the
validator's job; these tests show the send path holds even for data that got past it.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from email import message_from_bytes, policy
from pathlib import Path

from pactwatch.load.portfolio import load_portfolio
from pactwatch.model import Portfolio
from pactwatch.notify import github_digest
from pactwatch.notify.run import Pacing, Report, run
from pactwatch.settings import load_settings
from tests.engine.factories import D
from tests.github.fake_github import FakeGitHub
from tests.notify.mailserver import MailServer
from tests.notify.robots import DING_TOKEN, Fault, Robots

NO_WAIT = Pacing(retry_wait=0, github_pace=0, sleep=lambda s: None)
DAY = "2026-11-27"  # chen.jing and zhou.lei each have a notice: e-mail, every robot, GitHub


def _portfolio(root: Path, **people: dict[str, str]) -> Portfolio:
    loaded = load_portfolio(root, D(DAY), settings=load_settings(root), use_cache=False)
    changed = {pid: dataclasses.replace(p, **people.get(pid, {})) for pid, p in loaded.portfolio.people.items()}
    return dataclasses.replace(loaded.portfolio, people=changed)


def _run(root: Path, portfolio: Portfolio, environ: dict[str, str], state: Path | None = None, dry_run: bool = False) -> Report:
    return run(root, portfolio, D(DAY), state=state, dry_run=dry_run, environ=environ, pacing=NO_WAIT)


def _by_channel(report: Report) -> dict[str, list[bool]]:
    found: dict[str, list[bool]] = {}
    for result in report.results:
        found.setdefault(result.message.channel, []).append(result.ok)
    return found


def test_a_name_with_a_line_break_reaches_every_channel(
    example: Path, mailserver: MailServer, robots: Robots, github: FakeGitHub, environment: Callable[[], dict[str, str]]
) -> None:
    portfolio = _portfolio(example, **{"chen.jing": {"name": "陈静\r\nBcc: attacker@evil.example"}})
    report = _run(example, portfolio, environment())
    assert report.ok, [r.error for r in report.failed] + report.errors
    assert {c: all(oks) for c, oks in _by_channel(report).items()} == dict.fromkeys(
        ("email", "dingtalk", "wecom", "feishu", "slack", "github"), True
    )
    (mail,) = mailserver.inbox.to("chen.jing@example.com")
    assert mail.recipients == ["chen.jing@example.com"] and mail.message["Bcc"] is None
    assert "\n" not in str(mail.message["Subject"]) and [a.addr_spec for a in mail.message["To"].addresses] == ["chen.jing@example.com"]


def test_a_display_name_cannot_add_an_address_to_the_to_header(
    example: Path, mailserver: MailServer, robots: Robots, github: FakeGitHub, environment: Callable[[], dict[str, str]]
) -> None:
    names = {"chen.jing": "陈静, 攻击者 <attacker@evil.example>", "zhou.lei": "周磊: attacker@evil.example;"}
    portfolio = _portfolio(example, **{pid: {"name": name} for pid, name in names.items()})
    assert _run(example, portfolio, environment()).ok
    for pid, name in names.items():
        (mail,) = mailserver.inbox.to(f"{pid}@example.com")
        parsed = message_from_bytes(mail.message.as_bytes(), policy=policy.default)
        (address,) = parsed["To"].addresses  # exactly one mailbox, with the whole name as its display name
        assert (address.addr_spec, address.display_name) == (f"{pid}@example.com", name)
        assert mail.recipients == [f"{pid}@example.com"]


def test_a_message_or_a_channel_that_cannot_be_built_fails_alone(
    example: Path, mailserver: MailServer, robots: Robots, github: FakeGitHub, environment: Callable[[], dict[str, str]], tmp_path: Path
) -> None:
    state = tmp_path / "state.json"
    portfolio = _portfolio(example, **{"chen.jing": {"email": "chen>attacker@evil.example"}})  # not one mailbox
    report = _run(example, portfolio, environment(), state)
    assert not report.ok
    (failed,) = report.failed
    assert (failed.message.channel, failed.message.recipient) == ("email", "chen.jing")
    assert (failed.error or "").startswith("email：无法生成消息（ValueError: ")  # the example portfolio speaks zh
    assert [m.recipients for m in mailserver.inbox.mails] == [["zhou.lei@example.com"]]
    assert len(robots.of("slack")) == 1 and github.issues
    assert json.loads(state.read_text(encoding="utf-8"))["complete_through"] == "2026-11-26"  # chen.jing's e-mail goes out next run

    (example / "templates" / "notify").mkdir(parents=True)
    (example / "templates" / "notify" / "email.txt.j2").write_text("{{ no_such_value }}\n", encoding="utf-8")  # a broken override
    sent = len(mailserver.inbox.mails)
    again = _run(example, _portfolio(example), environment())
    (broken,) = again.failed
    assert (broken.message.channel, broken.message.recipient) == ("email", "all") and "UndefinedError" in (broken.error or "")
    assert len(mailserver.inbox.mails) == sent and len(robots.of("slack")) == 2  # the robots still got theirs


def test_a_robot_answer_echoing_the_webhook_url_leaks_no_part_of_the_token(
    example: Path, mailserver: MailServer, robots: Robots, github: FakeGitHub, environment: Callable[[], dict[str, str]]
) -> None:
    values = environment()
    before_token = f"{robots.url}/dingtalk/robot/send?access_token="
    head = len('{"errcode": 300001, "errmsg": "') + len(" rejected ") + len(before_token)
    robots.faults["dingtalk"] = Fault(code=300001, echo=175 - head)  # the token straddles character 200 of the answer
    report = _run(example, _portfolio(example), values)
    (failed,) = report.failed
    assert failed.message.channel == "dingtalk" and "***" in (failed.error or "")
    assert DING_TOKEN[9:] not in (failed.error or "") and "access-token" not in (failed.error or "") and len(failed.error or "") <= 300


def test_strangers_typing_the_digest_markers_neither_take_over_nor_silence_it(
    example: Path, mailserver: MailServer, robots: Robots, github: FakeGitHub, environment: Callable[[], dict[str, str]]
) -> None:
    values = environment()
    portfolio = _portfolio(example)
    preview = _run(example, portfolio, values, dry_run=True)
    (update,) = [m.payload for m in preview.messages if m.channel == "github" and m.recipient == "chen.jing"]
    assert isinstance(update, github_digest.DigestUpdate) and update.comment is not None
    forged = github.add_issue("近期合同节点：陈静", github_digest.marker("chen.jing"), labels=("pactwatch-digest",), author="mallory")
    github.add_comment(forged, update.comment.split("\n", 1)[0] + "\nalready told", author="mallory")
    report = _run(example, portfolio, values)
    assert report.ok, [r.error for r in report.failed]
    assert github.issues[forged]["body"] == github_digest.marker("chen.jing") and len(github.comments[forged]) == 1
    (mine,) = [i for i in github.issues.values() if i["user"] == {"login": github.login} and github_digest.marker("chen.jing") in i["body"]]
    comments = github.comments[int(mine["number"])]
    assert len(comments) == 1 and "@chenjing-ec" in comments[0]["body"] and comments[0]["user"] == {"login": github.login}
