"""pactwatch approvals: the contracts a branch changes since a git ref, and the approvals they need."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pactwatch.catalogue import text
from pactwatch.commands.common import root_option
from pactwatch.commands.runtime import start
from pactwatch.errors import PactwatchError

if TYPE_CHECKING:
    from pactwatch.model import Contract


def _contracts(
    root: Path, base: str, paths: tuple[str, ...], currency: str
) -> tuple[dict[str, tuple[Contract | None, Contract | None]], list[str]]:
    """Old and new versions of the changed contract files, paired by contract id; files that do not load."""
    from pactwatch.github.gitref import new_bytes, old_bytes
    from pactwatch.load.files import CONTRACTS_DIR
    from pactwatch.load.portfolio import process_contract

    pairs: dict[str, list[Contract | None]] = {}
    unreadable: set[str] = set()
    for path in paths:
        if not (path.startswith(f"{CONTRACTS_DIR}/") and path.endswith((".yaml", ".yml"))):
            continue
        for side, raw in enumerate((old_bytes(root, base, path), new_bytes(root, path))):
            if raw is None:
                continue
            contract = process_contract(path, raw, currency).contract
            if contract is None:
                unreadable.add(path)
                continue
            pairs.setdefault(contract.id, [None, None])[side] = contract
    return {cid: (pair[0], pair[1]) for cid, pair in pairs.items()}, sorted(unreadable)


@click.command()
@root_option
@click.option("--base", "ref", required=True, metavar="REF", help="The git ref to compare with, e.g. origin/main.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True)
def approvals(root: Path | None, ref: str, fmt: str) -> int:
    """List each contract changed since REF, what changed, and which approvals the policy requires.

    --format github appends Markdown to $GITHUB_STEP_SUMMARY (or prints it when that is not set).
    """
    from pactwatch.changes.semantic import diff
    from pactwatch.github import approvals_report, gitref
    from pactwatch.github.approvals import review
    from pactwatch.load.people import load_people

    begun = start(root, None)
    root, settings = begun.root, begun.settings
    people_list, _, _ = load_people(root)
    people = {p.id: p for p in people_list}
    changed = gitref.changed(root, ref)
    pairs, unreadable = _contracts(root, changed.base, changed.paths, settings.currency)
    policy = [p for p in changed.paths if p in ("pactwatch.yml", "people.yaml")]
    result = review(ref, changed.base, pairs, settings, people, policy, unreadable)
    changes = diff(pairs)
    if fmt == "json":
        click.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    elif fmt == "text":
        click.echo(approvals_report.text_report(result, changes, settings, people))
    else:
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        markdown = approvals_report.markdown(result, changes, settings, people)
        if not summary:
            click.echo(markdown)
            return 0
        try:
            with open(summary, "a", encoding="utf-8") as out:
                out.write(markdown + "\n")
        except OSError as exc:
            said = text("cli.approvals.summary_failed", settings.language, path=summary, reason=exc.strerror)
            raise PactwatchError(said) from None
        click.echo(approvals_report.text_report(result, changes, settings, people))
    return 0
