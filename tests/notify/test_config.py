"""The notify block: schema (names of variables only, never values) and typed records."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pactwatch.errors import UsageError
from pactwatch.notify import config
from tests.conftest import CliResult

BASE = "timezone: Asia/Shanghai\nlanguage: en\n"


def test_the_issue_example_parses() -> None:
    raw = {
        "email": {
            "smtp_host": "smtp.example.com",
            "smtp_port": 587,
            "starttls": True,
            "from": "pactwatch@example.com",
            "username_env": "SMTP_USER",
            "password_env": "SMTP_PASSWORD",
        },
        "webhooks": [
            {"type": "dingtalk", "url_env": "DINGTALK_WEBHOOK", "secret_env": "DINGTALK_SECRET"},
            {"type": "wecom", "url_env": "WECOM_WEBHOOK", "teams": ["sales"]},
            {"type": "feishu", "url_env": "FEISHU_WEBHOOK", "secret_env": "FEISHU_SECRET"},
            {"type": "slack", "name": "slack-finance", "url_env": "SLACK_WEBHOOK"},
        ],
        "github": {"digest": True},
    }
    parsed = config.parse(raw)
    assert parsed.email == config.EmailConfig("smtp.example.com", "pactwatch@example.com", 587, True, False, "SMTP_USER", "SMTP_PASSWORD")
    assert [(w.type, w.name, w.teams) for w in parsed.webhooks] == [
        ("dingtalk", "dingtalk", ()),
        ("wecom", "wecom", ("sales",)),
        ("feishu", "feishu", ()),
        ("slack", "slack-finance", ()),
    ]
    assert parsed.github == config.GithubConfig() and parsed.catch_up_days == 7
    assert parsed.channels == ("email", "dingtalk", "wecom", "feishu", "slack-finance", "github")
    assert config.parse({"github": {"digest": False}}).github is None


def test_two_robots_of_one_platform_need_names() -> None:
    with pytest.raises(UsageError, match="the name 'dingtalk' is used twice"):
        config.parse({"webhooks": [{"type": "dingtalk", "url_env": "A"}, {"type": "dingtalk", "url_env": "B"}]})
    two = config.parse({"webhooks": [{"type": "dingtalk", "url_env": "A"}, {"type": "dingtalk", "name": "ops", "url_env": "B"}]})
    assert [w.name for w in two.webhooks] == ["dingtalk", "ops"]


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("  webhooks:\n    - {type: dingtalk, url: 'https://oapi.dingtalk.com/robot/send?access_token=x'}\n", "url"),
        ("  webhooks:\n    - {type: teams, url_env: TEAMS}\n", "teams"),
        ("  email: {smtp_host: smtp.example.com, from: bot@example.com, password: hunter2}\n", "password"),
        ("  email: {smtp_host: smtp.example.com, from: bot@example.com, password_env: lower_case}\n", "password_env"),
        ("  github: {digest: yes please}\n", "digest"),
    ],
)
def test_the_schema_refuses_values_where_variable_names_belong(
    block: str, message: str, write_portfolio: Callable[..., Path], run_cli: Callable[..., object]
) -> None:
    root = write_portfolio({"pactwatch.yml": BASE + "notify:\n" + block, "people.yaml": "people:\n  - {id: ann, name: Ann}\n"})
    result = run_cli("remind", "--root", root, "--dry-run")
    assert result.code == 2 and "pactwatch.yml cannot be used" in result.err and message in result.err  # type: ignore[attr-defined]
    assert "hunter2" not in result.out  # type: ignore[attr-defined]


BAD_BLOCKS = {
    "PW322": ("  webhooks:\n    - {type: wecom, url_env: A}\n    - {type: wecom, url_env: B}\n", 6, "the name 'wecom' is used twice"),
    "PW323": (
        "  webhooks:\n    - {type: slack, url_env: SLACK_WEBHOOK, secret_env: SLACK_SECRET}\n",
        5,
        "secret_env is for DingTalk and Feishu signing; slack robots are not signed",
    ),
    "PW324": (
        "  email:\n    smtp_host: smtp.example.com\n    from: bot@example.com\n    starttls: false\n    password_env: SMTP_PASSWORD\n",
        7,
        "the SMTP password would be sent unencrypted",
    ),
}


@pytest.mark.parametrize("code", sorted(BAD_BLOCKS))
def test_validate_and_remind_refuse_the_same_notify_block_with_the_same_finding(
    code: str, write_portfolio: Callable[..., Path], run_cli: Callable[..., CliResult]
) -> None:
    block, line, message = BAD_BLOCKS[code]
    root = write_portfolio({"pactwatch.yml": BASE + "notify:\n" + block, "people.yaml": "people:\n  - {id: ann, name: Ann}\n"})
    checked = run_cli("validate", "--root", root, "--format", "json")
    [finding] = json.loads(checked.out)["findings"]
    assert checked.code == 2 and (finding["code"], finding["file"], finding["line"]) == (code, "pactwatch.yml", line)
    assert finding["pointer"].startswith("/notify/") and message in finding["message"] and finding["hint"]
    text = run_cli("validate", "--root", root)
    assert text.code == 2 and f"pactwatch.yml:{line}:" in text.err and code in text.err and "Traceback" not in text.err
    reminded = run_cli("remind", "--root", root, "--dry-run")
    assert reminded.code == 2 and "pactwatch.yml cannot be used" in reminded.err
    assert f"pactwatch.yml:{line}:{finding['column']}" in reminded.err and code in reminded.err and message in reminded.err


def test_parse_refuses_what_load_settings_reports() -> None:
    """Settings built in code (not from pactwatch.yml) meet the same check, as a UsageError."""
    with pytest.raises(UsageError, match="/notify/webhooks/1/secret_env: secret_env is for DingTalk"):
        config.parse(
            {"webhooks": [{"type": "feishu", "url_env": "A", "secret_env": "S"}, {"type": "wecom", "url_env": "B", "secret_env": "S"}]}
        )


def test_problems_point_at_what_to_change() -> None:
    raw = {
        "webhooks": [
            {"type": "wecom", "url_env": "A"},
            {"type": "wecom", "name": "email", "url_env": "B"},  # reserved
            {"type": "dingtalk", "url_env": "C"},
            {"type": "dingtalk", "url_env": "D"},  # named after its type, like the one before
        ]
    }
    assert [(p.code, p.pointer) for p in config.problems(raw)] == [
        ("PW322", "/notify/webhooks/1/name"),
        ("PW322", "/notify/webhooks/3/type"),
    ]
    relay = {"email": {"smtp_host": "localhost", "from": "bot@example.com", "starttls": False}}  # no login: nothing to protect
    assert config.problems(relay) == []
    smtps = {"email": {"smtp_host": "smtp.example.com", "from": "bot@example.com", "starttls": False, "ssl": True, "password_env": "P"}}
    assert config.problems(smtps) == []


def test_problems_tolerate_shapes_the_schema_refuses() -> None:
    """Schema findings come in the same run, so the check must not fall over on them."""
    odd: dict[str, object] = {
        "webhooks": [7, {"url_env": "A"}, {"type": "slack", "name": ["x"], "url_env": "B", "teams": 3}],
        "email": "no",
    }
    assert config.problems(odd) == []
