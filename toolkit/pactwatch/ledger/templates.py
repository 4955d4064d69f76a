"""New contracts from templates: templates/contracts/<name>.yaml.j2, the portfolio's own first.

A template is Jinja2 producing contract YAML. It gets the contract's id,
title, counterparty, owner, value and currency, the start date, and helpers:

    {{ title | yaml }}          a YAML-safe scalar (quoted when needed)
    {{ at(months=2, days=-1) }} a date counted from the start
    {{ share(30) | amount }}    30 % of the value, rounded down to the cent
                                (so shares never add up to more than the value)
    {{ t("预付款", "Deposit") }}  the text in the portfolio's language (zh / en)
    {% if value is not none %}  amounts only when --value was given
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from typing import Any

import jinja2

from pactwatch.catalogue import Text, text
from pactwatch.dates import add_months
from pactwatch.errors import PactwatchError
from pactwatch.ledger.yaml_writer import amount, scalar
from pactwatch.resources import OWN_FILE_LIMIT, data_dir
from pactwatch.safefs import NotRegularFile, read_regular, refused

SUFFIX = ".yaml.j2"
FOLDER = "contracts"


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    path: Path
    own: bool  # the portfolio's own (overrides a shipped one of the same name)

    @property
    def summary(self) -> str:
        """The template's description: its first line when that is a Jinja comment ``{# ... #}``."""
        first = _source(self).split("\n", 1)[0].strip()
        return first[2:-2].strip(" -") if first.startswith("{#") and first.endswith("#}") else ""


@dataclass(frozen=True, slots=True)
class Inputs:
    id: str
    title: str
    counterparty: str
    owner: str
    start: date
    value: Decimal | None
    currency: str
    language: str
    schema: str  # the modeline's schema reference


def folders(root: Path | None) -> list[tuple[Path, bool]]:
    """Where templates are looked up, the portfolio's own first (in this repository they are the shipped ones); None: no portfolio."""
    shipped = data_dir("templates") / FOLDER
    own = root / "templates" / FOLDER if root is not None else shipped
    if own.is_dir() and own.resolve() != shipped.resolve():
        return [(own, True), (shipped, False)]
    return [(shipped, False)]


def available(root: Path | None) -> dict[str, Template]:
    found: dict[str, Template] = {}
    for folder, own in folders(root):
        for path in sorted(folder.glob(f"*{SUFFIX}")):
            name = path.name.removesuffix(SUFFIX)
            found.setdefault(name, Template(name, path, own))
    return dict(sorted(found.items()))


def _share(value: Decimal | None) -> Any:
    def share(percent: float | int | str) -> Decimal | None:
        if value is None:
            return None
        return (value * Decimal(str(percent)) / 100).quantize(Decimal("0.01"), rounding=ROUND_DOWN)

    return share


def _source(template: Template) -> str:
    """The template's text; a portfolio's own (arriving by pull request) only from a regular file, never through a link."""
    if not template.own:
        return template.path.read_text(encoding="utf-8")
    try:
        raw, _ = read_regular(template.path.parent, template.path.name, OWN_FILE_LIMIT)
    except NotRegularFile as exc:
        raise PactwatchError(refused(exc)) from None
    return raw.decode("utf-8")


def render(template: Template, inputs: Inputs) -> str:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)  # YAML, not HTML
    env.filters["yaml"] = scalar
    env.filters["amount"] = amount
    start = inputs.start

    def at(months: int = 0, days: int = 0) -> date:
        return add_months(start, months) + timedelta(days=days)

    def t(chinese: str, english: str) -> str:
        # Both texts inline, not a catalogue id: a portfolio's own templates use t() too, and cannot add ids.
        return Text(chinese, english).pick(inputs.language)

    try:
        compiled = env.from_string(_source(template))
        return compiled.render(
            id=inputs.id,
            title=inputs.title,
            counterparty=inputs.counterparty,
            owner=inputs.owner,
            start=start,
            value=inputs.value,
            currency=inputs.currency,
            language=inputs.language,
            schema=inputs.schema,
            at=at,
            t=t,
            share=_share(inputs.value),
        )
    except jinja2.TemplateSyntaxError as exc:
        said = text("ledger.template.error_at", inputs.language, file=template.path, line=exc.lineno, reason=exc.message or "")
        raise PactwatchError(said) from None
    except jinja2.TemplateError as exc:
        raise PactwatchError(text("ledger.template.error", inputs.language, file=template.path, reason=str(exc))) from None
