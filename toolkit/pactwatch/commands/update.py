"""pactwatch done / ack / reschedule / waive: an owner's change to one milestone, made with the surgical editor.

Each prints the diff it made (``--dry-run``: the diff it would make) and writes the contract file only
when the result validates; otherwise it prints the findings and exits 1 with the file as it was.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from pactwatch.commands.common import root_option, today_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare
from pactwatch.edit.milestone import Action, Request
from pactwatch.errors import PactwatchError

NEEDS = Needs(OnErrors.WARN)


class _IsoDate(click.ParamType[date]):
    name = "YYYY-MM-DD"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"{value!r} is not a date (YYYY-MM-DD)", param, ctx)


ISO_DATE = _IsoDate()


def run_change(root: Path | None, today_text: str | None, request: Request, dry_run: bool) -> int:
    """Find the contract, make the change in memory, print its diff, write it unless ``dry_run``."""
    from pactwatch import reporters
    from pactwatch.catalogue import msg, text
    from pactwatch.edit.contract_file import Invalid, change, write
    from pactwatch.edit.milestone import Refused
    from pactwatch.escape.terminal import terminal_text

    prepared = prepare(root, today_text, NEEDS)
    language = prepared.settings.language
    portfolio = prepared.loaded.portfolio
    contract = next((c for c in portfolio.contracts if c.id == request.contract_id), None)
    try:
        if contract is None:
            raise Refused(msg("chatops.error.no_contract", contract=request.contract_id), msg("chatops.hint.validate"))
        edited = change(prepared.root, contract.source, request, prepared.settings, portfolio.people, prepared.today)
    except Refused as exc:
        raise PactwatchError(exc.text(language)) from None
    except Invalid as exc:
        click.echo(reporters.text(exc.findings, language=language), err=True)
        raise PactwatchError(text("chatops.error.invalid", language, file=contract.source if contract else "")) from None
    click.echo(terminal_text(edited.diff()))
    for note in edited.applied.notes:
        click.echo(terminal_text(note.render(language)), err=True)
    if dry_run:
        click.echo(text("chatops.cli.dry_run", language, file=edited.source), err=True)
        return 0
    write(prepared.root, edited)
    click.echo(text("chatops.cli.written", language, file=terminal_text(edited.source)), err=True)
    return 0


def _command(action: Action, date_option: tuple[str, str] | None, words_option: tuple[str, str] | None, doc: str) -> click.Command:
    """One of the four commands: CONTRACT MILESTONE, a date option and a text option, --dry-run, --root, --today."""

    def command(
        contract: str, milestone: str, dry_run: bool, root: Path | None, today_text: str | None, on: date | None = None, words: str = ""
    ) -> int:
        return run_change(root, today_text, Request(action, contract, milestone, on, words or ""), dry_run)

    command.__doc__ = doc
    command = today_option(root_option(command))
    command = click.option("--dry-run", is_flag=True, help="Print the diff; write nothing.")(command)
    if words_option is not None:
        command = click.option(words_option[0], "words", required=action in ("reschedule", "waive"), help=words_option[1])(command)
    if date_option is not None:
        command = click.option(date_option[0], "on", type=ISO_DATE, required=action in ("ack", "reschedule"), help=date_option[1])(command)
    command = click.argument("contract")(click.argument("milestone")(command))
    return click.command(action)(command)


done = _command(
    "done",
    ("--on", "The day it was done (YYYY-MM-DD); default today. For an occurrence (R1@2026-05-31) it is added under completed."),
    ("--evidence", "What shows it was done (a receipt number, a document)."),
    "Mark a milestone (or one occurrence, M@YYYY-MM-DD) done.",
)
ack = _command(
    "ack",
    ("--until", "The day the delay is acknowledged until (YYYY-MM-DD)."),
    ("--note", "Why it is late."),
    "Acknowledge an overdue milestone until a date (check does not fail for it until then).",
)
reschedule = _command(
    "reschedule",
    ("--to", "The new due date (YYYY-MM-DD)."),
    ("--reason", "Why it moves; recorded as an amendment of the contract with today's date."),
    "Move a milestone's due date and record why as an amendment.",
)
waive = _command(
    "waive",
    None,
    ("--reason", "Why it is waived; recorded as an amendment of the contract with today's date."),
    "Waive a milestone (it no longer has to be done) and record why as an amendment.",
)
