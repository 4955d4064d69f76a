"""pactwatch import LEDGER: turn a contract ledger (.xlsx or .csv) into contract files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import click

from pactwatch.catalogue import text
from pactwatch.commands.common import root_option, today_option
from pactwatch.commands.runtime import start
from pactwatch.errors import PactwatchError

if TYPE_CHECKING:
    from pactwatch.ledger.layouts import Layout
    from pactwatch.ledger.plan import FilePlan, ImportPlan


class _Shown(NamedTuple):
    """How the text report is told: the run's language and the options that change it."""

    language: str
    dry_run: bool
    verbose: bool
    add_people: bool


def _people_lines(plan: ImportPlan, dry_run: bool, add_people: bool, language: str) -> list[str]:
    """With --add-people, who is (or would be) added; without it, the problems have said who is missing."""
    lines = []
    for name, cells in sorted(plan.unknown.items()) if add_people else ():
        added = plan.assigned.get(name)
        where = ", ".join(c.ref for c in cells[:3]) + (" ..." if len(cells) > 3 else "")
        said = (
            "ledger.import.person_not_added" if not added else "ledger.import.person_would_add" if dry_run else "ledger.import.person_added"
        )
        lines.append(text(said, language, name=name, where=where, id=added or ""))
    return lines


def _file_line(f: FilePlan, dry_run: bool, language: str) -> str:
    """What happens (or would happen) to one contract file: ledger.import.<action>[_dry]."""
    said = f"ledger.import.{f.action}{'_dry' if dry_run else ''}"
    return text(said, language, source=f.source, count=f.milestones)


def _report_text(plan: ImportPlan, layout: Layout, ledger: str, options: _Shown) -> None:
    from pactwatch.ledger.problems import report_lines

    language, dry_run = options.language, options.dry_run
    for line in report_lines(plan.problems, ledger, language):
        click.echo(line, err=True)
    for sheet in layout.skipped if options.verbose else ():
        click.echo(text("ledger.import.skipped_sheet", language, ledger=ledger, sheet=sheet), err=True)
    ignored = sorted({h for p in layout.plans for h in p.ignored})
    if ignored:
        click.echo(text("ledger.import.ignored", language, ledger=ledger, columns=", ".join(ignored)), err=True)
    for f in plan.files:
        click.echo(_file_line(f, dry_run, language))
        if options.verbose and dry_run and f.writes:
            click.echo(f.text)
    for line in _people_lines(plan, dry_run, options.add_people, language):
        click.echo(line, err=True)
    written = sum(f.writes for f in plan.files)
    parts = {
        "written": text("ledger.import.to_write" if dry_run else "ledger.import.written", language, count=written),
        "rejected": text("ledger.import.rejected", language, count=len(plan.rejected)),
        "skipped": text("ledger.import.exist", language, count=sum(f.action == "exists" for f in plan.files)),
    }
    click.echo(text("ledger.import.summary", language, **parts), err=True)


def _report_json(plan: ImportPlan, dry_run: bool, language: str) -> None:
    document = {
        "dry_run": dry_run,
        "files": [{"contract": f.contract_id, "path": f.source, "action": f.action, "milestones": f.milestones} for f in plan.files],
        "rejected": list(plan.rejected),
        "problems": [p.as_json(language) for p in sorted(plan.problems, key=lambda p: p.sort_key)],
        "unknown_people": sorted(plan.unknown),
        "added_people": [{"id": p.id, "name": p.name} for p in plan.new_people],
    }
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))


def _write(root: Path, plan: ImportPlan, ledger: str, language: str) -> None:
    """People first (so the contracts' owners exist), then each contract file, every one atomically."""
    from pactwatch.fileio import write_atomic_text
    from pactwatch.ledger.people import add_to_file
    from pactwatch.load.files import PEOPLE_FILE

    if plan.new_people:
        path = root / PEOPLE_FILE
        before = path.read_text(encoding="utf-8-sig") if path.exists() else None
        note = text("ledger.import.people_comment", language, ledger=ledger)
        write_atomic_text(path, add_to_file(before, plan.new_people, note, language))
    for f in plan.files:
        if f.writes:
            write_atomic_text(root / f.source, f.text)


@click.command("import")
@click.argument("ledger", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--sheet", "sheets", multiple=True, metavar="NAME", help="Read only this sheet (repeatable); default: every sheet with a ledger header."
)
@click.option(
    "--mapping",
    type=click.Path(dir_okay=False, path_type=Path),
    help="YAML file: field -> column header, for headers pactwatch does not know.",
)
@click.option("--dry-run", is_flag=True, help="Show what would be written; write nothing.")
@click.option("--force", is_flag=True, help="Replace contract files that already exist.")
@click.option(
    "--add-people",
    is_flag=True,
    help="Add owners missing from people.yaml to it (ids from names: 李娜 -> li.na, Emily Clark -> emily.clark).",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-v", "--verbose", is_flag=True, help="Name the sheets skipped; with --dry-run, print each file's YAML.")
@root_option
@today_option
def import_ledger(
    ledger: Path,
    sheets: tuple[str, ...],
    mapping: Path | None,
    dry_run: bool,
    force: bool,
    add_people: bool,
    fmt: str,
    verbose: bool,
    root: Path | None,
    today_text: str | None,
) -> int:
    """Import a contract ledger (.xlsx or .csv) into contracts/; every file written passes validate."""
    from pactwatch.ledger import importer, layouts, readers
    from pactwatch.ledger.files import existing_contracts, schema_ref
    from pactwatch.ledger.mapping import load_mapping
    from pactwatch.ledger.plan import Context, plan_import
    from pactwatch.load.people import load_people

    begun = start(root, today_text)
    root, settings, today = begun.root, begun.settings, begun.today
    table = load_mapping(mapping, settings.language) if mapping else None
    layout = layouts.read_layout(readers.read_ledger(ledger, sheets, settings.language), table)
    people, people_findings, _ = load_people(root)
    if people_findings and (root / "people.yaml").exists():
        raise PactwatchError(text("ledger.import.people_errors", settings.language))
    outcome = importer.build(layout, people, default_currency=settings.currency, today=today, add_people=add_people)

    def current(source: str) -> str | None:
        path = root / source
        return path.read_bytes().decode("utf-8", errors="replace") if path.exists() else None  # BOM and CRLF kept: the editor keeps them

    context = Context(
        ledger.name,
        {p.id: p for p in people},
        existing_contracts(root),
        current,
        lambda s: schema_ref(root, s),
        settings.currency,
        today,
        force,
    )
    plan = plan_import(outcome, context)
    if not dry_run:
        _write(root, plan, ledger.name, settings.language)
    if fmt == "json":
        _report_json(plan, dry_run, settings.language)
    else:
        _report_text(plan, layout, ledger.name, _Shown(settings.language, dry_run, verbose, add_people))
    return 1 if plan.failed else 0
