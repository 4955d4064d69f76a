"""pactwatch check: the CI gate. Validate, list what matches, fail on overdue (acknowledgements honoured)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pactwatch import reporters
from pactwatch.catalogue import text, word
from pactwatch.commands.common import echo_parts, root_option, today_option, use_colour
from pactwatch.commands.runtime import Needs, OnErrors, prepare
from pactwatch.engine.records import Occurrence
from pactwatch.escape.annotations import workflow_command
from pactwatch.escape.terminal import terminal_text
from pactwatch.gcpause import one_shot
from pactwatch.jsonout import json_document_parts, occurrence_lines
from pactwatch.naming import person_name
from pactwatch.terminal import width

if TYPE_CHECKING:
    from pactwatch.model import Person

FAIL_STATES = {"overdue": ("overdue",), "due-soon": ("overdue", "due_soon"), "never": ()}

NEEDS = Needs(OnErrors.REPORT, evaluate=True)


def _line(o: Occurrence) -> int:
    return o.contract.term_line if o.derived else o.milestone.line


def _message(o: Occurrence, language: str, people: Mapping[str, Person]) -> str:
    ack = o.milestone.ack if o.acknowledged else None
    what = f"{o.ref} {o.contract.title} · {o.title}"
    timing = (
        text("cli.check.late", language, count=o.days_late)
        if o.state == "overdue"
        else text("cli.check.soon", language, count=o.days_until)
    )
    extra = text("cli.check.ack", language, until=ack.until) if ack else ""
    return text("cli.check.line", language, what=what, timing=timing, due=o.due, owner=person_name(o.owner, people), ack=extra)


def _summary(today: date, errors: int, failing: int, shown: int, language: str) -> str:
    """The last line: data errors, failing milestones, and how many are overdue or due soon."""
    counted = {
        "errors": text("cli.count.data_errors", language, count=errors),
        "failing": text("cli.check.failing", language, count=failing),
    }
    return text("cli.check.summary", language, today=today, shown=shown, **counted)


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
    language, people = evaluation.portfolio.settings.language, evaluation.portfolio.people
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
            where = (("file", o.contract.source), ("line", _line(o)), ("title", word(f"value.{o.state}", language)))
            lines.append(workflow_command(level, where, _message(o, language, people)))
        if lines:
            click.echo("\n".join(lines))
    else:
        if loaded.findings:
            click.echo(reporters.text(loaded.findings, colour=use_colour(), language=language))
        fail = word("cli.check.fail", language)
        blank = " " * width(fail)
        listing = [f"{fail if o.ref in failing else blank} {o.contract.source}:{_line(o)}: {_message(o, language, people)}" for o in items]
        if listing:
            click.echo(terminal_text("\n".join(listing)))
        click.echo(_summary(evaluation.today, len(loaded.errors), len(failing), len(items), language), err=True)
    return 1 if failing or loaded.errors else 0
