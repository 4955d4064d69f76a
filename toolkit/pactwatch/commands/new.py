"""pactwatch new TYPE --id ID: start a contract from templates/contracts/TYPE.yaml.j2."""

from __future__ import annotations

import os
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import click

from pactwatch.catalogue import msg, text, word
from pactwatch.commands import runtime
from pactwatch.commands.common import early_language, root_option, today_option, value_problem
from pactwatch.errors import PactwatchError, UsageError
from pactwatch.model import Person, Settings
from pactwatch.terminal import pad

_TITLED = frozenset(("sales", "purchase", "service", "lease", "nda", "framework"))  # the shipped templates: cli.new.title.*


def _list(root_option: Path | None) -> int:
    """The shipped templates, and a portfolio's own when run inside one: no portfolio is needed to see what there is."""
    from pactwatch.ledger.templates import available

    try:
        root: Path | None = runtime.find_root(root_option, Path.cwd())
    except UsageError:
        if root_option is not None:
            raise  # a --root that is not a portfolio is a mistake worth saying
        root = None
    language = early_language()
    for template in available(root).values():
        where = word("cli.new.own" if template.own else "cli.new.shipped", language)
        click.echo(f"{template.name:<12} {pad(where, 9)} {template.summary}")
    return 0


def _people(root: Path, language: str) -> list[Person]:
    """people.yaml's people; a missing, unreadable or invalid file says so (every contract needs an owner from it)."""
    from pactwatch.load.files import PEOPLE_FILE
    from pactwatch.load.people import load_people

    people, problems, _ = load_people(root)
    if not os.path.lexists(root / PEOPLE_FILE):
        raise PactwatchError(text("cli.new.no_people_file", language, root=root.resolve()))
    if problems:
        first = problems[0]
        where = f"{first.file}:{first.line}:{first.column}"
        raise PactwatchError(text("cli.new.people_error", language, where=where, code=first.code, message=first.message_text(language)))
    if not people:
        raise UsageError(word("cli.new.nobody", language))
    return people


def _owner(given: str | None, people: list[Person], language: str) -> str:
    from pactwatch.ledger.people import Directory

    if given is None:
        return people[0].id
    match = Directory(people).find(given)
    if match.person_id is None:
        known = ", ".join(p.id for p in people[:8]) + (" ..." if len(people) > 8 else "")
        raise UsageError(text("cli.new.unknown_owner", language, text=given, known=known))
    return match.person_id


def _value(given: str | None, settings: Settings, currency: str | None) -> tuple[Decimal | None, str]:
    from pactwatch.ledger.fields import currency as currency_code
    from pactwatch.ledger.values import ValueProblem, parse_amount

    try:
        code = currency_code(currency) if currency else None
    except ValueProblem as exc:
        raise UsageError(msg("error.option.value", option="--currency", problem=value_problem(exc, settings.language))) from None
    if given is None:
        return None, code or settings.currency
    try:
        parsed = parse_amount(given)
    except ValueProblem as exc:
        raise UsageError(msg("error.option.value", option="--value", problem=value_problem(exc, settings.language))) from None
    if code and parsed.currency and parsed.currency != code:
        raise UsageError(text("cli.new.currency_mismatch", settings.language, value=parsed.currency, code=code))
    return parsed.amount, code or parsed.currency or settings.currency


def _check(source: str, written: str, people: list[Person], settings: Settings, today: date) -> list[str]:
    """The warnings for the new contract (a portfolio's own template may still give some); errors write nothing."""
    from pactwatch.ledger.preflight import findings

    language = settings.language
    found = findings(source, written, {p.id: p for p in people}, settings.currency, today)
    lines = {
        severity: [f"{source}:{f.line}:{f.column}: {f.code} {f.message_text(language)}" for f in found if f.severity == severity]
        for severity in ("error", "warning")
    }
    if lines["error"]:
        raise PactwatchError(word("cli.new.invalid", language) + "\n  " + "\n  ".join(lines["error"]))
    return lines["warning"]


def _folder(written: str, fallback: str) -> str:
    """The rendered contract's type (the examples' folder layout), else the template's name."""
    from pactwatch.load.yaml import Document, load_bytes

    loaded = load_bytes("new.yaml", written.encode("utf-8"))
    kind = loaded.data.get("type") if isinstance(loaded, Document) and isinstance(loaded.data, dict) else None
    return kind if isinstance(kind, str) and re.fullmatch(r"[a-z]+", kind) else fallback


def _checked_arguments(template_name: str | None, templates: list[str], contract_id: str | None, language: str) -> tuple[str, str]:
    """The template and id the user asked for, or a UsageError saying what to give."""
    if template_name is None or template_name not in templates:
        listed = ", ".join(templates)
        if template_name is None:
            raise UsageError(text("cli.new.choose", language, templates=listed))
        raise UsageError(text("cli.new.no_template", language, name=template_name, templates=listed))
    if contract_id is None or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", contract_id):
        raise UsageError(word("cli.new.id_required", language))
    return template_name, contract_id


@click.command("new")
@click.argument("template_name", metavar="TYPE", required=False)
@click.option("--id", "contract_id", metavar="ID", help="The contract id (also the file name), e.g. C-2026-020.")
@click.option("--title", help="Default: the type and the id.")
@click.option("--counterparty", metavar="NAME", help="The other party's name.")
@click.option("--owner", metavar="PERSON", help="A person id (or name) from people.yaml; default the first person listed.")
@click.option("--value", metavar="AMOUNT", help="Contract value: 1200000, 1,200,000.00, ¥1,200,000 or 120万; payments get their shares.")
@click.option("--currency", metavar="CODE", help="ISO 4217 code; default the value's own or the portfolio's currency.")
@click.option("--start", "start_text", metavar="YYYY-MM-DD", help="Term start; the milestones' dates are counted from it. Default: today.")
@click.option("--list", "list_only", is_flag=True, help="List the templates and exit.")
@click.option("--dry-run", is_flag=True, help="Print the contract instead of writing it.")
@root_option
@today_option
def new(
    template_name: str | None,
    contract_id: str | None,
    title: str | None,
    counterparty: str | None,
    owner: str | None,
    value: str | None,
    currency: str | None,
    start_text: str | None,
    list_only: bool,
    dry_run: bool,
    root: Path | None,
    today_text: str | None,
) -> int:
    """Write contracts/<type>/<id>.yaml from a template; it validates at once and never overwrites."""
    from pactwatch.fileio import write_atomic_text
    from pactwatch.ledger.files import existing_contracts, schema_ref
    from pactwatch.ledger.templates import Inputs, available, render

    if list_only:
        return _list(root)
    begun = runtime.start(root, today_text)
    root, settings, today = begun.root, begun.settings, begun.today
    templates = available(root)
    language = settings.language
    template_name, contract_id = _checked_arguments(template_name, list(templates), contract_id, language)
    try:
        start = date.fromisoformat(start_text) if start_text else today
    except ValueError:
        raise UsageError(text("cli.new.not_a_date", language, text=start_text)) from None
    existing = existing_contracts(root)
    if contract_id in existing:
        raise PactwatchError(text("cli.new.exists", language, id=contract_id, path=existing[contract_id]))
    people = _people(root, language)
    amount, code = _value(value, settings, currency)
    kind = word(f"cli.new.title.{template_name}", language) if template_name in _TITLED else template_name
    default_title = f"{kind} {contract_id}"
    counterparty = counterparty or word("cli.new.counterparty", language)
    # every contract sits two folders down (contracts/<type>/), so the modeline does not depend on the type
    schema = schema_ref(root, f"contracts/{template_name}/{contract_id}.yaml")
    inputs = Inputs(
        contract_id, title or default_title, counterparty, _owner(owner, people, language), start, amount, code, language, schema
    )
    written = render(templates[template_name], inputs)
    source = f"contracts/{_folder(written, template_name)}/{contract_id}.yaml"
    for line in _check(source, written, people, settings, today):
        click.echo(text("cli.new.warning", language, line=line), err=True)
    if dry_run:
        click.echo(written, nl=False)
        return 0
    try:
        write_atomic_text(root / source, written, exclusive=True)
    except FileExistsError:
        raise PactwatchError(text("cli.new.file_exists", language, path=source)) from None
    click.echo(text("cli.new.wrote", language, path=source, template=template_name))
    return 0
