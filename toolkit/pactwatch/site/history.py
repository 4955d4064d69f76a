"""The change history of each contract file, from ONE ``git log --name-only`` over the whole portfolio.

``read_history(root)`` is the effect (it runs git once, and returns nothing when
the portfolio is not in a git work tree or git is missing); ``parse`` is pure.

The log follows the first parent with merges diffed against it, so each entry
is one change as it landed on the main line: a squash merge ``Title (#123)``,
a merge commit ``Merge pull request #123 from ...`` (whose subject is replaced
by the first line of its body, GitHub's pull request title) or a direct commit.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pactwatch.git import GitError, run_git

_RECORD = "\x1e"
_FIELD = "\x1f"
LOG_FORMAT = f"{_RECORD}%H{_FIELD}%as{_FIELD}%an{_FIELD}%s{_FIELD}%b{_FIELD}"
_MERGE_PR = re.compile(r"^Merge pull request #(\d+)\b")
_SQUASH_PR = re.compile(r"\(#(\d+)\)\s*$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True, slots=True)
class Change:
    commit: str  # full hash
    day: date
    author: str
    subject: str
    pull_request: int | None


def pull_request_of(subject: str) -> int | None:
    """The pull request number in ``Merge pull request #12 from ...`` or ``Title (#12)``."""
    found = _MERGE_PR.match(subject) or _SQUASH_PR.search(subject)
    return int(found.group(1)) if found else None


def _change(header: str) -> Change | None:
    parts = header.split(_FIELD)
    if len(parts) < 5:
        return None
    commit, day_text, author, subject, body = parts[:5]
    try:
        day = date.fromisoformat(day_text.strip())
    except ValueError:
        return None
    number = pull_request_of(subject)
    if _MERGE_PR.match(subject):
        first = next((line.strip() for line in body.splitlines() if line.strip()), "")
        subject = first or subject
    clean = _CONTROL.sub(" ", subject).strip()
    return Change(commit.strip(), day, _CONTROL.sub(" ", author).strip(), clean, number)


def parse(output: str) -> dict[str, tuple[Change, ...]]:
    """``git log`` output in LOG_FORMAT with ``--name-only`` -> file -> changes, newest first."""
    found: dict[str, list[Change]] = defaultdict(list)
    for record in output.split(_RECORD):
        if not record.strip():
            continue
        header, _, names = record.rpartition(_FIELD)
        change = _change(header + _FIELD)
        if change is None:
            continue
        for line in names.splitlines():
            name = line.strip()
            if name and (not found[name] or found[name][-1].commit != change.commit):
                found[name].append(change)
    return {name: tuple(changes) for name, changes in sorted(found.items())}


def read_history(root: Path, folder: str = "contracts") -> Mapping[str, tuple[Change, ...]]:
    """Paths relative to ``root`` -> changes; empty outside a git work tree."""
    command = (
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--no-renames",
        "--name-only",
        "--relative",
        f"--format={LOG_FORMAT}",
        "--",
        folder,
    )
    try:
        output = run_git(root, *command)
    except GitError:
        return {}
    return parse(output.decode("utf-8", errors="replace"))
