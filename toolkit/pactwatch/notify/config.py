"""The ``notify:`` block of pactwatch.yml as typed records.

The settings schema has already checked the shape (schema/settings.schema.json,
``notify``); this module only turns the mapping into records and checks what a
schema cannot: that every channel has a distinct name. Credentials are never
here, only the names of the environment variables that hold them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, cast

from pactwatch.errors import UsageError

ChatType = Literal["dingtalk", "wecom", "feishu", "slack"]
EMAIL_CHANNEL = "email"
GITHUB_CHANNEL = "github"
DEFAULT_CATCH_UP_DAYS = 7


@dataclass(frozen=True, slots=True)
class EmailConfig:
    smtp_host: str
    sender: str
    smtp_port: int = 587
    starttls: bool = True
    ssl: bool = False  # implicit TLS from the first byte (SMTPS, port 465) instead of STARTTLS
    username_env: str | None = None
    password_env: str | None = None


@dataclass(frozen=True, slots=True)
class WebhookConfig:
    type: ChatType
    name: str  # the channel's key in the delivery log and in output; defaults to the type
    url_env: str
    secret_env: str | None = None
    teams: tuple[str, ...] = ()  # empty: everyone


@dataclass(frozen=True, slots=True)
class GithubConfig:
    token_env: str = "GITHUB_TOKEN"
    label: str = "pactwatch-digest"


@dataclass(frozen=True, slots=True)
class NotifyConfig:
    email: EmailConfig | None = None
    webhooks: tuple[WebhookConfig, ...] = ()
    github: GithubConfig | None = None
    catch_up_days: int = DEFAULT_CATCH_UP_DAYS

    @property
    def channels(self) -> tuple[str, ...]:
        names = [EMAIL_CHANNEL] if self.email else []
        names += [w.name for w in self.webhooks]
        names += [GITHUB_CHANNEL] if self.github else []
        return tuple(names)


def parse(raw: Mapping[str, object]) -> NotifyConfig:
    """Schema-valid ``notify`` mapping -> NotifyConfig; UsageError when two robots share a name or a secret is misplaced."""
    data = cast(Mapping[str, Any], raw)
    email = data.get("email")
    github = data.get("github")
    webhooks = tuple(_webhook(item) for item in data.get("webhooks", ()))
    _check_names(webhooks)
    return NotifyConfig(
        email=_email(email) if email else None,
        webhooks=webhooks,
        github=_github(github) if github and github.get("digest", True) else None,
        catch_up_days=data.get("catch_up_days", DEFAULT_CATCH_UP_DAYS),
    )


def _email(item: Mapping[str, Any]) -> EmailConfig:
    return EmailConfig(
        smtp_host=item["smtp_host"],
        sender=item["from"],
        smtp_port=item.get("smtp_port", 587),
        starttls=item.get("starttls", True),
        ssl=item.get("ssl", False),
        username_env=item.get("username_env"),
        password_env=item.get("password_env"),
    )


def _github(item: Mapping[str, Any]) -> GithubConfig:
    defaults = GithubConfig()
    return GithubConfig(token_env=item.get("token_env", defaults.token_env), label=item.get("label", defaults.label))


def encrypted(email: EmailConfig) -> bool:
    return email.ssl or email.starttls


def _webhook(item: Mapping[str, Any]) -> WebhookConfig:
    return WebhookConfig(
        type=item["type"],
        name=item.get("name", item["type"]),
        url_env=item["url_env"],
        secret_env=item.get("secret_env"),
        teams=tuple(item.get("teams", ())),
    )


SIGNED: frozenset[str] = frozenset({"dingtalk", "feishu"})


def _check_names(webhooks: tuple[WebhookConfig, ...]) -> None:
    seen: set[str] = {EMAIL_CHANNEL, GITHUB_CHANNEL}
    for hook in webhooks:
        if hook.secret_env and hook.type not in SIGNED:
            raise UsageError(
                f"pactwatch.yml notify.webhooks: {hook.name}: secret_env is for DingTalk and Feishu signing;"
                f" {hook.type} robots are not signed (their URL is the credential): remove secret_env"
            )
        if hook.name in seen:
            raise UsageError(
                f"pactwatch.yml notify.webhooks: the name {hook.name!r} is used twice (or is reserved);"
                " give each robot its own `name:` (it keys the delivery log)"
            )
        seen.add(hook.name)
