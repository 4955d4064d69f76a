"""pactwatch build: the progress site (mkdocs-material) with its calendar feeds."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO

import click

from pactwatch.catalogue import text
from pactwatch.commands.common import message_language, root_option, today_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare
from pactwatch.escape.terminal import terminal_text
from pactwatch.gcpause import one_shot
from pactwatch.model import Settings

PHASES = {"pages": "pages", "mkdocs": "mkdocs"}
MIN_ITEMS_FOR_BAR = 200  # small builds finish before a bar would be worth drawing

NEEDS = Needs(OnErrors.REPORT)  # the site shows the findings on its data-problems page


class Bar:
    """A one-line progress bar on a terminal (stderr); silent when not a terminal."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.active = stream.isatty()
        self.last = 0.0

    def __call__(self, phase: str, done: int, total: int) -> None:
        if not self.active or total < MIN_ITEMS_FOR_BAR:
            return
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        filled = int(self.width * done / max(total, 1))
        self.stream.write(f"\r{PHASES.get(phase, phase):>7} [{'#' * filled}{'.' * (self.width - filled)}] {done}/{total}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


@click.command()
@one_shot  # a build makes millions of records, pages and events and exits: collector passes over that heap free next to nothing
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the site goes (default: site/ in the portfolio).",
)
@click.option("--public", is_flag=True, help="For a site published beyond the company: no amounts, documents or confidential contracts.")
@click.option("--strict", is_flag=True, help="Exit 1 when validation found errors (the site is built all the same).")
@click.option("--jobs", type=click.IntRange(1, 64), help="Processes for rendering contract pages (default: every core).")
@click.option(
    "--max-size",
    "max_size",
    help="Exit 1 when the site is larger (1GB, 800MB; a bare number is MB). Default: site: max_size_mb in pactwatch.yml.",
)
@root_option
@today_option
def build(
    out_dir: Path | None,
    public: bool,
    strict: bool,
    jobs: int | None,
    max_size: str | None,
    root: Path | None,
    today_text: str | None,
) -> int:
    """Build the progress site: pages, calendar feeds and mkdocs-material, into site/."""
    from pactwatch.site.build import build_site

    budget = _budget(max_size)
    started = time.perf_counter()
    prepared = prepare(root, today_text, NEEDS)  # data errors go to the site's data-problems page
    root, today = prepared.root, prepared.today
    result = build_site(root, today, out=out_dir, public=public, jobs=jobs, progress=Bar(sys.stderr), loaded=prepared.loaded)
    elapsed = time.perf_counter() - started
    lang = prepared.settings.language
    edition = text("cli.build.public", lang) if public else ""
    contracts, milestones = (
        text("cli.count.contracts", lang, count=result.contracts),
        text("cli.count.milestones", lang, count=result.milestones),
    )
    click.echo(
        text(
            "cli.build.counts",
            lang,
            contracts=contracts,
            milestones=milestones,
            overdue=result.overdue,
            day=today.isoformat(),
            edition=edition,
        )
    )
    seconds = f"{elapsed:.1f}"
    click.echo(text("cli.build.site", lang, index=f"{result.site_dir}/index.html", pages=result.pages, feeds=result.feeds, seconds=seconds))
    for message in result.mkdocs_warnings:
        click.echo(f"mkdocs: {terminal_text(message)}", err=True)
    if result.errors or result.warnings:
        errors, warnings = text("validate.errors", lang, count=result.errors), text("validate.warnings", lang, count=result.warnings)
        click.echo(text("cli.build.validation", lang, errors=errors, warnings=warnings), err=True)
    over = check_size(result.site_dir, prepared.settings, budget)
    return 1 if (strict and result.errors) or over else 0


def _budget(option: str | None) -> int | None:
    from pactwatch.site.budget import parse_size

    if option is None:
        return None
    try:
        return parse_size(option)
    except ValueError:
        raise click.BadParameter(text("error.build.size", message_language(), value=option), param_hint="--max-size") from None


def check_size(site_dir: Path, settings: Settings, budget: int | None) -> bool:
    """Print the site's size and its largest pages and feeds; -> whether it is over its budget (the option's, else
    the settings'). Over GitHub Pages' 1 GB without a budget is a warning only."""
    from pactwatch.site import budget as sizes

    lang = settings.language
    feed_limit = round(settings.feed_max_mb * 1_000_000)
    size = sizes.measure(site_dir, feed_limit)
    total = sizes.human(size.total)
    click.echo(text("scale.size", lang, size=total, files=size.files, pages=sizes.listing(size.pages), feeds=sizes.listing(size.feeds)))
    for path, bytes_ in size.over_feeds:  # a warning only: the overdue items are what the feed is for
        click.echo(text("feeds.over_budget", lang, path=path, size=sizes.human(bytes_), budget=sizes.human(feed_limit)), err=True)
    limit = budget if budget is not None else (settings.site_max_mb * 1_000_000 if settings.site_max_mb else None)
    if limit is not None and size.total > limit:
        click.echo(text("scale.over_budget", lang, size=total, budget=sizes.human(limit)), err=True)
        return True
    if size.total > sizes.PAGES_LIMIT:
        click.echo(text("scale.over_pages", lang, size=total), err=True)
    return False
