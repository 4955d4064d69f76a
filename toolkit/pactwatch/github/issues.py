"""GitHub issue JSON -> ExistingIssue records, and the hidden marker that ties an issue to an occurrence.

The marker is an HTML comment GitHub does not show: ``<!-- pactwatch:C-2026-001/M3 -->`` (or
``.../M3@2026-05-31`` for one occurrence of a recurring milestone). Issues without it (written by
people, even when labelled ``pactwatch``), issues with it written by anyone but the token's own
identity (anyone can type a marker; see github/identity.py) and pull requests are never ours to change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pactwatch.github.identity import written_by

MARKER_RE = re.compile(r"<!-- pactwatch:([A-Za-z0-9][A-Za-z0-9._/@-]*) -->")
LISTING_LABEL = "pactwatch"


def marker(ref: str) -> str:
    return f"<!-- pactwatch:{ref} -->"


def ref_in(body: str | None) -> str | None:
    """The occurrence ref of the first marker in a body, if any."""
    if not body:
        return None
    found = MARKER_RE.search(body)
    return found.group(1) if found else None


@dataclass(frozen=True, slots=True)
class ExistingIssue:
    number: int
    state: Literal["open", "closed"]
    title: str
    body: str
    labels: tuple[str, ...]  # as GitHub has them, sorted
    assignees: tuple[str, ...]  # logins, sorted
    ref: str | None  # from the marker; None for issues people wrote
    state_reason: str | None = None


def from_json(item: Mapping[str, Any]) -> ExistingIssue | None:
    """One item of GET /repos/{owner}/{repo}/issues; None for a pull request (the list holds both)."""
    if item.get("pull_request") is not None:
        return None
    body = item.get("body") or ""
    labels = tuple(sorted(str(lb["name"]) if isinstance(lb, Mapping) else str(lb) for lb in item.get("labels") or ()))
    assignees = tuple(sorted(str(a["login"]) for a in item.get("assignees") or () if isinstance(a, Mapping) and "login" in a))
    state: Literal["open", "closed"] = "closed" if item.get("state") == "closed" else "open"
    return ExistingIssue(
        number=int(item["number"]),
        state=state,
        title=str(item.get("title") or ""),
        body=body,
        labels=labels,
        assignees=assignees,
        ref=ref_in(body),
        state_reason=item.get("state_reason"),
    )


def ours(items: Iterable[Mapping[str, Any]], login: str) -> list[ExistingIssue]:
    """The issues (not pull requests) written by ``login`` that carry a pactwatch marker, sorted by number."""
    found = (from_json(item) for item in items if written_by(item, login))
    return sorted((i for i in found if i is not None and i.ref is not None), key=lambda i: i.number)
