"""pactwatch build: the progress site (mkdocs-material) with its calendar feeds."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO

import click

from pactwatch.commands.common import root_option, today_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare
from pactwatch.escape.terminal import terminal_text

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
@root_option
@today_option
def build(out_dir: Path | None, public: bool, strict: bool, jobs: int | None, root: Path | None, today_text: str | None) -> int:
    """Build the progress site: pages, calendar feeds and mkdocs-material, into site/."""
    from pactwatch.site.build import build_site

    started = time.perf_counter()
    prepared = prepare(root, today_text, NEEDS)  # data errors go to the site's data-problems page
    root, today = prepared.root, prepared.today
    result = build_site(root, today, out=out_dir, public=public, jobs=jobs, progress=Bar(sys.stderr), loaded=prepared.loaded)
    elapsed = time.perf_counter() - started
    edition = " (public)" if public else ""
    click.echo(
        f"{result.contracts} contracts, {result.milestones} milestones, {result.overdue} overdue as of {today.isoformat()}{edition}."
    )
    click.echo(f"Site: {result.site_dir}/index.html ({result.pages} pages, {result.feeds} calendar feeds) in {elapsed:.1f} s.")
    for message in result.mkdocs_warnings:
        click.echo(f"mkdocs: {terminal_text(message)}", err=True)
    if result.errors or result.warnings:
        click.echo(
            f"Validation: {result.errors} errors, {result.warnings} warnings (see the Data problems page; "
            "files with errors in their structure are left out).",
            err=True,
        )
    return 1 if strict and result.errors else 0
