"""New YAML text for the editor: in the house style of pactwatch.ledger.yaml_writer, from loader-typed values.

The loader keeps dates as ISO text; the writer writes date objects plain (``due: 2026-12-03``) and would
quote the same text, so ISO-date text becomes a date here before the writer sees it. Either way the
text reads back through pactwatch.load.yaml to exactly the value given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from pactwatch.escape.yaml import quote
from pactwatch.ledger.yaml_writer import CONTRACT_KEYS, FLOW_ORDER, MILESTONE_KEYS, field_lines, scalar

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_ITEM_ORDER = {"amendments": ("id", "date", "summary"), "documents": ("title", "url")}
Path = tuple[str, ...]  # keys from the root; "*" stands for a list index


def typed(value: Any) -> Any:
    """Loader-typed -> writer-typed: ISO-date text as a date, recursively (keys too: ``completed``)."""
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {typed(k): typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    return value


def key_order(path: Path) -> Sequence[str] | None:
    """The order keys are written in at ``path``; None where they are sorted (``completed``, ``terms``)."""
    if not path:
        return CONTRACT_KEYS
    if path == ("milestones", "*"):
        return MILESTONE_KEYS
    if len(path) == 2 and path[1] == "*" and path[0] in _ITEM_ORDER:
        return _ITEM_ORDER[path[0]]
    return FLOW_ORDER.get(path[-1])


def ordered(keys: Sequence[str], path: Path) -> list[str]:
    order = key_order(path)
    if order is None:
        return sorted(keys)
    return [k for k in order if k in keys] + sorted(k for k in keys if k not in order)


def scalar_in_style(value: Any, style: str, key: str) -> str:
    """A scalar that replaces one written in ``style``: quoted text stays quoted the same way."""
    if isinstance(value, str) and style == "'" and "\n" not in value and value.isprintable():
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, str) and style in ('"', "'", "|", ">"):
        return quote(value)
    return inline(value, key)


def inline(value: Any, key: str = "", path: Path = ()) -> str:
    """``value`` as flow-context YAML (one line)."""
    if isinstance(value, dict):
        parts = (f"{scalar(typed(k))}: {inline(value[k], k, (*path, k))}" for k in ordered(list(value), path))
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(inline(v, "", (*path, "*")) for v in value) + "]"
    if value is None:
        return "null"
    return scalar(typed(value), key=key)


def entry_lines(key: str, value: Any, indent: str, path: Path) -> list[str]:
    """``key: value`` at ``indent`` (block lines where the writer uses them)."""
    if isinstance(value, dict | list) and not value:
        return [f"{indent}{scalar(key)}: {'{}' if isinstance(value, dict) else '[]'}"]
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return [f"{indent}{scalar(key)}:", *(line for item in value for line in item_lines(item, indent + "  ", (*path, "*")))]
    if isinstance(value, dict) and key not in FLOW_ORDER and key not in ("terms", "completed"):
        inner = indent + "  "
        return [f"{indent}{scalar(key)}:", *(ln for k in ordered(list(value), path) for ln in entry_lines(k, value[k], inner, (*path, k)))]
    if value is None:
        return [f"{indent}{scalar(key)}: null"]
    return field_lines(key, typed(value), indent)


def item_lines(value: Any, indent: str, path: Path) -> list[str]:
    """One block sequence item, its dash at ``indent``."""
    if not isinstance(value, dict) or not value:
        return [f"{indent}- {inline(value, '', path)}"]
    lines: list[str] = []
    for n, key in enumerate(ordered(list(value), path)):
        written = entry_lines(key, value[key], indent + "  ", (*path, key))
        if n == 0:
            written[0] = f"{indent}- {written[0].lstrip()}"
        lines += written
    return lines
