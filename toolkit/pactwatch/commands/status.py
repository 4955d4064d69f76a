"""pactwatch status: where every milestone stands today, as a table or JSON."""

from __future__ import annotations

from datetime import date
from itertools import groupby
from operator import attrgetter
from pathlib import Path

import click

from pactwatch.catalogue import text, word
from pactwatch.commands.common import echo_parts, root_option, today_option, use_colour, verbose_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare
from pactwatch.engine.records import STATES, Evaluation, Occurrence
from pactwatch.engine.selection import Filters, select, why_nothing
from pactwatch.errors import UsageError
from pactwatch.escape.terminal import terminal_text
from pactwatch.gcpause import one_shot
from pactwatch.i18n import format_money
from pactwatch.jsonout import json_document_parts, occurrence_lines, plan_fields
from pactwatch.naming import person_name
from pactwatch.terminal import STATE_COLOURS, table

NEEDS = Needs(OnErrors.WARN, evaluate=True, history=True)


_OWNER = attrgetter("milestone.owner")


def _person(given: str, evaluation: Evaluation) -> str:
    """--owner as a person id: an id, else a name (case and width ignored); a name two people share is a usage error."""
    from pactwatch.ledger.people import Directory

    match = Directory(evaluation.portfolio.people.values()).find(given)
    if match.ambiguous:
        language = evaluation.portfolio.settings.language
        said = text("cli.status.ambiguous_owner", language, text=given, count=len(match.ambiguous), ids=", ".join(match.ambiguous))
        raise UsageError(said)
    return match.person_id or given  # nobody: nothing matches, and the explanation says so


def _days(late: int, until: int | None, language: str) -> str:
    """+3d / 5d (+3天 / 5天): days late, else days left; nothing for an occurrence without a due day ahead."""
    if late:
        return text("cli.status.days_late", language, count=late)
    return "" if until is None else text("cli.status.days_until", language, count=until)


def render_text(evaluation: Evaluation, items: list[Occurrence], colour: bool) -> str:
    """Open work per owner: due, state, days, ref, amount, then the whole title and any flags.

    The title comes last and whole: nothing after it needs aligning, so long
    titles are never cut and piped output stays searchable.
    """
    language = evaluation.portfolio.settings.language
    people = evaluation.portfolio.people
    states = {state: word(f"value.{state}", language) for state in STATES}
    blocked_word, acknowledged_word = word("flag.blocked", language), word("flag.acknowledged", language)
    flag_words = {
        (blocked, acknowledged): " ".join(w for w, on in ((blocked_word, blocked), (acknowledged_word, acknowledged)) if on)
        for blocked in (False, True)
        for acknowledged in (False, True)
    }
    described: dict[int, tuple[str, str, str]] = {}  # id(milestone) -> title, amount, "contract/": recurring ones repeat
    due_cells: dict[date, str] = {}
    lines: list[str] = []
    # items come in the engine's order (due, contract, key): a stable sort by owner alone keeps it within each owner
    for owner, group in groupby(sorted(items, key=_OWNER), key=_OWNER):
        lines.append(terminal_text(person_name(owner, people, with_id=True)))  # the table's cells are cleaned by table()
        rows, colours = [], []
        for o in group:
            m = o.milestone
            cells = described.get(id(m))
            if cells is None:
                amount = format_money(m.amount, m.currency, language) if m.amount is not None else ""
                cells = described[id(m)] = (" ".join(f"{o.contract.title} · {m.title}".split()), amount, f"{o.contract.id}/")
            due = due_cells.get(o.due)
            if due is None:
                due = due_cells[o.due] = "  " + o.due.isoformat()
            late, until = o.days_late, o.days_until
            days = _days(late, until, language)
            flags = flag_words[o.blocked, o.acknowledged]
            title = f"{cells[0]}  [{flags}]" if flags else cells[0]
            rows.append((due, states[o.state], days, cells[2] + o.key, cells[1], title))
            if colour:
                colours.append(STATE_COLOURS.get(o.state, ""))
        lines.extend(table(rows, colours))
    return "\n".join(lines)


@click.command()
@one_shot  # hundreds of thousands of acyclic records and rows: the cyclic collector would only cost time
@root_option
@today_option
@verbose_option
@click.option("--owner", metavar="PERSON", help="Only milestones this person owns (an id or a name from people.yaml).")
@click.option("--counterparty", metavar="NAME", help="Only contracts with this counterparty (part of the name, or its id).")
@click.option("--contract", metavar="ID", help="Only this contract.")
@click.option("--state", "states", multiple=True, type=click.Choice(STATES), help="Only these states (repeatable); default: the open ones.")
@click.option("--within", type=click.IntRange(min=0), metavar="DAYS", help="Only milestones due within DAYS from today (overdue included).")
@click.option("--all", "show_all", is_flag=True, help="Every state, including done, waived and cancelled.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def status(
    root: Path | None,
    today_text: str | None,
    owner: str | None,
    counterparty: str | None,
    contract: str | None,
    states: tuple[str, ...],
    within: int | None,
    show_all: bool,
    fmt: str,
) -> int:
    """Show each milestone's state today (overdue, due soon, upcoming...)."""
    evaluation = prepare(root, today_text, NEEDS).evaluated
    chosen = STATES if show_all and not states else states
    person = _person(owner, evaluation) if owner is not None else None
    filters = Filters(person, owner, counterparty, contract, chosen, within)
    items = select(evaluation, filters)
    if fmt == "json":
        echo_parts(
            json_document_parts(
                {"today": evaluation.today.isoformat()}, "milestones", occurrence_lines(items, plan_fields(evaluation.history))
            )
        )
    elif items:
        click.echo(render_text(evaluation, items, use_colour()))
    else:
        language = evaluation.portfolio.settings.language
        click.echo(text("cli.status.nothing", language, today=evaluation.today))
        for reason in why_nothing(evaluation, filters):
            click.echo(terminal_text(f"  {reason.render(language)}"))
    return 0
