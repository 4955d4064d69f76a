"""JSON shapes shared by the commands (status, check, report): one way to write an occurrence."""

from __future__ import annotations

import json
from typing import Any

from pactwatch.engine.records import Occurrence

_ENCODER = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps(..., ensure_ascii=False) builds one per call


def occurrence_json(o: Occurrence) -> dict[str, Any]:
    """An occurrence as JSON: amounts as exact decimal strings, dates as ISO strings."""
    contract, m, amount = o.contract, o.milestone, o.milestone.amount
    return {
        "contract": contract.id,
        "contract_title": contract.title,
        "milestone": o.key,
        "title": m.title,
        "kind": m.kind,
        "owner": m.owner,
        "counterparty": contract.counterparty.name,
        "due": o.due.isoformat(),
        "state": o.state,
        "days_late": o.days_late,
        "days_until": o.days_until,
        "amount": None if amount is None else str(amount),
        "currency": None if amount is None else m.currency,
        "blocked": o.blocked,
        "acknowledged": o.acknowledged,
        "completed_on": None if o.completed_on is None else o.completed_on.isoformat(),
        "file": contract.source,
    }


def json_document(head: dict[str, Any], list_key: str, rows: list[dict[str, Any]]) -> str:
    """A JSON object with one list item per line: readable, diffable, and written by the C encoder
    (``indent=`` switches json to its pure-Python encoder, 10x slower on 100,000 rows)."""
    opening = _ENCODER.encode(head)[:-1]
    body = ",\n".join(map(_ENCODER.encode, rows))
    return f'{opening}, "{list_key}": [\n{body}\n]}}' if rows else f'{opening}, "{list_key}": []}}'
