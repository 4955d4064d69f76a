"""pactwatch status: where every milestone stands today, as a table or JSON."""

from __future__ import annotations

from datetime import timedelta
from itertools import groupby
from pathlib import Path

import click

from pactwatch.commands.common import evaluate_root, root_option, today_option, use_colour, warn_about_errors
from pactwatch.engine.records import OPEN_STATES, STATES, Evaluation, Occurrence
from pactwatch.i18n import format_money, word
from pactwatch.jsonout import json_document, occurrence_lines
from pactwatch.terminal import STATE_COLOURS, clip, table


def select(
    evaluation: Evaluation,
    *,
    owner: str | None = None,
    counterparty: str | None = None,
    contract: str | None = None,
    states: tuple[str, ...] = (),
    within: int | None = None,
) -> list[Occurrence]:
    """The occurrences matching the filters (open ones unless states are named), in the engine's order."""
    wanted = set(states) if states else set(OPEN_STATES)
    needle = counterparty.casefold() if counterparty else None
    horizon = evaluation.today + timedelta(days=within) if within is not None else None
    return [
        o
        for o in evaluation.occurrences
        if o.state in wanted
        and (owner is None or o.owner == owner)
        and (contract is None or o.contract.id == contract)
        and (needle is None or needle in o.contract.counterparty.name.casefold() or needle == (o.contract.counterparty.id or "").casefold())
        and (horizon is None or o.due <= horizon)
    ]


def render_text(evaluation: Evaluation, items: list[Occurrence], colour: bool) -> str:
    language = evaluation.portfolio.settings.language
    people = evaluation.portfolio.people
    lines: list[str] = []
    for owner, group in groupby(sorted(items, key=lambda o: (o.owner, o.due, o.contract.id, o.key)), key=lambda o: o.owner):
        name = people[owner].name if owner in people else owner
        lines.append(f"{name} ({owner})")
        rows, colours = [], []
        for o in group:
            days = f"+{o.days_late}d" if o.days_late else (f"{o.days_until}d" if o.days_until is not None else "")
            flags = " ".join(
                f for f, on in ((word("blocked", language), o.blocked), (word("acknowledged", language), o.acknowledged)) if on
            )
            amount = format_money(o.amount, o.currency) if o.amount is not None else ""
            rows.append(
                ["  " + o.due.isoformat(), word(o.state, language), days, o.ref, clip(f"{o.contract.title} · {o.title}", 48), amount, flags]
            )
            colours.append(STATE_COLOURS.get(o.state, "") if colour else "")
        lines.extend(table(rows, colours))
    return "\n".join(lines)


@click.command()
@root_option
@today_option
@click.option("--owner", metavar="ID", help="Only milestones this person owns.")
@click.option("--counterparty", metavar="NAME", help="Only contracts with this counterparty (part of the name, or its id).")
@click.option("--contract", metavar="ID", help="Only this contract.")
@click.option("--state", "states", multiple=True, type=click.Choice(STATES), help="Only these states (repeatable); default: the open ones.")
@click.option("--within", type=click.IntRange(min=0), metavar="DAYS", help="Only milestones due within DAYS from today (overdue included).")
@click.option("--all", "show_all", is_flag=True, help="Every state, including done, waived and cancelled.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def status(
    root: Path,
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
    loaded, evaluation = evaluate_root(root, today_text)
    warn_about_errors(loaded)
    chosen = STATES if show_all and not states else states
    items = select(evaluation, owner=owner, counterparty=counterparty, contract=contract, states=chosen, within=within)
    if fmt == "json":
        click.echo(json_document({"today": evaluation.today.isoformat()}, "milestones", occurrence_lines(items)))
    elif items:
        click.echo(render_text(evaluation, items, use_colour()))
    else:
        click.echo(f"Nothing matches on {evaluation.today}.")
    return 0
