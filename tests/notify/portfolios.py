"""Constants and builders the notify tests share (kept out of conftest.py so test modules can import them)."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
GITHUB_TOKEN = "ghs_fake_token_0123456789"
HANDLES = ("zhaomin-ec", "wangfang-ec", "zhangwei-ec", "liuyang-ec", "sunhao-ec", "lina-ec", "chenjing-ec", "zhoulei-ec", "emilyclark-ec")


def notify_block(smtp_port: int, *, webhooks: bool = True, github: bool = True) -> str:
    lines = [
        "",
        "notify:",
        f"  email: {{smtp_host: 127.0.0.1, smtp_port: {smtp_port}, starttls: true, from: pactwatch@example.com,"
        " username_env: SMTP_USER, password_env: SMTP_PASSWORD}",
    ]
    if webhooks:
        lines += [
            "  webhooks:",
            "    - {type: dingtalk, url_env: DINGTALK_WEBHOOK, secret_env: DINGTALK_SECRET}",
            "    - {type: wecom, url_env: WECOM_WEBHOOK}",
            "    - {type: feishu, url_env: FEISHU_WEBHOOK, secret_env: FEISHU_SECRET}",
            "    - {type: slack, url_env: SLACK_WEBHOOK}",
        ]
    if github:
        lines.append("  github: {digest: true}")
    return "\n".join(lines) + "\n"


def example_settings_without_notify() -> str:
    """The example pactwatch.yml minus its own `notify:` block (the last block of the file)."""
    return (REPO_ROOT / "pactwatch.yml").read_text(encoding="utf-8").split("\nnotify:", 1)[0] + "\n"
