"""pactwatch codeowners: write .github/CODEOWNERS from the data, or check that it is up to date."""

from __future__ import annotations

import difflib
from pathlib import Path

import click

from pactwatch.catalogue import text
from pactwatch.commands.common import root_option, today_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare
from pactwatch.errors import PactwatchError

NEEDS = Needs(OnErrors.REFUSE, "cli.refusal.codeowners")


@click.command()
@root_option
@today_option
@click.option("--check", is_flag=True, help="Change nothing; exit 1 (with a diff) when the file is stale.")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where CODEOWNERS goes; default ROOT/.github/CODEOWNERS (the portfolio is the repository root).",
)
def codeowners(root: Path | None, today_text: str | None, check: bool, output: Path | None) -> int:
    """Write .github/CODEOWNERS: each contract's owner plus the teams of the approval policy."""
    from pactwatch.fileio import write_atomic_text
    from pactwatch.github.codeowners import PATH, render

    run = prepare(root, today_text, NEEDS)
    loaded, root = run.loaded, run.root
    target = output or root / PATH
    language = run.settings.language
    wanted = render(loaded.portfolio, run.written_language)  # a committed file: pactwatch.yml's language, not --lang's
    try:
        current = target.read_text(encoding="utf-8") if target.exists() else None
    except (OSError, UnicodeDecodeError) as exc:
        raise PactwatchError(text("cli.codeowners.cannot_read", language, path=target, reason=exc)) from None
    if check:
        if current == wanted:
            return 0
        if current is None:
            click.echo(text("cli.codeowners.missing", language, path=target), err=True)
        else:
            names = (text("cli.codeowners.committed", language, path=target), text("cli.codeowners.generated", language, path=target))
            click.echo("".join(difflib.unified_diff(current.splitlines(True), wanted.splitlines(True), *names)), nl=False)
            click.echo(text("cli.codeowners.stale", language, path=target), err=True)
        return 1
    if current != wanted:
        try:
            write_atomic_text(target, wanted)
        except OSError as exc:
            raise PactwatchError(text("cli.codeowners.cannot_write", language, path=target, reason=exc.strerror)) from None
        click.echo(text("cli.wrote", language, path=target), err=True)
    return 0
