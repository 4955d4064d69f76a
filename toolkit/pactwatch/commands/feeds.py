"""pactwatch feeds: write the iCalendar feeds (all, per person, per contract, per counterparty)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

import click

from pactwatch.catalogue import msg, text
from pactwatch.commands.common import root_option, today_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare
from pactwatch.errors import UsageError
from pactwatch.gcpause import one_shot

DEFAULT_DIR = Path("site/calendar")
EPOCH_ENV = "SOURCE_DATE_EPOCH"

NEEDS = Needs(OnErrors.REFUSE, "cli.refusal.feeds", evaluate=True)


def stamp_from(environ: Mapping[str, str]) -> datetime | None:
    """DTSTAMP from $SOURCE_DATE_EPOCH (reproducible builds), else None (the evaluation's day is used)."""
    text = environ.get(EPOCH_ENV, "").strip()
    if not text:
        return None
    try:
        return datetime.fromtimestamp(int(text), UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(msg("error.env.timestamp", name=EPOCH_ENV, value=text)) from None


@click.command()
@one_shot  # every event of the portfolio made and written, then exit: the cyclic collector would only cost time
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=f"Folder for the .ics files (default: {DEFAULT_DIR} in the portfolio).",
)
@click.option("--public", is_flag=True, help="For a public site: leave confidential contracts, amounts and document links out.")
@click.option("--jobs", type=click.IntRange(min=1), help="Processes for large portfolios (default: $PACTWATCH_JOBS, else one per core).")
@root_option
@today_option
def feeds(out_dir: Path | None, public: bool, jobs: int | None, root: Path | None, today_text: str | None) -> int:
    """Write calendar feeds: all.ics, people/<id>.ics, contracts/<id>.ics, counterparties/<slug>.ics."""
    from pactwatch.ical import build_feeds, write_feeds
    from pactwatch.ical.output import over_budget
    from pactwatch.outdir import claim
    from pactwatch.parallel import default_jobs
    from pactwatch.site.budget import human

    stamp = stamp_from(os.environ)
    prepared = prepare(root, today_text, NEEDS)
    root = prepared.root
    target = out_dir if out_dir is not None else root / DEFAULT_DIR
    with claim(target, root):  # never the portfolio's data, a link or somebody else's folder; locked while written
        files = build_feeds(prepared.evaluated, public=public, stamp=stamp, jobs=default_jobs(jobs))
        result = write_feeds(files, target)
    settings = prepared.evaluated.portfolio.settings
    lang = settings.language
    events = sum(data.count(b"\r\nBEGIN:VEVENT\r\n") for path, data in files.items() if path.startswith("contracts/"))
    edition = text("cli.build.public", lang) if public else ""
    facts = {"written": len(result.written), "unchanged": result.unchanged, "removed": len(result.removed)}
    click.echo(text("cli.feeds.done", lang, feeds=len(files), events=events, edition=edition, folder=str(target), **facts))
    limit = round(settings.feed_max_mb * 1_000_000)
    for path, size in over_budget(((path, len(data)) for path, data in files.items()), limit):  # a warning: overdue items are kept
        click.echo(text("feeds.over_budget", lang, path=path, size=human(size), budget=human(limit)), err=True)
    return 0
