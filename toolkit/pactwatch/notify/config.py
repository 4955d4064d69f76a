"""The ``notify:`` block of pactwatch.yml as typed records.

The settings schema has already checked the shape (schema/settings.schema.json,
``notify``); this module turns the mapping into records and, in ``problems``, checks
what a schema cannot (distinct channel names, signing secrets only where robots sign,
no password over a plain connection). ``pactwatch validate`` and ``pactwatch remind``
both get those problems from load_settings, as located findings. Credentials are never
here, only the names of the environment variables that hold them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, cast

from pactwatch.catalogue import Msg, msg
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


class Problem(NamedTuple):
    """What is wrong with a schema-valid notify block, and where (a JSON pointer into pactwatch.yml)."""

    code: str
    pointer: str
    message: Msg
    hint: Msg


def parse(raw: Mapping[str, object], language: str = "en") -> NotifyConfig:
    """Schema-valid ``notify`` mapping -> NotifyConfig; UsageError on any of its ``problems`` (load_settings reports them first)."""
    found = problems(raw)
    if found:
        first = found[0]
        raise UsageError(f"pactwatch.yml {first.pointer}: {first.message.render(language)}; {first.hint.render(language)}")
    data = cast(Mapping[str, Any], raw)
    email = data.get("email")
    github = data.get("github")
    webhooks = tuple(_webhook(item) for item in data.get("webhooks", ()))
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
    """Whether the connection is encrypted before the password goes over it (the one test, for validate and for sending)."""
    return email.ssl or email.starttls


def _webhook(item: Mapping[str, Any]) -> WebhookConfig:
    return WebhookConfig(
        type=item["type"],
        name=_channel_name(item),
        url_env=item["url_env"],
        secret_env=item.get("secret_env"),
        teams=tuple(item.get("teams", ())),
    )


def _channel_name(item: Mapping[str, Any]) -> str:
    """A robot's `name:`, else its type."""
    name = item.get("name")
    return name if isinstance(name, str) else str(item["type"])


SIGNED: frozenset[str] = frozenset({"dingtalk", "feishu"})


def problems(raw: Mapping[str, object]) -> list[Problem]:
    """What the schema cannot check in a schema-valid ``notify`` block; the one home of these checks.

    Pointers are into the whole of pactwatch.yml. Tolerant of shapes the schema refuses (they are
    reported as schema findings in the same run), so every problem shows at once.
    """
    email, webhooks = raw.get("email"), raw.get("webhooks")
    found = _email_problems(email) if isinstance(email, Mapping) and _complete(email, ("smtp_host", "from")) else []
    return found + _webhook_problems(webhooks if isinstance(webhooks, list) else [])


def _email_problems(item: Mapping[str, Any]) -> list[Problem]:
    config = _email(item)
    if config.password_env and not encrypted(config):
        return [
            Problem(
                "PW324",
                "/notify/email/starttls",
                msg("finding.smtp_unencrypted"),
                msg("finding.hint.encrypt_smtp"),
            )
        ]
    return []


def _webhook_problems(webhooks: list[object]) -> list[Problem]:
    found: list[Problem] = []
    seen: set[str] = {EMAIL_CHANNEL, GITHUB_CHANNEL}
    for index, item in enumerate(webhooks):
        if not isinstance(item, Mapping) or not _complete(item, ("type",)):
            continue
        kind, at = item["type"], f"/notify/webhooks/{index}"
        name = _channel_name(item)
        if item.get("secret_env") and kind not in SIGNED:
            found.append(
                Problem(
                    "PW323",
                    f"{at}/secret_env",
                    msg("finding.secret_for_unsigned_robot", kind=str(kind)),
                    msg("finding.hint.remove_secret_env"),
                )
            )
        if name in seen:
            found.append(
                Problem(
                    "PW322",
                    f"{at}/name" if "name" in item else f"{at}/type",
                    msg("finding.channel_name_twice", name=name),
                    msg("finding.hint.own_channel_name"),
                )
            )
        seen.add(name)
    return found


def _complete(item: Mapping[Any, object], keys: tuple[str, ...]) -> bool:
    return all(isinstance(item.get(key), str) for key in keys)
