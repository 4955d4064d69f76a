"""pactwatch serve: preview the site locally, rebuilt whenever a contract, people.yaml or pactwatch.yml changes."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pactwatch.commands.common import root_option, today_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare, start
from pactwatch.escape.terminal import terminal_text

if TYPE_CHECKING:
    from pactwatch.load.portfolio import Loaded

NEEDS = Needs(OnErrors.REPORT)  # the site shows the findings on its data-problems page


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free port).")
@click.option("--public", is_flag=True, help="Preview the public edition (no amounts, documents or confidential contracts).")
@root_option
@today_option
def serve(host: str, port: int, public: bool, root: Path | None, today_text: str | None) -> int:
    """Serve the site on localhost with live reload; rebuild when the portfolio changes (Ctrl-C stops)."""
    from pactwatch.catalogue import msg, text
    from pactwatch.errors import OSFailure, PactwatchError
    from pactwatch.site.serve import Preview

    started_run = start(root, today_text)
    root, lang = started_run.root, started_run.settings.language

    def load() -> tuple[date, Loaded]:  # again at each rebuild: edits are seen, and a preview left running overnight moves on
        prepared = prepare(root, today_text, NEEDS)
        return prepared.today, prepared.loaded

    try:
        preview = Preview(root, load, public=public, host=host, port=port)
    except OSError as exc:
        raise OSFailure(msg("error.serve.listen", host=host, port=port), exc) from None
    try:
        preview.start()
        click.echo(text("cli.serve.serving", lang, url=preview.url))
        while True:
            time.sleep(1.0)
            if preview.changed():
                started = time.perf_counter()
                try:
                    result = preview.rebuild()
                except PactwatchError as exc:
                    click.echo(text("cli.serve.failed", lang, reason=terminal_text(exc.said(lang))), err=True)
                    continue
                seconds = f"{time.perf_counter() - started:.1f}"
                click.echo(text("cli.serve.rebuilt", lang, contracts=result.contracts, overdue=result.overdue, seconds=seconds))
    except KeyboardInterrupt:
        click.echo(text("cli.serve.stopped", lang))
    finally:
        preview.stop()
    return 0
