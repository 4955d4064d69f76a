"""JSON shapes shared by the commands (status, check, report): one way to write an occurrence."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from json.encoder import encode_basestring as json_string  # the C function the encoder itself uses (ensure_ascii=False)
from typing import Any

from pactwatch.engine.records import Occurrence

_ENCODER = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps(..., ensure_ascii=False) builds one per call
_BOOL = {True: "true", False: "false"}


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


def _milestone_parts(o: Occurrence) -> tuple[str, str, str, str]:
    """The encoded text of an occurrence that depends only on its milestone and contract, in four pieces."""
    contract, m, amount = o.contract, o.milestone, o.milestone.amount
    head = f'{{"contract": {json_string(contract.id)}, "contract_title": {json_string(contract.title)}, "milestone": '
    middle = (
        f', "title": {json_string(m.title)}, "kind": {json_string(m.kind)}, "owner": {json_string(m.owner)}, '
        f'"counterparty": {json_string(contract.counterparty.name)}, "due": "'
    )
    if amount is None:
        tail = ', "amount": null, "currency": null, "blocked": '
    else:
        tail = f', "amount": {json_string(str(amount))}, "currency": {json_string(m.currency)}, "blocked": '
    return head, middle, tail, f', "file": {json_string(contract.source)}'


def occurrence_lines(items: Iterable[Occurrence], extra: Callable[[Occurrence], dict[str, Any]] | None = None) -> list[str]:
    """Each occurrence as one line of JSON, exactly ``occurrence_json(o) | extra(o)`` as the encoder writes it.

    Built from pieces encoded once per milestone: on 100,000 occurrences this is
    several times faster than building and encoding a dict per row.
    """
    parts: dict[int, tuple[str, str, str, str]] = {}  # by id(): milestones are not hashable (they hold a dict)
    days: dict[date, str] = {}  # due dates repeat across occurrences: each is formatted once
    lines = []
    for o in items:
        pieces = parts.get(id(o.milestone))
        if pieces is None:
            pieces = parts[id(o.milestone)] = _milestone_parts(o)
        head, middle, tail, end = pieces
        due = days.get(o.due)
        if due is None:
            due = days[o.due] = o.due.isoformat()
        done = "null" if o.completed_on is None else f'"{o.completed_on.isoformat()}"'
        until = "null" if o.days_until is None else o.days_until
        more = _ENCODER.encode(extra(o))[1:-1] if extra is not None else ""
        lines.append(
            f'{head}{json_string(o.key)}{middle}{due}", "state": "{o.state}", "days_late": {o.days_late}, '
            f'"days_until": {until}{tail}{_BOOL[o.blocked]}, "acknowledged": {_BOOL[o.acknowledged]}, '
            f'"completed_on": {done}{end}{", " + more if more else ""}}}'
        )
    return lines


def json_document(head: dict[str, Any], list_key: str, lines: list[str]) -> str:
    """A JSON object with one list item (already encoded, see occurrence_lines) per line: readable and diffable."""
    opening = _ENCODER.encode(head)[:-1]
    body = ",\n".join(lines)
    return f'{opening}, "{list_key}": [\n{body}\n]}}' if lines else f'{opening}, "{list_key}": []}}'
