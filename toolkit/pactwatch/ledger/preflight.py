"""Check a contract's YAML text with the real validator before it is written. Pure.

The same per-file pipeline ``pactwatch validate`` runs (strict load, schema,
dates, contract rules) plus the portfolio rules that concern one contract
(owners in people.yaml, completion dates after today). A finding points back
at the ledger cell the offending value came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from pactwatch.findings import Finding
from pactwatch.ledger.importer import Draft
from pactwatch.ledger.problems import Cell, Problem
from pactwatch.load.portfolio import process_contract
from pactwatch.load.yaml import Document, load_bytes
from pactwatch.model import Person
from pactwatch.rules import portfolio_rules
from pactwatch.rules.site import Site


def findings(source: str, text: str, people: Mapping[str, Person], default_currency: str, today: date) -> list[Finding]:
    raw = text.encode("utf-8")
    result = process_contract(source, raw, default_currency)
    found = list(result.findings)
    if result.contract is not None:

        def parse() -> Document:  # only when a finding needs a position
            loaded = load_bytes(source, raw)
            assert isinstance(loaded, Document)  # it loaded above
            return loaded

        found += portfolio_rules.check_contracts([result.contract], people, today, {source: Site(source, parse)})
    return found


def origin(draft: Draft, pointer: str) -> Cell | None:
    """The ledger cell behind a JSON pointer, or the nearest one above it."""
    probe = pointer
    while probe:
        if probe in draft.origins:
            return draft.origins[probe]
        probe = probe.rsplit("/", 1)[0]
    return draft.rows[0] if draft.rows else None


def check(draft: Draft, source: str, text: str, people: Mapping[str, Person], default_currency: str, today: date) -> list[Problem]:
    return [
        Problem(f.severity, f.message, origin(draft, f.pointer), draft.id, f.hint or None, f.code)
        for f in findings(source, text, people, default_currency, today)
    ]
