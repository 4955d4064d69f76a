"""pactwatch announce: after a merge, tell the owners and watchers of each change (see pactwatch.changes.announce)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from pactwatch.catalogue import text, word
from pactwatch.commands.common import early_language, root_option, today_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare
from pactwatch.errors import UsageError

NEEDS = Needs(OnErrors.WARN)


@click.command()
@root_option
@today_option
@click.option(
    "--since",
    "ref",
    metavar="REF",
    help="The commit before the merge (in a push workflow: github.event.before); all zeros (a new branch) or a commit"
    " this clone does not hold: one line, nothing sent, exit 0.",
)
@click.option(
    "--since-days",
    "days",
    type=click.IntRange(1, 60),
    help="Instead of REF: the changes merged in the last DAYS days (a scheduled run's safety net; the delivery log stops repeats).",
)
@click.option("--state", type=click.Path(dir_okay=False, path_type=Path), help="Delivery log (JSON): a rerun sends nothing.")
@click.option("--dry-run", is_flag=True, help="Print every message; send nothing, write no state.")
def announce(root: Path | None, today_text: str | None, ref: str | None, days: int | None, state: Path | None, dry_run: bool) -> int:
    """Tell the people each change merged since REF concerns, through the channels under `notify:` in pactwatch.yml."""
    from pactwatch.changes import announce as planner
    from pactwatch.changes import merged
    from pactwatch.notify import config as notify_config
    from pactwatch.notify import delivery_log, send
    from pactwatch.notify.messages import Context
    from pactwatch.notify.run import Pacing, wire

    if (ref is None) == (days is None):
        raise UsageError(word("changes.announce.since_or_days", early_language()))
    prepared = prepare(root, today_text, NEEDS)
    settings, portfolio, today = prepared.settings, prepared.loaded.portfolio, prepared.today
    language = settings.language
    config = notify_config.parse(settings.notify)
    log = delivery_log.load(state) if state is not None else delivery_log.DeliveryLog()
    try:
        since = merged.start(prepared.root, ref, days or 0, today, settings.timezone, language)
    except merged.NothingToAnnounce as exc:
        click.echo(str(exc))
        return 0
    found = planner.plan(merged.since(prepared.root, since, settings.currency), settings, portfolio.people)
    box = planner.outbox(found, config, log, Context(today, settings, portfolio.people))
    head = text("changes.announce.window", language, count=days) if ref is None else None
    click.echo(head or text("changes.announce.head", language, since=(since or "")[:12]))
    if dry_run or not box:
        for message in box:
            click.echo(f"=== {message.channel} → {message.recipient}\n{message.preview}")
        click.echo(text("notify.run.nothing", language) if not box else "")
        return 0
    wiring = wire(config, portfolio, os.environ, today, Pacing())

    def keep(result: send.Result) -> None:  # saved after every delivery: a run killed half-way repeats nothing
        if state is not None:
            log.record(result.message.channel, result.message.recipient, result.message.keys, today)
            delivery_log.save(state, log)

    results = send.deliver(box, wiring.transports, redact=send.Redactor(wiring.secrets), on_delivered=keep)
    if wiring.digest is not None:
        wiring.digest.close()
    sent = sum(1 for r in results if r.ok)
    click.echo(text("notify.run.sent", language, count=sent))
    for failed in (r for r in results if not r.ok):
        click.echo(text("notify.run.failure", language, what=failed.error or ""), err=True)
    return 0 if sent == len(results) else 1
