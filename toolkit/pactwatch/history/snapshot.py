"""What one version of a contract file says about its plan: its status and each milestone's (id, title, kind, plan).

Versions come from history and may be anything (broken YAML, a schema error fixed a commit later):
the strict loader reads them, and only values of the expected shape are taken. A version that is not
a contract at all is None, and the replay skips it.
"""

from __future__ import annotations

from typing import Any

from pactwatch.history.records import Planned, Snapshot
from pactwatch.load.yaml import load_bytes


def _plan(raw: dict[str, Any]) -> str | None:
    due = raw.get("due")
    if isinstance(due, str):
        return due
    after = raw.get("due_after")
    if isinstance(after, dict) and isinstance(after.get("milestone"), str):
        for key, unit in (("days", "d"), ("working_days", "wd")):
            if isinstance(after.get(key), int):
                return f"{after['milestone']}+{after[key]}{unit}"
    return None


def read_snapshot(raw: bytes) -> Snapshot | None:
    loaded = load_bytes("history.yaml", raw)
    data = getattr(loaded, "data", None)
    if not isinstance(data, dict) or not isinstance(data.get("milestones"), list):
        return None
    status = data.get("status")
    planned: list[Planned] = []
    for item in data["milestones"]:
        if not isinstance(item, dict):
            continue
        plan, ident = _plan(item), item.get("id")
        if plan is None or not isinstance(ident, str | int) or isinstance(ident, bool):
            continue
        title, kind = item.get("title"), item.get("kind")
        planned.append((str(ident), title if isinstance(title, str) else "", kind if isinstance(kind, str) else "", plan))
    return (status if isinstance(status, str) else "", tuple(planned))
