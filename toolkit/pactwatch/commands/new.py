"""pactwatch new TYPE --id ID: start a contract from templates/contracts/TYPE.yaml.j2."""

from __future__ import annotations

import os
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import click

from pactwatch.commands import runtime
from pactwatch.commands.common import root_option, today_option
from pactwatch.errors import PactwatchError, UsageError
from pactwatch.model import Person, Settings

_TITLES = {
    "sales": ("销售合同", "Sales contract"),
    "purchase": ("采购合同", "Purchase contract"),
    "service": ("服务协议", "Service agreement"),
    "lease": ("租赁合同", "Lease"),
    "nda": ("保密协议", "Non-disclosure agreement"),
    "framework": ("框架协议", "Framework agreement"),
}


def _list(root_option: Path | None) -> int:
    """The shipped templates, and a portfolio's own when run inside one: no portfolio is needed to see what there is."""
    from pactwatch.ledger.templates import available

    try:
        root: Path | None = runtime.find_root(root_option, Path.cwd())
    except UsageError:
        if root_option is not None:
            raise  # a --root that is not a portfolio is a mistake worth saying
        root = None
    for template in available(root).values():
        where = "portfolio" if template.own else "shipped"
        click.echo(f"{template.name:<12} {where:<9} {template.summary}")
    return 0


def _people(root: Path) -> list[Person]:
    """people.yaml's people; a missing, unreadable or invalid file says so (every contract needs an owner from it)."""
    from pactwatch.load.files import PEOPLE_FILE
    from pactwatch.load.people import load_people

    people, problems, _ = load_people(root)
    if not os.path.lexists(root / PEOPLE_FILE):
        raise PactwatchError(
            f"{PEOPLE_FILE} is missing in {root.resolve()}: every contract needs an owner listed there; create it "
            "(people: [{id: li.na, name: 李娜}], see the README's people.yaml) or start a new portfolio with `pactwatch init`"
        )
    if problems:
        first = problems[0]
        raise PactwatchError(f"{first.file}:{first.line}:{first.column}: {first.code} {first.message}; run `pactwatch validate`")
    if not people:
        raise UsageError(f"{PEOPLE_FILE} lists nobody; add the contract's owner there first")
    return people


def _owner(text: str | None, people: list[Person]) -> str:
    from pactwatch.ledger.people import Directory

    if text is None:
        return people[0].id
    match = Directory(people).find(text)
    if match.person_id is None:
        known = ", ".join(p.id for p in people[:8]) + (" ..." if len(people) > 8 else "")
        raise UsageError(f"--owner {text!r} is not a person in people.yaml ({known})")
    return match.person_id


def _value(text: str | None, settings: Settings, currency: str | None) -> tuple[Decimal | None, str]:
    from pactwatch.ledger.fields import currency as currency_code
    from pactwatch.ledger.values import ValueProblem, parse_amount

    try:
        code = currency_code(currency) if currency else None
    except ValueProblem as exc:
        raise UsageError(f"--currency: {exc.message}; {exc.hint}") from None
    if text is None:
        return None, code or settings.currency
    try:
        parsed = parse_amount(text)
    except ValueProblem as exc:
        raise UsageError(f"--value: {exc.message}; {exc.hint}") from None
    if code and parsed.currency and parsed.currency != code:
        raise UsageError(f"--value is in {parsed.currency} but --currency says {code}")
    return parsed.amount, code or parsed.currency or settings.currency


def _check(source: str, text: str, people: list[Person], settings: Settings, today: date) -> list[str]:
    """The warnings for the new contract (a portfolio's own template may still give some); errors write nothing."""
    from pactwatch.ledger.preflight import findings

    found = findings(source, text, {p.id: p for p in people}, settings.currency, today)
    lines = {
        severity: [f"{source}:{f.line}:{f.column}: {f.code} {f.message}" for f in found if f.severity == severity]
        for severity in ("error", "warning")
    }
    if lines["error"]:
        raise PactwatchError("the template does not give a valid contract (nothing written):\n  " + "\n  ".join(lines["error"]))
    return lines["warning"]


def _folder(text: str, fallback: str) -> str:
    """The rendered contract's type (the examples' folder layout), else the template's name."""
    from pactwatch.load.yaml import Document, load_bytes

    loaded = load_bytes("new.yaml", text.encode("utf-8"))
    kind = loaded.data.get("type") if isinstance(loaded, Document) and isinstance(loaded.data, dict) else None
    return kind if isinstance(kind, str) and re.fullmatch(r"[a-z]+", kind) else fallback


def _checked_arguments(template_name: str | None, templates: list[str], contract_id: str | None) -> tuple[str, str]:
    """The template and id the user asked for, or a UsageError saying what to give."""
    if template_name is None or template_name not in templates:
        raise UsageError(
            f"choose a template: {', '.join(templates)} (pactwatch new --list)"
            if template_name is None
            else f"no template {template_name!r}; templates: {', '.join(templates)}"
        )
    if contract_id is None or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", contract_id):
        raise UsageError("--id is required: letters, digits, '.', '_' and '-' (it is also the file name)")
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
    template_name, contract_id = _checked_arguments(template_name, list(templates), contract_id)
    try:
        start = date.fromisoformat(start_text) if start_text else today
    except ValueError:
        raise UsageError(f"--start {start_text!r} is not a date (YYYY-MM-DD)") from None
    existing = existing_contracts(root)
    if contract_id in existing:
        raise PactwatchError(f"{contract_id} exists already ({existing[contract_id]}); pactwatch new never overwrites")
    people = _people(root)
    amount, code = _value(value, settings, currency)
    names = _TITLES.get(template_name, (template_name, template_name))
    default_title = f"{names[0] if settings.language == 'zh' else names[1]} {contract_id}"
    counterparty = counterparty or ("（待填写）" if settings.language == "zh" else "(to be filled in)")
    # every contract sits two folders down (contracts/<type>/), so the modeline does not depend on the type
    schema = schema_ref(root, f"contracts/{template_name}/{contract_id}.yaml")
    inputs = Inputs(
        contract_id, title or default_title, counterparty, _owner(owner, people), start, amount, code, settings.language, schema
    )
    text = render(templates[template_name], inputs)
    source = f"contracts/{_folder(text, template_name)}/{contract_id}.yaml"
    for line in _check(source, text, people, settings, today):
        click.echo(f"warning: {line}", err=True)
    if dry_run:
        click.echo(text, nl=False)
        return 0
    try:
        write_atomic_text(root / source, text, exclusive=True)
    except FileExistsError:
        raise PactwatchError(f"{source} exists already; pactwatch new never overwrites") from None
    click.echo(f"wrote {source} from template {template_name}")
    return 0
