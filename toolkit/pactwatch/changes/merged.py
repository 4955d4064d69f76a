"""Effects: the changes merged into the main line since a ref, commit by commit, with their pull request and approver.

One ``git log --first-parent`` names the commits that touched contracts/ (a merge is one change, diffed
against its first parent, as pactwatch.history reads the main line); each is then compared with its
parent through ``revisions.compare_commits``. The pull request comes from the subject (``Merge pull
request #42`` or ``Title (#42)``: site.history.pull_request_of); the approver from an ``Approved-by:``
or ``Reviewed-by:`` trailer of the commit message, when the merge wrote one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pactwatch.changes import semantic
from pactwatch.changes.revisions import compare_commits
from pactwatch.changes.semantic import Change
from pactwatch.git import run_git
from pactwatch.load.files import CONTRACTS_DIR
from pactwatch.site.history import pull_request_of

_RECORD, _FIELD = "\x1e", "\x1f"
_TRAILER = re.compile(r"^(?:Approved-by|Reviewed-by):[ \t]*(.+?)[ \t]*(?:<[^>]*>)?[ \t]*$", re.M | re.I)


@dataclass(frozen=True, slots=True)
class Merged:
    commit: str
    pull_request: int | None
    approver: str | None  # as the commit names them: a name, a login or a person id
    changes: tuple[Change, ...]


def _commits(root: Path, since: str) -> list[tuple[str, str, str, str]]:
    """(commit, first parent, subject, body) of each main-line commit after ``since`` touching contracts, oldest first."""
    out = run_git(
        root,
        "log",
        "--first-parent",
        "--reverse",
        f"--format={_RECORD}%H{_FIELD}%P{_FIELD}%s{_FIELD}%b",
        f"{since}..HEAD",
        "--",
        CONTRACTS_DIR,
    )
    found = []
    for record in out.decode("utf-8", "replace").split(_RECORD):
        parts = record.split(_FIELD)
        if len(parts) == 4 and parts[1].strip():
            found.append((parts[0].strip(), parts[1].split()[0], parts[2], parts[3]))
    return found


def since(root: Path, ref: str, currency: str) -> list[Merged]:
    """Every change merged after ``ref`` (a commit, e.g. the push's ``before``), commit by commit."""
    merged = []
    for commit, parent, subject, body in _commits(root, ref):
        compared = compare_commits(root, parent, commit, currency)
        changes = semantic.diff(compared.pairs)
        if changes:
            approver = _TRAILER.search(body)
            merged.append(Merged(commit, pull_request_of(subject), approver.group(1) if approver else None, changes))
    return merged
