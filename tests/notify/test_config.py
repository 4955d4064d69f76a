"""The notify block: schema (names of variables only, never values) and typed records."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pactwatch.errors import UsageError
from pactwatch.notify import config

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


def test_a_secret_for_an_unsigned_robot_is_a_usage_error(write_portfolio: Callable[..., Path], run_cli: Callable[..., object]) -> None:
    block = "  webhooks:\n    - {type: slack, url_env: SLACK_WEBHOOK, secret_env: SLACK_SECRET}\n"
    root = write_portfolio({"pactwatch.yml": BASE + "notify:\n" + block, "people.yaml": "people:\n  - {id: ann, name: Ann}\n"})
    result = run_cli("remind", "--root", root, "--dry-run")
    assert result.code == 2 and "secret_env is for DingTalk and Feishu signing; slack robots are not signed" in result.err  # type: ignore[attr-defined]


def test_duplicate_robot_names_are_a_usage_error(write_portfolio: Callable[..., Path], run_cli: Callable[..., object]) -> None:
    block = "  webhooks:\n    - {type: wecom, url_env: A}\n    - {type: wecom, url_env: B}\n"
    root = write_portfolio({"pactwatch.yml": BASE + "notify:\n" + block, "people.yaml": "people:\n  - {id: ann, name: Ann}\n"})
    result = run_cli("remind", "--root", root, "--dry-run")
    assert result.code == 2 and "the name 'wecom' is used twice" in result.err  # type: ignore[attr-defined]
