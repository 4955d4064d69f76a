"""pactwatch report: the weekly or monthly status report (周报/月报) as Markdown or JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import click

from pactwatch import report as reports
from pactwatch.catalogue import text
from pactwatch.commands.common import root_option, today_option, verbose_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare
from pactwatch.fileio import write_atomic_text

if TYPE_CHECKING:
    from pactwatch.engine.records import Evaluation
    from pactwatch.history.records import TrendRow

NEEDS = Needs(OnErrors.WARN, evaluate=True, history=True)


@click.command()
@root_option
@today_option
@verbose_option
@click.option("--period", type=click.Choice(["week", "month"]), help="The period containing today  [default: week; --counterparty: month]")
@click.option("--counterparty", metavar="NAME_OR_ID", help="Write the statement for this counterparty (its id, its name or part of it).")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of standard output.")
def report(
    root: Path | None,
    today_text: str | None,
    period: Literal["week", "month"] | None,
    counterparty: str | None,
    fmt: str,
    output: Path | None,
) -> int:
    """Write the status report for the week or month containing today, or a counterparty's statement."""
    run = prepare(root, today_text, NEEDS)
    evaluation, root = run.evaluated, run.root
    if counterparty is not None:
        return _statement(evaluation, root, counterparty, period or "month", fmt, output)
    period = period or "week"
    trends = _trends(root, evaluation) if period == "month" and evaluation.history is not None else None
    built = reports.build(evaluation, period, trends or ())
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


def _statement(evaluation: Evaluation, root: Path, needle: str, period: Literal["week", "month"], fmt: str, output: Path | None) -> int:
    """The counterparty statement (pactwatch.statement): Markdown only, it is written for a person to read."""
    from pactwatch import statement
    from pactwatch.catalogue import text
    from pactwatch.errors import UsageError

    language = evaluation.portfolio.settings.language
    if fmt != "md":
        raise UsageError(text("followup.statement.markdown_only", language))
    shown = [c for c in evaluation.portfolio.contracts if statement.shown(c)]
    written = statement.render_markdown(statement.build(evaluation, statement.resolve(shown, needle, language), period), root)
    if output is None:
        click.echo(written, nl=False)
    else:
        write_atomic_text(output, written)
        click.echo(text("cli.wrote", language, path=output), err=True)
    return 0


def _trends(root: Path, evaluation: Evaluation) -> list[TrendRow] | None:
    """The 12 month-ends before today, each as it stood then (history.trends: cached by commit)."""
    from pactwatch.history.trends import read_trends

    return read_trends(root, evaluation.portfolio, evaluation.today, os.environ)
