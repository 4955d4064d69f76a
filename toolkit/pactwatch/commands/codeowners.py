"""pactwatch codeowners: write .github/CODEOWNERS from the data, or check that it is up to date."""

from __future__ import annotations

import difflib
from pathlib import Path

import click

from pactwatch.commands.common import root_option, today_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare
from pactwatch.errors import PactwatchError

NEEDS = Needs(OnErrors.REFUSE, "CODEOWNERS is left as it is")


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
    text = render(loaded.portfolio)
    try:
        current = target.read_text(encoding="utf-8") if target.exists() else None
    except (OSError, UnicodeDecodeError) as exc:
        raise PactwatchError(f"cannot read {target}: {exc}") from None
    if check:
        if current == text:
            return 0
        if current is None:
            click.echo(f"{target} is missing: run `pactwatch codeowners` and commit it.", err=True)
        else:
            diff = difflib.unified_diff(
                current.splitlines(True), text.splitlines(True), f"{target} (committed)", f"{target} (from the data)"
            )
            click.echo("".join(diff), nl=False)
            click.echo(f"{target} is stale: run `pactwatch codeowners` and commit it.", err=True)
        return 1
    if current != text:
        try:
            write_atomic_text(target, text)
        except OSError as exc:
            raise PactwatchError(f"cannot write {target}: {exc.strerror}") from None
        click.echo(f"wrote {target}", err=True)
    return 0
