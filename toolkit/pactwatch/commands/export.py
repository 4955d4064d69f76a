"""pactwatch export: the ledger finance and management use, as .xlsx (three sheets) or .csv (one flat table)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pactwatch.catalogue import text
from pactwatch.commands.common import early_language, root_option, today_option
from pactwatch.commands.runtime import Needs, OnErrors, prepare
from pactwatch.errors import UsageError

NEEDS = Needs(OnErrors.REFUSE, "cli.refusal.export", evaluate=True)


def _format(fmt: str | None, output: Path | None) -> str:
    if fmt:
        return fmt
    if output is not None and output.suffix.lower() == ".csv":
        return "csv"
    return "xlsx"


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv"]), help="Default: from -o's suffix, else xlsx.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Default: ledger-<today>.<format>; '-' for standard output."
)
@click.option("--public", is_flag=True, help="Leave out confidential contracts, amounts, documents, key terms and amendments.")
@click.option("--language", type=click.Choice(["zh", "en"]), help="Headers and words; default the portfolio's language.")
@root_option
@today_option
def export(fmt: str | None, output: Path | None, public: bool, language: str | None, root: Path | None, today_text: str | None) -> int:
    """Write the contracts, every milestone occurrence and the KPIs as a spreadsheet."""
    from pactwatch.fileio import write_atomic
    from pactwatch.ledger import exporter, workbook

    kind = _format(fmt, output)
    if output is not None and str(output) != "-" and output.suffix.lower() not in ("", f".{kind}"):
        raise UsageError(text("cli.export.suffix", early_language(), path=output, kind=kind))
    run = prepare(root, today_text, NEEDS)
    settings, today = run.settings, run.today
    ledger = exporter.build(run.evaluated, language=language or settings.language, public=public)
    data = workbook.render_xlsx(ledger) if kind == "xlsx" else workbook.render_csv(ledger.flat)
    if output is not None and str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    path = output or Path(f"ledger-{today.isoformat()}.{kind}")
    write_atomic(path, data)
    rows = len(ledger.flat.rows) if kind == "csv" else len(ledger.milestones.rows)
    contracts = text("cli.count.contracts", ledger.language, count=len(ledger.contracts.rows))
    counted = text("cli.count.rows" if kind == "csv" else "cli.count.milestone_rows", ledger.language, count=rows)
    click.echo(text("cli.export.wrote", ledger.language, path=path, contracts=contracts, rows=counted), err=True)
    return 0
