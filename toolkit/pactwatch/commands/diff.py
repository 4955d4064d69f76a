"""pactwatch diff: what a change to the contracts means (not which lines moved), per contract, as Markdown or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from pactwatch.commands.common import root_option
from pactwatch.commands.runtime import start


@click.command()
@root_option
@click.argument("base", required=False)
@click.argument("head", required=False)
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
def diff(root: Path | None, base: str | None, head: str | None, fmt: str) -> int:
    """List what changed in meaning between BASE and HEAD: contracts, milestones, amounts, dates, key terms, owners.

    BASE defaults to the merge base with the default branch, HEAD to the working tree.
    Whitespace, comments and key order are not changes.
    """
    from pactwatch.changes import render, revisions, semantic
    from pactwatch.load.people import load_people

    begun = start(root, None)
    settings = begun.settings
    found = revisions.compare(begun.root, base, head, settings.currency, settings.language)
    changes = semantic.diff(found.pairs)
    people = {p.id: p for p in load_people(begun.root)[0]}
    if fmt == "json":
        click.echo(json.dumps(render.as_json(found, changes, settings, people), ensure_ascii=False, indent=2))
    else:
        click.echo(render.markdown(found, changes, settings, people), nl=False)
    return 0
