"""A contract mapping -> YAML text in the style of the example contracts.

Keys in the schema's order, small mappings in flow style ({name: ...}), a blank
line between milestones, the schema modeline on top. Every string that YAML
(1.1 or 1.2) could read as anything but that string is double-quoted, so the
text reads back through pactwatch.load.yaml to exactly the mapping written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from pactwatch.escape.yaml import quote, scalar_text

CONTRACT_KEYS = (
    "id",
    "title",
    "type",
    "side",
    "status",
    "owner",
    "counterparty",
    "value",
    "signed_on",
    "term",
    "terms",
    "milestones",
    "amendments",
    "documents",
    "tags",
    "confidential",
)
MILESTONE_KEYS = (
    "id",
    "title",
    "kind",
    "due",
    "due_after",
    "business_day",
    "owner",
    "by",
    "amount",
    "currency",
    "depends_on",
    "status",
    "completed_on",
    "evidence",
    "remind_days",
    "ack",
    "repeat",
    "completed",
)
_FLOW_ORDER = {
    "counterparty": ("id", "name"),
    "value": ("amount", "currency"),
    "term": ("start", "end", "auto_renew", "renewal_months", "notice_days"),
    "ack": ("until", "note"),
    "repeat": ("every", "until", "count"),
    "due_after": ("milestone", "days", "working_days"),
    "late_fee": ("rate_per_day", "cap", "grace_days"),
    "late_interest": ("rate_per_year", "cap", "grace_days"),
}


def amount(value: Decimal) -> str:
    """Exact decimal text, two places for whole cents: 1200000 -> 1200000.00, 0.125 stays 0.125."""
    cents = value.quantize(Decimal("0.01"))
    return f"{cents:f}" if cents == value else f"{value:f}"


def scalar(value: Any, *, key: str = "") -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return amount(value) if key == "amount" else f"{value:f}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if key == "url":
        return quote(text)
    return scalar_text(text)


def _flow_map(value: Mapping[str, Any], order: Sequence[str]) -> str:
    keys = [k for k in order if k in value] + sorted(k for k in value if k not in order)
    return "{" + ", ".join(f"{scalar(k)}: {scalar(value[k], key=k)}" for k in keys) + "}"


def _flow_list(values: Sequence[Any]) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def _field(key: str, value: Any, indent: str) -> list[str]:
    if key in _FLOW_ORDER:
        return [f"{indent}{key}: {_flow_map(value, _FLOW_ORDER[key])}"]
    if key in ("terms", "completed"):
        lines = [f"{indent}{key}:"]
        items = sorted(value.items()) if key == "completed" else value.items()
        lines += [
            f"{indent}  {scalar(k)}: {_flow_map(v, _FLOW_ORDER.get(k, ())) if isinstance(v, Mapping) else scalar(v)}" for k, v in items
        ]
        return lines
    if isinstance(value, list):
        if value and isinstance(value[0], Mapping):
            return [f"{indent}{key}:", *_block_list(value, indent + "  ", ("id", "title", "date", "summary", "url"))]
        return [f"{indent}{key}: {_flow_list(value)}"]
    return [f"{indent}{key}: {scalar(value, key=key)}"]


def field_lines(key: str, value: Any, indent: str = "") -> list[str]:
    """One key and its value at ``indent``, in this style (the surgical editor writes new keys with it: pactwatch.edit)."""
    return _field(key, value, indent)


FLOW_ORDER: Mapping[str, Sequence[str]] = _FLOW_ORDER  # the small mappings written in flow style, and their keys' order


def _block_list(items: Sequence[Mapping[str, Any]], indent: str, order: Sequence[str]) -> list[str]:
    lines = []
    for item in items:
        keys = [k for k in order if k in item] + [k for k in item if k not in order]
        for n, key in enumerate(keys):
            prefix = f"{indent}- " if n == 0 else f"{indent}  "
            lines += [prefix + line.lstrip() if i == 0 else line for i, line in enumerate(_field(key, item[key], indent + "  "))]
    return lines


def _milestones(milestones: Sequence[Mapping[str, Any]]) -> list[str]:
    if not milestones:
        return ["milestones: []"]
    lines = ["milestones:"]
    for n, milestone in enumerate(milestones):
        if n:
            lines.append("")
        keys = [k for k in MILESTONE_KEYS if k in milestone] + sorted(k for k in milestone if k not in MILESTONE_KEYS)
        for i, key in enumerate(keys):
            field_lines = _field(key, milestone[key], "    ")
            if i == 0:
                field_lines[0] = "  - " + field_lines[0].lstrip()
            lines += field_lines
    return lines


def render(contract: Mapping[str, Any], schema_ref: str, comments: Sequence[str] = ()) -> str:
    """The YAML text of one contract (a mapping of plain values: str, int, bool, Decimal, date, lists, dicts)."""
    lines = [f"# yaml-language-server: $schema={schema_ref}"]
    lines += ["# " + " ".join(c.split()) for c in comments]
    keys = [k for k in CONTRACT_KEYS if k in contract] + sorted(k for k in contract if k not in CONTRACT_KEYS)
    for key in keys:
        if key == "milestones":
            lines += _milestones(contract[key])
        else:
            lines += _field(key, contract[key], "")
    return "\n".join(lines) + "\n"
