"""Walking the calendar with `pactwatch remind --today D`: who hears what, on exactly which days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from tests.notify.mailserver import MailServer
from tests.notify.robots import Robots

SETTINGS = """\
timezone: Asia/Shanghai
language: en
reminders: [7, 3, 0]
escalate_after_days: 7
notify:
  email: {{smtp_host: localhost, smtp_port: {port}, from: pactwatch@example.com, username_env: SMTP_USER, password_env: SMTP_PASSWORD}}
  webhooks:
    - {{type: dingtalk, url_env: DINGTALK_WEBHOOK, secret_env: DINGTALK_SECRET}}
"""
PEOPLE = """\
people:
  - {id: ann, name: Ann Lee, email: ann@example.com, mobile: "13900000001", manager: bob}
  - {id: bob, name: Bob Ma, email: bob@example.com, dingtalk: bob-ding}
"""
CONTRACT = """\
id: C-2026-100
title: Pump supply
type: sales
status: active
owner: ann
counterparty: {name: Acme Pumps}
value: {amount: 1000.00, currency: CNY}
milestones:
  - {id: M1, title: Deliver pumps, kind: delivery, due: 2026-12-10, owner: ann}
  - {id: M2, title: Invoice paid, kind: payment, due: 2026-12-05, owner: bob, amount: 1000.00, remind_days: [1]}
"""


def test_each_person_hears_on_the_7_3_0_days_then_overdue_then_escalation_then_weekly(
    write_portfolio: Callable[..., Path],
    run_cli: Callable[..., object],
    mailserver: MailServer,
    robots: Robots,
    environment: Callable[[], dict[str, str]],
    tmp_path: Path,
) -> None:
    environment()
    root = write_portfolio(
        {"pactwatch.yml": SETTINGS.format(port=mailserver.port), "people.yaml": PEOPLE, "contracts/sales/C-2026-100.yaml": CONTRACT}
    )
    state = tmp_path / "state.json"
    heard: dict[str, list[str]] = {}
    day = date(2026, 11, 25)
    while day <= date(2026, 12, 25):
        before = len(mailserver.inbox.mails)
        result = run_cli("remind", "--root", root, "--today", day.isoformat(), "--state", state, "--retry-wait", "0")
        assert result.code == 0, result.out + result.err  # type: ignore[attr-defined]
        for mail in mailserver.inbox.mails[before:]:
            body = mail.message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
            labels = [line.split("]")[0].lstrip("- [") for line in body.splitlines() if line.startswith("- [")]
            heard.setdefault(day.isoformat(), []).append(f"{mail.message['To']} cc={mail.message['Cc']}: {'; '.join(labels)}")
        day += timedelta(days=1)
    assert heard == {
        "2026-12-03": ["Ann Lee <ann@example.com> cc=None: due in 7 days"],
        "2026-12-04": ["Bob Ma <bob@example.com> cc=None: due tomorrow"],
        "2026-12-06": ["Bob Ma <bob@example.com> cc=None: overdue by 1 day"],
        "2026-12-07": ["Ann Lee <ann@example.com> cc=None: due in 3 days"],
        "2026-12-10": ["Ann Lee <ann@example.com> cc=None: due today"],
        "2026-12-11": ["Ann Lee <ann@example.com> cc=None: overdue by 1 day"],
        "2026-12-13": ["Bob Ma <bob@example.com> cc=None: 8 days overdue, no manager to escalate to"],
        "2026-12-18": ["Ann Lee <ann@example.com> cc=Bob Ma <bob@example.com>: 8 days overdue, escalated to Bob Ma"],
        "2026-12-20": ["Bob Ma <bob@example.com> cc=None: overdue by 15 days"],  # overdue_every_days (7) after the overdue day
        "2026-12-25": ["Ann Lee <ann@example.com> cc=Bob Ma <bob@example.com>: overdue by 15 days"],  # escalated: the manager too
    }
    dingtalk = robots.of("dingtalk")
    assert len(dingtalk) == len(heard)  # one group message on each of those days, nothing on the others
    escalation = dingtalk[-3].body  # 12-18; the follow-up of 12-25 mentions the same two people
    assert dingtalk[-1].body["at"] == escalation["at"]
    assert escalation["at"] == {"atMobiles": ["13900000001"], "atUserIds": ["bob-ding"], "isAtAll": False}
    assert "@13900000001" in escalation["markdown"]["text"] and "@bob-ding" in escalation["markdown"]["text"]
