"""pactwatch alerts: keep one GitHub issue open per overdue milestone occurrence (see github/alerts_plan.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pactwatch.catalogue import text, word
from pactwatch.commands.common import early_language, root_option, today_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare
from pactwatch.errors import UsageError

if TYPE_CHECKING:
    from pactwatch.github.alerts_plan import Op, Plan
    from pactwatch.github.apply import Outcome, RunResult

_SIGNS: dict[Op, str] = {"create_label": "+", "create": "+", "update": "~", "reopen": "^", "escalate": "!", "close": "x"}

OFFLINE_REPOSITORY = "OWNER/REPOSITORY"  # links in an offline preview when no repository is configured

NEEDS = Needs(OnErrors.REFUSE, "cli.refusal.alerts", evaluate=True)


def _plan_text(the_plan: Plan, language: str) -> str:
    head = text("cli.alerts.head", language, repository=the_plan.repository, wanted=the_plan.wanted, seen=the_plan.issues_seen)
    counts = word("notify.joiner", language).join(
        text("cli.alerts.count", language, op=word(f"github.op.{op}", language), count=n) for op in _SIGNS if (n := the_plan.count(op))
    )
    lines = [text("cli.alerts.plan", language, head=head, counts=counts or word("cli.alerts.nothing", language))]
    for a in the_plan.actions:
        issue = f"#{a.number}" if a.number else (word("cli.alerts.new", language) if a.op == "escalate" else "")
        reason = word(f"github.state_reason.{a.state_reason}", language) if a.state_reason else ""
        ref = f"`{a.ref}`" if a.op == "create_label" else a.ref  # a label's name is GitHub's identifier, as typed
        subject = " ".join(p for p in (issue, ref, a.title or reason) if p)
        op = word(f"github.op.{a.op}", language)
        lines.append("  " + text("cli.alerts.action", language, sign=_SIGNS[a.op], op=op, subject=subject, why=a.why))
    lines += [text("cli.alerts.note", language, note=note) for note in the_plan.skipped]
    return "\n".join(lines)


def _outcome_json(outcome: Outcome) -> dict[str, Any]:
    return {
        "ok": outcome.ok,
        "done": outcome.done,
        "failed": outcome.failed,
        "warnings": outcome.warnings,
        "stopped": outcome.stopped,
        "not_started": outcome.not_started,
    }


@click.command()
@root_option
@today_option
@click.option("--repo", metavar="OWNER/NAME", help="Default $GITHUB_REPOSITORY, else `repository` in pactwatch.yml.")
@click.option("--dry-run", is_flag=True, help="Print the plan; change nothing on GitHub.")
@click.option(
    "--offline",
    is_flag=True,
    help="With --dry-run: plan from the contract files alone, as if GitHub had no pactwatch issues yet (no network, no token).",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--pace", type=click.FloatRange(min=0), default=1.0, show_default=True, help="Seconds between two write requests.")
@click.option(
    "--max-writes", type=click.IntRange(min=1), default=400, show_default=True, help="Stop after this many writes (the next run goes on)."
)
@click.option(
    "--bot-login",
    metavar="LOGIN",
    help="Who the token is (default $PACTWATCH_BOT_LOGIN, else GET /user, else github-actions[bot]); only its issues are changed.",
)
def alerts(
    root: Path | None,
    today_text: str | None,
    repo: str | None,
    dry_run: bool,
    offline: bool,
    fmt: str,
    pace: float,
    max_writes: int,
    bot_login: str | None,
) -> int:
    """Open, update, escalate and close one GitHub issue per overdue milestone.

    Token from $GITHUB_TOKEN (never printed); API from $GITHUB_API_URL (default https://api.github.com).
    Only issues and comments the token's own identity wrote are pactwatch's (a marker alone is not enough).
    """
    from pactwatch.github.alerts_plan import plan
    from pactwatch.github.apply import RunResult, run
    from pactwatch.github.client import GitHubClient, RetryPolicy, Secret
    from pactwatch.github.identity import configured
    from pactwatch.github.render import Links, Renderer, search_path
    from pactwatch.github.repository import api_url, resolve_repository
    from pactwatch.resources import data_dir

    if offline and not dry_run:
        raise UsageError(word("cli.alerts.offline_only", early_language()))
    prepared = prepare(root, today_text, NEEDS)
    root, settings = prepared.root, prepared.settings
    unnamed = offline and not (repo or os.environ.get("GITHUB_REPOSITORY") or settings.repository)
    repository = OFFLINE_REPOSITORY if unnamed else resolve_repository(repo, os.environ, settings.repository)
    token = os.environ.get("GITHUB_TOKEN", "").strip()
    if not token and not dry_run:
        raise UsageError(text("cli.alerts.no_token", settings.language, expression="${{ secrets.GITHUB_TOKEN }}"))
    links = Links(repository, server_url=os.environ.get("GITHUB_SERVER_URL") or "https://github.com", site_url=settings.site_url)
    renderer = Renderer(search_path(root, data_dir("templates")), settings.language)
    if offline:  # the pure plan against an empty repository: what would be kept open, from the files alone
        result = RunResult(plan(prepared.evaluated, [], [], renderer, links), None)
    else:
        with GitHubClient(api_url(os.environ), Secret(token) if token else None, policy=RetryPolicy(write_interval=pace)) as client:
            login = configured(bot_login, os.environ)
            result = run(prepared.evaluated, client, renderer, links, dry_run=dry_run, max_writes=max_writes, bot_login=login)
    return _report(result, repository, settings.language, fmt=fmt, dry_run=dry_run, offline=offline, unnamed=unnamed)


def _report(result: RunResult, repository: str, language: str, *, fmt: str, dry_run: bool, offline: bool, unnamed: bool) -> int:
    """Print the plan or what was done (text or JSON); 1 when something could not be done."""
    outcome = result.outcome
    if fmt == "json":
        data = {
            "dry_run": dry_run,
            "offline": offline,
            "plan": result.plan.as_json(),
            "outcome": _outcome_json(outcome) if outcome else None,
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif outcome is None:
        click.echo(_plan_text(result.plan, language))
        if offline:
            unnamed_note = text("cli.alerts.unnamed", language, repository=OFFLINE_REPOSITORY) if unnamed else ""
            click.echo(text("cli.alerts.note", language, note=word("cli.alerts.offline", language) + unnamed_note))
    else:
        click.echo(text("cli.alerts.outcome", language, repository=repository, done=len(outcome.done), failed=len(outcome.failed)))
        for line in outcome.done + [text("cli.alerts.warning", language, warning=w) for w in outcome.warnings]:
            click.echo(f"  {line}")
    if outcome is None or outcome.ok:
        return 0
    for line in outcome.failed:
        click.echo(text("cli.alerts.failed", language, line=line), err=True)
    if outcome.stopped:
        click.echo(text("cli.alerts.stopped", language, reason=outcome.stopped), err=True)
    click.echo(word("cli.alerts.incomplete", language), err=True)
    return 1
