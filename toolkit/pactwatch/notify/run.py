"""One reminder run: plan (pure) -> outbox (pure) -> deliver (effects) -> delivery log. ``--dry-run`` stops after the outbox.

The environment is passed in (``environ``), like everything else the run reads; credentials are
looked up here, by the variable names pactwatch.yml gives, and handed to the transports and the
Redactor, nowhere else.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jinja2 import Environment

from pactwatch.catalogue import text
from pactwatch.engine import evaluate
from pactwatch.model import Person, Portfolio
from pactwatch.notify import config as notify_config
from pactwatch.notify import delivery_log, email, github_digest, outbox, plan, send
from pactwatch.notify.config import EMAIL_CHANNEL, GITHUB_CHANNEL, NotifyConfig
from pactwatch.notify.messages import FORMATS, Context
from pactwatch.notify.outgoing import DeliveryError, Outgoing, Transport
from pactwatch.notify.webhook import WebhookTransport, url_problem
from pactwatch.redact import ERROR_LIMIT


@dataclass(slots=True)
class Report:
    today: date
    days: tuple[date, ...]
    dry_run: bool
    channels: tuple[str, ...]
    messages: tuple[Outgoing, ...]
    results: list[send.Result] = field(default_factory=list)  # empty on a dry run
    skipped: tuple[str, ...] = ()
    errors: list[str] = field(default_factory=list)  # failures outside a message (the GitHub sweep)
    language: str = "en"  # of the summary (pactwatch.notify.summary)
    people: Mapping[str, Person] = field(default_factory=dict)  # to name recipients in the summary

    @property
    def failed(self) -> list[send.Result]:
        return [r for r in self.results if not r.ok]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.errors


@dataclass(frozen=True, slots=True)
class Wiring:
    transports: dict[str, Transport | str]
    secrets: tuple[str, ...]
    digest: github_digest.GithubTransport | None = None


def _env(environ: Mapping[str, str], name: str | None) -> str | None:
    value = environ.get(name, "").strip() if name else ""
    return value or None


@dataclass(frozen=True, slots=True)
class Pacing:
    retry_wait: float = 2.0  # first wait before trying a message again (then doubled)
    attempts: int = 3
    github_pace: float = 1.0  # seconds between two GitHub writes
    sleep: Callable[[float], None] = time.sleep


def wire(config: NotifyConfig, portfolio: Portfolio, environ: Mapping[str, str], today: date, pacing: Pacing) -> Wiring:
    """A transport per channel, or the reason it has none (a variable not set, a URL that is not https)."""
    transports: dict[str, Transport | str] = {}
    secrets: list[str] = []
    lang = portfolio.settings.language
    if config.email is not None:
        user, password = _env(environ, config.email.username_env), _env(environ, config.email.password_env)
        secrets += [s for s in (password,) if s]
        missing = [n for n, v in ((config.email.username_env, user), (config.email.password_env, password)) if n and not v]
        if missing:
            transports[EMAIL_CHANNEL] = text(
                "notify.wire.not_set", lang, channel=EMAIL_CHANNEL, names=", ".join(missing), count=len(missing)
            )
        elif password and not notify_config.encrypted(config.email):
            transports[EMAIL_CHANNEL] = text("notify.wire.unencrypted", lang, channel=EMAIL_CHANNEL)
        else:
            transports[EMAIL_CHANNEL] = email.SmtpTransport(config.email, user, password)
    for hook in config.webhooks:
        url, secret = _env(environ, hook.url_env), _env(environ, hook.secret_env)
        secrets += [s for s in (url, secret) if s]
        problem = "notify.wire.not_set" if url is None else url_problem(url)
        name = hook.url_env
        if problem is None and hook.secret_env and secret is None:
            problem, name = "notify.wire.not_set", hook.secret_env
        reason = text(problem, lang, channel=hook.name, names=name, count=1) if problem else None
        transports[hook.name] = reason or WebhookTransport(hook.name, FORMATS[hook.type], url or "", secret)
    digest = None
    if config.github is not None:
        token = _env(environ, config.github.token_env)
        secrets += [token] if token else []
        transports[GITHUB_CHANNEL], digest = _github(config, portfolio, environ, today, token, pacing)
    return Wiring(transports, tuple(secrets), digest)


def _github(
    config: NotifyConfig, portfolio: Portfolio, environ: Mapping[str, str], today: date, token: str | None, pacing: Pacing
) -> tuple[Transport | str, github_digest.GithubTransport | None]:
    from pactwatch.errors import UsageError
    from pactwatch.github.client import GitHubClient, RetryPolicy, Secret
    from pactwatch.github.repository import api_url, resolve_repository

    assert config.github is not None
    if token is None:
        return text(
            "notify.wire.not_set", portfolio.settings.language, channel=GITHUB_CHANNEL, names=config.github.token_env, count=1
        ), None
    try:
        repository = resolve_repository(None, environ, portfolio.settings.repository)
    except UsageError as exc:
        return f"github: {exc}", None
    policy = RetryPolicy(write_interval=pacing.github_pace)
    client = GitHubClient(api_url(environ), Secret(token), policy=policy, sleep=pacing.sleep)
    from pactwatch.github.identity import configured

    login = configured(None, environ)  # PACTWATCH_BOT_LOGIN; else GitHub is asked who the token is
    transport = github_digest.GithubTransport(client, repository, config.github.label, today, login)
    return transport, transport


def run(
    root: Path,
    portfolio: Portfolio,
    today: date,
    *,
    state: Path | None,
    dry_run: bool,
    environ: Mapping[str, str],
    pacing: Pacing | None = None,
) -> Report:
    config = notify_config.parse(portfolio.settings.notify)
    log = delivery_log.load(state) if state is not None else delivery_log.DeliveryLog()
    current = evaluate(portfolio, today)
    days = plan.plan_days(today, log.complete_through, config.catch_up_days)
    notices = plan.notices_for(current, days)
    env = email.environment(root)
    box = outbox.build(notices, current, config, log, env)
    language, people = portfolio.settings.language, portfolio.people
    report = Report(today, days, dry_run, config.channels, box.messages, skipped=box.skipped, language=language, people=people)
    if dry_run:
        return report
    pacing = pacing or Pacing()
    wiring = wire(config, portfolio, environ, today, pacing)
    redact = send.Redactor(wiring.secrets)

    def keep(result: send.Result) -> None:  # saved after every delivery: a run killed half-way repeats nothing
        if state is not None and result.message.keys:
            log.record(result.message.channel, result.message.recipient, result.message.keys, today)
            delivery_log.save(state, log)

    report.results = send.deliver(
        box.messages,
        wiring.transports,
        redact=redact,
        attempts=pacing.attempts,
        backoff=pacing.retry_wait,
        sleep=pacing.sleep,
        on_delivered=keep,
        language=language,
    )
    if wiring.digest is not None:
        if not any(r.message.channel == GITHUB_CHANNEL for r in report.failed):
            _sweep(wiring.digest, report, Context(today, portfolio.settings, portfolio.people), env, redact)
        wiring.digest.close()
    if state is not None:
        send.settle(log, report.results, today)
        delivery_log.save(state, log)
    return report


def _sweep(transport: github_digest.GithubTransport, report: Report, context: Context, env: Environment, redact: send.Redactor) -> None:
    active = [m.recipient for m in report.messages if m.channel == GITHUB_CHANNEL]

    def body_for(person_id: str) -> str:
        person = context.people.get(person_id)
        if person is None:
            return github_digest.marker(person_id)
        return github_digest.build(person, (), (), context, env).body

    try:
        transport.sweep(active, body_for)
    except DeliveryError as exc:
        report.errors.append(redact(exc.said(report.language), ERROR_LIMIT))
