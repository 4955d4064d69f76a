"""pactwatch remind: tell owners what is due in 7/3/0 days, what became overdue, and escalate (see pactwatch/notify)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from pactwatch.catalogue import text
from pactwatch.commands.common import root_option, today_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare, start

NEEDS = Needs(OnErrors.WARN)


@click.command()
@root_option
@today_option
@click.option("--dry-run", is_flag=True, help="Print every message per channel; send nothing, write no state.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--state",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Delivery log (JSON): a rerun sends nothing new, the next run sends what failed.",
)
@click.option(
    "--retry-wait",
    type=click.FloatRange(min=0),
    default=2.0,
    show_default=True,
    help="Seconds before a failed message is tried again (doubling; 3 tries).",
)
@click.option("--pace", type=click.FloatRange(min=0), default=1.0, show_default=True, help="Seconds between two GitHub writes.")
def remind(root: Path | None, today_text: str | None, dry_run: bool, fmt: str, state: Path | None, retry_wait: float, pace: float) -> int:
    """Send today's reminders by e-mail, chat robots and GitHub, as configured under `notify:` in pactwatch.yml.

    Credentials come only from the environment variables pactwatch.yml names; they are never printed.
    """
    from pactwatch.notify import summary
    from pactwatch.notify.run import Pacing, run

    begun = start(root, today_text)
    if not begun.settings.notify:
        click.echo(text("cli.remind.no_channels", begun.settings.language), err=True)
        return 0
    prepared = prepare(root, today_text, NEEDS)
    root, loaded, today = prepared.root, prepared.loaded, prepared.today
    if state is None and not dry_run:
        click.echo(text("cli.remind.no_state", prepared.settings.language), err=True)
    pacing = Pacing(retry_wait=retry_wait, github_pace=pace)
    report = run(root, loaded.portfolio, today, state=state, dry_run=dry_run, environ=os.environ, pacing=pacing)
    if fmt == "json":
        click.echo(json.dumps(summary.as_json(report), ensure_ascii=False, indent=2))
    else:
        click.echo(summary.dry_run_text(report) if dry_run else summary.text(report))
    return 0 if report.ok and not loaded.errors else 1
