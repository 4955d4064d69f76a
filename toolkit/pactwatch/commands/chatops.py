"""pactwatch chatops --event FILE: apply a /done, /ack, /reschedule or /waive comment as a pull request (see pactwatch.chatops)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from pactwatch.catalogue import msg
from pactwatch.commands.common import root_option, today_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare
from pactwatch.errors import OSFailure, UsageError

NEEDS = Needs(OnErrors.WARN)
MAX_EVENT_BYTES = 25 * 1024 * 1024  # GitHub's payloads are capped at 25 MB


def _payload(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_EVENT_BYTES + 1)
    except OSError as exc:
        raise OSFailure(msg("error.event.unreadable", path=str(path)), exc, exit_code=UsageError.exit_code) from None
    if len(raw) > MAX_EVENT_BYTES:
        raise UsageError(msg("error.event.too_large", path=str(path)))
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise UsageError(msg("error.event.not_json", path=str(path), line=exc.lineno, column=exc.colno)) from None
    except ValueError:  # UnicodeDecodeError (a ValueError too), or bytes json cannot tell the encoding of
        raise UsageError(msg("error.event.not_utf8", path=str(path))) from None
    if not isinstance(data, dict):
        raise UsageError(msg("error.event.not_object", path=str(path)))
    return data


@click.command()
@click.option(
    "--event",
    "event_file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The event payload (in a workflow: $GITHUB_EVENT_PATH): issue_comment or issues.",
)
@click.option("--repo", metavar="OWNER/NAME", help="Default $GITHUB_REPOSITORY, else `repository` in pactwatch.yml.")
@click.option(
    "--bot-login", metavar="LOGIN", help="Who the token is (default $PACTWATCH_BOT_LOGIN, else GET /user, else github-actions[bot])."
)
@root_option
@today_option
def chatops(event_file: Path, repo: str | None, bot_login: str | None, root: Path | None, today_text: str | None) -> int:
    """Apply the command at the start of a comment on a pactwatch alert issue (or in an issue the site's links opened).

    An authorised request (the milestone's owner, their manager, an approver of the contract) becomes a
    branch pactwatch/<contract>-<milestone>-<comment id>, a pull request, and a reply with its link;
    anyone else gets a polite reply and nothing changes. Token from $GITHUB_TOKEN; the branch is pushed to origin.
    """
    from pactwatch.chatops.event import read, unrelated
    from pactwatch.chatops.run import Context, handle
    from pactwatch.github.client import GitHubClient, Secret
    from pactwatch.github.identity import configured, resolve
    from pactwatch.github.repository import api_url, resolve_repository

    payload = _payload(event_file)
    prepared = prepare(root, today_text, NEEDS)
    skipped = unrelated(payload)
    if skipped is not None:  # most comments: decided before any token or request is needed
        click.echo(f"pactwatch chatops: ignored: {skipped}")
        return 0
    repository = resolve_repository(repo, os.environ, prepared.settings.repository)
    token = os.environ.get("GITHUB_TOKEN", "").strip()
    if not token:
        raise UsageError(msg("cli.alerts.no_token", expression="${{ secrets.GITHUB_TOKEN }}"))
    with GitHubClient(api_url(os.environ), Secret(token)) as client:
        login = resolve(client, configured(bot_login, os.environ))
        ask = read(payload, login)
        if isinstance(ask, str):
            click.echo(f"pactwatch chatops: ignored: {ask}")
            return 0
        server = os.environ.get("GITHUB_SERVER_URL") or "https://github.com"
        context = Context(prepared.root, prepared.loaded.portfolio, prepared.today, repository, login, server)
        click.echo(f"pactwatch chatops: {handle(ask, context, client)}")
    return 0
