"""pactwatch report: the weekly or monthly status report (周报/月报) as Markdown or JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

import click

from pactwatch import report as reports
from pactwatch.catalogue import text
from pactwatch.commands.common import root_option, today_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare
from pactwatch.fileio import write_atomic_text

NEEDS = Needs(OnErrors.WARN, evaluate=True)


@click.command()
@root_option
@today_option
@click.option("--period", type=click.Choice(["week", "month"]), default="week", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of standard output.")
def report(root: Path | None, today_text: str | None, period: Literal["week", "month"], fmt: str, output: Path | None) -> int:
    """Write the status report for the week or month containing today."""
    run = prepare(root, today_text, NEEDS)
    evaluation, root = run.evaluated, run.root
    built = reports.build(evaluation, period)
    if fmt == "json":
        written = json.dumps(reports.as_json(built), ensure_ascii=False, indent=2) + "\n"
    else:
        written = reports.render_markdown(built, root)
    if output is None:
        click.echo(written, nl=False)
    else:
        write_atomic_text(output, written)
        click.echo(text("cli.wrote", run.settings.language, path=output), err=True)
    return 0
