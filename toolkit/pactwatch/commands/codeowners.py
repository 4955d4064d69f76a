"""pactwatch codeowners: write .github/CODEOWNERS from the data, or check that it is up to date."""

from __future__ import annotations

import difflib
from pathlib import Path

import click

from pactwatch.commands.common import check_root, root_option, today_for, today_option
from pactwatch.errors import PactwatchError


@click.command()
@root_option
@today_option
@click.option("--check", is_flag=True, help="Change nothing; exit 1 (with a diff) when the file is stale.")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where CODEOWNERS goes; default ROOT/.github/CODEOWNERS (the portfolio is the repository root).",
)
def codeowners(root: Path, today_text: str | None, check: bool, output: Path | None) -> int:
    """Write .github/CODEOWNERS: each contract's owner plus the teams of the approval policy."""
    from pactwatch.fileio import write_atomic_text
    from pactwatch.github.codeowners import PATH, render
    from pactwatch.load.portfolio import load_portfolio
    from pactwatch.settings import load_settings

    check_root(root)
    settings = load_settings(root)
    loaded = load_portfolio(root, today_for(today_text, settings), settings=settings)
    if loaded.errors:
        raise PactwatchError(f"the portfolio has {len(loaded.errors)} errors (see `pactwatch validate`); CODEOWNERS is left as it is")
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
