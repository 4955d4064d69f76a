"""pactwatch check: the CI gate. Validate, list what matches, fail on overdue (acknowledgements honoured)."""

from __future__ import annotations

from pathlib import Path

import click

from pactwatch import reporters
from pactwatch.commands.common import echo_parts, root_option, today_option, use_colour
from pactwatch.commands.runtime import Needs, OnErrors, prepare
from pactwatch.engine.records import Occurrence
from pactwatch.escape.annotations import workflow_command
from pactwatch.escape.terminal import terminal_text
from pactwatch.gcpause import one_shot
from pactwatch.i18n import word
from pactwatch.jsonout import json_document_parts, occurrence_lines

FAIL_STATES = {"overdue": ("overdue",), "due-soon": ("overdue", "due_soon"), "never": ()}

NEEDS = Needs(OnErrors.REPORT, evaluate=True)


def _line(o: Occurrence) -> int:
    return o.contract.term_line if o.derived else o.milestone.line


def _message(o: Occurrence, language: str) -> str:
    ack = o.milestone.ack if o.acknowledged else None
    what = f"{o.ref} {o.contract.title} · {o.title}"
    if language == "zh":
        timing = f"逾期 {o.days_late} 天" if o.state == "overdue" else f"{o.days_until} 天后到期"
        extra = f"；已确认延期至 {ack.until}" if ack else ""
        return f"{what}：{timing}（计划 {o.due}，负责人 {o.owner}）{extra}"
    timing = f"{o.days_late} days overdue" if o.state == "overdue" else f"due in {o.days_until} days"
    extra = f"; delay acknowledged until {ack.until}" if ack else ""
    return f"{what}: {timing} (due {o.due}, owner {o.owner}){extra}"


@click.command()
@one_shot  # hundreds of thousands of acyclic records and rows: the cyclic collector would only cost time
@root_option
@today_option
@click.option(
    "--fail-on", type=click.Choice(list(FAIL_STATES)), default="overdue", show_default=True, help="Which milestones fail the check."
)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True)
def check(root: Path | None, today_text: str | None, fail_on: str, fmt: str) -> int:
    """Validate, then fail when a milestone is overdue (the CI gate)."""
    run = prepare(root, today_text, NEEDS)
    loaded, evaluation = run.loaded, run.evaluated
    language = evaluation.portfolio.settings.language
    shown = ("overdue", "due_soon")
    items = [o for o in evaluation.occurrences if o.state in shown]
    failing = {o.ref for o in items if o.state in FAIL_STATES[fail_on] and not o.acknowledged}
    if fmt == "json":
        head = {"today": evaluation.today.isoformat(), "findings": [f.as_json(language) for f in loaded.findings]}
        echo_parts(json_document_parts(head, "milestones", occurrence_lines(items, lambda o: {"fails": o.ref in failing})))
    elif fmt == "github":
        lines = [reporters.github(loaded.findings, language=language)] if loaded.findings else []
        for o in items:
            level = "error" if o.ref in failing else "warning"
            where = (("file", o.contract.source), ("line", _line(o)), ("title", word(o.state, language)))
            lines.append(workflow_command(level, where, _message(o, language)))
        if lines:
            click.echo("\n".join(lines))
    else:
        if loaded.findings:
            click.echo(reporters.text(loaded.findings, colour=use_colour(), language=language))
        listing = [f"{'FAIL' if o.ref in failing else '    '} {o.contract.source}:{_line(o)}: {_message(o, language)}" for o in items]
        if listing:
            click.echo(terminal_text("\n".join(listing)))
        errors = len(loaded.errors)
        click.echo(
            f"{evaluation.today}: {errors} data errors, {len(failing)} failing milestones ({len(items)} overdue or due soon).", err=True
        )
    return 1 if failing or loaded.errors else 0
