"""pactwatch pr-comment: keep ONE comment on a pull request with what it changes, the approvals it needs and its new findings."""

from __future__ import annotations

import os
from pathlib import Path

import click

from pactwatch.catalogue import text
from pactwatch.commands.common import root_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare, start
from pactwatch.errors import PactwatchError

NEEDS = Needs(OnErrors.REPORT)  # a finding is part of what the comment says


def _summary(body: str, language: str) -> None:
    """Append the comment to the job summary (a fork's token cannot comment), else print it."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        click.echo(body)
        return
    try:
        with open(path, "a", encoding="utf-8") as out:
            out.write(body + "\n")
    except OSError as exc:
        raise PactwatchError(text("cli.approvals.summary_failed", language, path=path, reason=exc.strerror)) from None


@click.command("pr-comment")
@root_option
@click.option("--base", "base_ref", metavar="REF", help="The base branch, e.g. origin/main (default: the default branch).")
@click.option("--pr", "number", type=click.IntRange(min=1), required=True, help="The pull request's number.")
@click.option("--repo", default=None, metavar="OWNER/NAME", help="Default: $GITHUB_REPOSITORY, else `repository` in pactwatch.yml.")
@click.option("--dry-run", is_flag=True, help="Print the comment; write nothing.")
def pr_comment(root: Path | None, base_ref: str | None, number: int, repo: str | None, dry_run: bool) -> int:
    """Post (or update in place) the pull request's pactwatch comment, in the portfolio's language.

    The token is $GITHUB_TOKEN; without one, or when GitHub refuses it (a pull request from a fork),
    the same text goes to $GITHUB_STEP_SUMMARY.
    """
    from pactwatch.changes import comment, revisions, semantic
    from pactwatch.github.approvals import review
    from pactwatch.github.client import GitHubClient, GitHubError, Secret
    from pactwatch.github.identity import configured, resolve
    from pactwatch.github.repository import api_url, resolve_repository

    begun = start(root, None)
    settings, language = begun.settings, begun.settings.language
    found = revisions.compare(begun.root, base_ref, None, settings.currency, language)
    present = [p for p in found.paths if (begun.root / p).exists()]
    prepared = prepare(root, None, NEEDS, only=present)
    people = prepared.loaded.portfolio.people
    findings = comment.new_findings(prepared.loaded.findings, found, settings.currency, language)
    changes = semantic.diff(found.pairs)
    policy = revisions.policy_changed(begun.root, found.base)
    needed = review(base_ref or "", found.base, found.pairs, settings, people, policy, found.unreadable)
    body = comment.render_body(found, changes, needed, findings, settings, people)
    token = os.environ.get("GITHUB_TOKEN", "").strip()
    if dry_run:
        click.echo(body)
        return 0
    if not token:
        _summary(body, language)
        click.echo(text("changes.comment.summary", language, reason="GITHUB_TOKEN"), err=True)
        return 0
    repository = resolve_repository(repo, os.environ, settings.repository)
    with GitHubClient(api_url(os.environ), Secret(token)) as client:
        try:
            login = resolve(client, configured(None, os.environ))
            outcome = comment.keep(client, repository, number, body, login)
        except GitHubError as exc:
            if exc.status not in (401, 403, 404):
                raise
            _summary(body, language)
            click.echo(text("changes.comment.summary", language, reason=exc.status), err=True)
            return 0
    click.echo(text("changes.comment.created" if outcome == "created" else "changes.comment.posted", language, number=number))
    return 0
