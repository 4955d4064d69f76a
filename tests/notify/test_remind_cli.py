"""`pactwatch remind` end to end, against a local SMTP server, four robot stand-ins and a GitHub stand-in."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pactwatch.catalogue import text as catalogue_text
from pactwatch.catalogue import word
from tests.github.fake_github import FakeGitHub
from tests.notify.mailserver import SMTP_USER, MailServer
from tests.notify.portfolios import example_settings_without_notify
from tests.notify.robots import SECRETS, Fault, Robots

FAST = ("--retry-wait", "0", "--pace", "0")


def _remind(run_cli: Callable[..., object], root: Path, day: str, state: Path, *extra: str) -> object:
    return run_cli("remind", "--root", root, "--today", day, "--state", state, *FAST, *extra)


def _no_secret_in(texts: list[str], values: dict[str, str]) -> None:
    secrets = [values[name] for name in ("SMTP_PASSWORD", "GITHUB_TOKEN")] + list(SECRETS)
    secrets += [values[name] for name in ("DINGTALK_WEBHOOK", "WECOM_WEBHOOK", "FEISHU_WEBHOOK", "SLACK_WEBHOOK")]
    for text in texts:
        for secret in secrets:
            assert secret not in text


def test_first_run_reaches_every_channel_and_a_rerun_sends_nothing(
    run_cli: Callable[..., object],
    example: Path,
    mailserver: MailServer,
    robots: Robots,
    github: FakeGitHub,
    environment: Callable[[], dict[str, str]],
    tmp_path: Path,
) -> None:
    values = environment()
    state = tmp_path / "state" / "remind.json"
    first = _remind(run_cli, example, "2026-11-27", state)
    assert first.code == 0, first.out + first.err  # type: ignore[attr-defined]

    # e-mail: one per owner with a notice that day (chen.jing: 3 days before P-2026-003/M3, and 8 days before Saturday
    # 12-05 for S-2026-004/R1: calendar CN moves its 7-day reminder off Saturday 11-28; zhou.lei: S-2026-004/M2 due today)
    mails = mailserver.inbox.mails
    assert sorted(r for m in mails for r in m.recipients) == ["chen.jing@example.com", "zhou.lei@example.com"]
    assert all(m.tls and m.login == SMTP_USER for m in mails)
    chen = mailserver.inbox.to("chen.jing@example.com")[0].message
    assert chen["Subject"] == "【合同提醒】陈静：2 项事项（2026年11月27日）"
    assert chen.get_body(("plain",)).get_content().count("3 天后到期") == 1  # type: ignore[union-attr]
    assert chen.get_body(("plain",)).get_content().count("8 天后到期") == 1  # type: ignore[union-attr]
    assert "到货验收及上架测试" in chen.get_body(("html",)).get_content()  # type: ignore[union-attr]

    # each robot got one message for the group, accepted (tokens and signatures checked by the stand-ins)
    assert [len(robots.of(p)) for p in ("dingtalk", "wecom", "feishu", "slack")] == [1, 2, 1, 1]
    assert not [r for r in robots.received if not r.accepted]
    ding = robots.of("dingtalk")[0].body
    assert ding["at"] == {"atMobiles": ["13800000007", "13800000008"], "atUserIds": [], "isAtAll": False}
    assert "@13800000007" in ding["markdown"]["text"] and "@13800000008" in ding["markdown"]["text"]
    wecom_text = robots.of("wecom")[1].body
    assert wecom_text["text"]["mentioned_mobile_list"] == ["13800000007", "13800000008"]

    # GitHub: a digest per owner with something upcoming, a comment mentioning those with a new notice
    digests = {i["title"]: i for i in github.issues.values()}
    assert "近期合同节点：陈静" in digests and "<!-- pactwatch-digest:chen.jing -->" in digests["近期合同节点：陈静"]["body"]
    commented = {n: c for n, c in github.comments.items() if c}
    assert sorted(c[0]["body"].split("\n")[1].split(" ")[0] for c in commented.values()) == ["@chenjing-ec", "@zhoulei-ec"]

    # the rerun finds everything in the delivery log
    before = (len(mailserver.inbox.mails), len(robots.received), len(github.writes))
    again = _remind(run_cli, example, "2026-11-27", state)
    assert again.code == 0, again.err  # type: ignore[attr-defined]
    assert (len(mailserver.inbox.mails), len(robots.received), len(github.writes)) == before
    nothing, joiner = word("notify.run.nothing_new", "zh"), word("notify.joiner", "zh")
    refreshed = catalogue_text("notify.run.refreshed", "zh", count=7)
    email_line = catalogue_text("notify.run.channel", "zh", channel="email", counts=nothing)
    github_line = catalogue_text("notify.run.channel", "zh", channel="github", counts=f"{nothing}{joiner}{refreshed}")
    assert f"  {email_line}\n" in again.out and f"  {github_line}\n" in again.out  # type: ignore[attr-defined]

    _no_secret_in([first.out, first.err, again.out, again.err, state.read_text(encoding="utf-8")], values)  # type: ignore[attr-defined]


def test_a_failing_channel_does_not_block_the_others_and_the_next_run_delivers_what_was_missed(
    run_cli: Callable[..., object],
    example: Path,
    mailserver: MailServer,
    robots: Robots,
    github: FakeGitHub,
    environment: Callable[[], dict[str, str]],
    tmp_path: Path,
) -> None:
    values = environment()
    state = tmp_path / "remind.json"
    robots.faults["feishu"] = Fault(status=500)
    robots.faults["dingtalk"] = Fault(code=130101)  # "send too fast": DingTalk answers HTTP 200 with an errcode
    failed = _remind(run_cli, example, "2026-11-27", state)
    assert failed.code == 1  # type: ignore[attr-defined]
    assert len(robots.of("feishu", accepted=False)) == 3 and len(robots.of("dingtalk", accepted=False)) == 3  # retried
    assert len(robots.of("wecom")) == 2 and len(robots.of("slack")) == 1 and len(mailserver.inbox.mails) == 2
    out = failed.out  # type: ignore[attr-defined]
    group = word("notify.recipient.group", "zh")  # 群: the robot's recipient in words, "group" only in the delivery log
    error = catalogue_text("notify.send.not_accepted", "zh", channel="feishu", host="127.0.0.1", problem="HTTP 500")
    assert catalogue_text("notify.run.failed_message", "zh", channel="feishu", recipient=group, error=error) in out
    assert "errcode 130101" in out
    assert json.loads(state.read_text(encoding="utf-8"))["complete_through"] == "2026-11-26"

    # the next day the robots work again: they get yesterday's notices (as they stand today) and today's
    robots.faults.clear()
    mails_before, wecom_before = len(mailserver.inbox.mails), len(robots.of("wecom"))
    recovered = _remind(run_cli, example, "2026-11-28", state)
    assert recovered.code == 0, recovered.out  # type: ignore[attr-defined]
    feishu_text = robots.of("feishu")[0].body["card"]["elements"][0]["text"]["content"]
    assert "S-2026-004" in feishu_text and "P-2026-003" in feishu_text  # from 11-27, missed
    assert "已逾期 1 天" in feishu_text  # S-2026-004/M2 was due 11-27: read as it stands on 11-28
    wecom_new = [r.body for r in robots.of("wecom")[wecom_before:] if r.body["msgtype"] == "markdown"]
    assert len(wecom_new) == 1 and "到货验收及上架测试" not in wecom_new[0]["markdown"]["content"]  # sent on 11-27 already
    new_mails = mailserver.inbox.mails[mails_before:]
    assert "chen.jing@example.com" not in [r for m in new_mails for r in m.recipients if m.message["Subject"].count("11月27日")]
    assert json.loads(state.read_text(encoding="utf-8"))["complete_through"] == "2026-11-28"
    _no_secret_in([failed.out, failed.err, recovered.out, recovered.err, state.read_text(encoding="utf-8")], values)  # type: ignore[attr-defined]


def test_missing_variables_fail_only_their_channel(
    run_cli: Callable[..., object],
    example: Path,
    mailserver: MailServer,
    robots: Robots,
    environment: Callable[[], dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    environment()
    monkeypatch.delenv("SLACK_WEBHOOK")
    monkeypatch.setenv("WECOM_WEBHOOK", "http://wecom.example.com/cgi-bin/webhook/send?key=plain-http-key-123")
    result = _remind(run_cli, example, "2026-11-27", tmp_path / "s.json")
    assert result.code == 1  # type: ignore[attr-defined]
    group = word("notify.recipient.group", "zh")
    unset = catalogue_text("notify.wire.not_set", "zh", channel="slack", names="SLACK_WEBHOOK", count=1)
    assert catalogue_text("notify.run.failed_message", "zh", channel="slack", recipient=group, error=unset) in result.out  # type: ignore[attr-defined]
    assert catalogue_text("notify.wire.not_https", "zh", channel="wecom", names="WECOM_WEBHOOK") in result.out  # type: ignore[attr-defined]
    assert "plain-http-key-123" not in result.out + result.err  # type: ignore[attr-defined]
    assert len(mailserver.inbox.mails) == 2 and len(robots.of("dingtalk")) == 1


def test_dry_run_prints_every_message_and_sends_nothing(
    run_cli: Callable[..., object],
    example: Path,
    mailserver: MailServer,
    robots: Robots,
    github: FakeGitHub,
    environment: Callable[[], dict[str, str]],
    tmp_path: Path,
) -> None:
    environment()
    state = tmp_path / "never-written.json"
    result = run_cli("remind", "--root", example, "--today", "2026-11-27", "--dry-run", "--state", state)
    assert result.code == 0  # type: ignore[attr-defined]
    out = result.out  # type: ignore[attr-defined]
    group = word("notify.recipient.group", "zh")
    for channel, recipient, count in (
        ("email", "陈静 (chen.jing)", 2),  # people by name, with the id the delivery log keys on
        ("email", "周磊 (zhou.lei)", 1),
        ("dingtalk", group, 3),
        ("wecom", group, 3),
        ("feishu", group, 3),
        ("slack", group, 3),
        ("github", "陈静 (chen.jing)", 2),
    ):
        assert catalogue_text("notify.run.message", "zh", channel=channel, recipient=recipient, count=count) in out
    assert "group" not in out and "chen.jing（" not in out
    assert catalogue_text("notify.preview.subject", "zh", subject="【合同提醒】周磊：1 项事项（2026年11月27日）") in out  # 主题：…
    assert not mailserver.inbox.mails and not robots.received and not github.requests and not state.exists()

    as_json = run_cli("remind", "--root", example, "--today", "2026-11-27", "--dry-run", "--format", "json")
    data = json.loads(as_json.out)  # type: ignore[attr-defined]
    assert data["dry_run"] is True and data["channels"] == ["email", "dingtalk", "wecom", "feishu", "slack", "github"]
    mail = next(m for m in data["messages"] if m["channel"] == "email" and m["recipient"] == "zhou.lei")
    assert mail == {**mail, "status": "planned", "notices": ["S-2026-004/M2|2026-11-27|r0"]}


def test_dry_run_in_english_words_the_framing_in_english(
    run_cli: Callable[..., object], example: Path, environment: Callable[[], dict[str, str]], tmp_path: Path
) -> None:
    environment()
    result = run_cli("remind", "--root", example, "--today", "2026-11-27", "--dry-run", "--state", tmp_path / "s.json", "--lang", "en")
    out = result.out  # type: ignore[attr-defined]
    assert result.code == 0 and "=== dingtalk → group (3 notices) ===" in out  # type: ignore[attr-defined]
    assert "=== email → 周磊 (zhou.lei) (1 notice) ===" in out  # the singular; a person keeps their name
    assert "\nTo: 周磊 <zhou.lei@example.com>\nSubject: [pactwatch] 1 contract reminder for 周磊 (2026-11-27)\n" in out
    assert "群" not in out and "收件人" not in out and "条提醒" not in out


def test_json_report_of_a_real_run(
    run_cli: Callable[..., object],
    example: Path,
    mailserver: MailServer,
    robots: Robots,
    github: FakeGitHub,
    environment: Callable[[], dict[str, str]],
    tmp_path: Path,
) -> None:
    environment()
    robots.faults["slack"] = Fault(status=404)
    result = _remind(run_cli, example, "2026-11-27", tmp_path / "s.json", "--format", "json")
    data = json.loads(result.out)  # type: ignore[attr-defined]
    assert result.code == 1 and data["ok"] is False  # type: ignore[attr-defined]
    slack = next(m for m in data["messages"] if m["channel"] == "slack")
    assert slack["status"] == "failed" and slack["attempts"] == 3 and "HTTP 404" in slack["error"]
    assert {m["status"] for m in data["messages"] if m["channel"] != "slack"} == {"sent", "refreshed"}
    assert {m["recipient"] for m in data["messages"] if m["status"] == "refreshed"} == {
        "emily.clark",
        "li.na",
        "liu.yang",
        "wang.fang",
        "zhang.wei",
    }


def test_no_notify_block_is_a_quiet_no_op(run_cli: Callable[..., object], example: Path, tmp_path: Path) -> None:
    (example / "pactwatch.yml").write_text(example_settings_without_notify(), encoding="utf-8")
    result = run_cli("remind", "--root", example, "--today", "2026-11-27", "--state", tmp_path / "s.json")
    assert result.code == 0 and word("cli.remind.no_channels", "zh") in result.err  # type: ignore[attr-defined]
    assert not (tmp_path / "s.json").exists()


def test_a_run_killed_half_way_has_recorded_what_went_out(
    run_cli: Callable[..., object],
    example: Path,
    mailserver: MailServer,
    robots: Robots,
    environment: Callable[[], dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from pactwatch.notify.webhook import WebhookTransport

    environment()
    original = WebhookTransport.deliver

    def interrupted(self: WebhookTransport, message: object) -> None:
        if self.name == "feishu":
            raise KeyboardInterrupt
        original(self, message)  # type: ignore[arg-type]

    monkeypatch.setattr(WebhookTransport, "deliver", interrupted)
    state = tmp_path / "s.json"
    assert _remind(run_cli, example, "2026-11-27", state).code == 130  # type: ignore[attr-defined]
    sent = json.loads(state.read_text(encoding="utf-8"))["sent"]
    assert sorted(sent) == ["dingtalk", "email", "wecom"]  # feishu came next, slack and github never ran
    monkeypatch.setattr(WebhookTransport, "deliver", original)
    mails, dingtalk = len(mailserver.inbox.mails), len(robots.of("dingtalk"))
    assert _remind(run_cli, example, "2026-11-27", state).code == 0  # type: ignore[attr-defined]
    assert (len(mailserver.inbox.mails), len(robots.of("dingtalk"))) == (mails, dingtalk)
    assert len(robots.of("feishu")) == 1 and len(robots.of("slack")) == 1


def test_contracts_with_errors_are_left_out_the_others_are_reminded_and_the_run_fails(
    run_cli: Callable[..., object], example: Path, mailserver: MailServer, environment: Callable[[], dict[str, str]], tmp_path: Path
) -> None:
    environment()
    broken = example / "contracts" / "sales" / "C-2026-001.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("kind: service", "kind: servise"), encoding="utf-8")
    result = _remind(run_cli, example, "2026-11-27", tmp_path / "s.json")
    assert result.code == 1 and catalogue_text("cli.count.data_errors", "zh", count=1) in result.err  # type: ignore[attr-defined]
    assert len(mailserver.inbox.mails) == 2
