"""Effects: the changes merged into the main line since a ref, commit by commit, with their pull request and approver.

One ``git log --first-parent`` names the commits that touched contracts/ (a merge is one change, diffed
against its first parent, as pactwatch.history reads the main line); each is then compared with its
parent through ``revisions.compare_commits``. The pull request comes from the subject (``Merge pull
request #42`` or ``Title (#42)``: site.history.pull_request_of); the approver from an ``Approved-by:``
or ``Reviewed-by:`` trailer of the commit message, when the merge wrote one.

Where the changes start (``start``): after a REF (a push's ``before``), or after the last main-line commit
older than a window of days (a scheduled run's safety net). A REF there is nothing after, a new branch's
all-zeros ``before`` or a commit this clone does not hold, is ``NothingToAnnounce``: one line, not a failure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from pactwatch.catalogue import text
from pactwatch.changes import semantic
from pactwatch.changes.revisions import UnknownRef, commit_of, compare_commits
from pactwatch.changes.semantic import Change
from pactwatch.errors import PactwatchError
from pactwatch.git import run_git
from pactwatch.load.files import CONTRACTS_DIR
from pactwatch.site.history import pull_request_of

_RECORD, _FIELD = "\x1e", "\x1f"
_TRAILER = re.compile(r"^(?:Approved-by|Reviewed-by):[ \t]*(.+?)[ \t]*(?:<[^>]*>)?[ \t]*$", re.M | re.I)
_NO_COMMIT = re.compile(r"0{40}|0{64}")  # a push's ``before`` when the push created the branch (SHA-1, SHA-256)


class NothingToAnnounce(PactwatchError):
    """There is no commit to start from; the message says why in one line (exit 0: the daily window catches up)."""


@dataclass(frozen=True, slots=True)
class Merged:
    commit: str
    pull_request: int | None
    approver: str | None  # as the commit names them: a name, a login or a person id
    changes: tuple[Change, ...]


def start(root: Path, ref: str | None, days: int, today: date, timezone: str, language: str) -> str | None:
    """The commit after which changes count: ``ref``, else the last main-line commit before the ``days`` up to ``today``.

    None: every commit this clone holds is in the window (a young repository, a shallow clone)."""
    if ref is not None and _NO_COMMIT.fullmatch(ref):
        raise NothingToAnnounce(text("changes.announce.new_branch", language))
    try:
        head = commit_of(root, ref or "HEAD", language)
    except UnknownRef:
        raise NothingToAnnounce(text("changes.announce.not_here", language, ref=ref or "HEAD")) from None
    if ref is not None:
        return head
    since = datetime.combine(today - timedelta(days=days), time(), ZoneInfo(timezone))  # from midnight DAYS days ago
    found = run_git(root, "rev-list", "-1", "--first-parent", f"--before={since.isoformat()}", "HEAD").decode().strip()
    return found or None


def _commits(root: Path, since: str | None) -> list[tuple[str, str, str, str]]:
    """(commit, first parent, subject, body) of each main-line commit after ``since`` touching contracts, oldest first."""
    out = run_git(
        root,
        "log",
        "--first-parent",
        "--reverse",
        f"--format={_RECORD}%H{_FIELD}%P{_FIELD}%s{_FIELD}%b",
        f"{since}..HEAD" if since else "HEAD",
        "--",
        CONTRACTS_DIR,
    )
    found = []
    for record in out.decode("utf-8", "replace").split(_RECORD):
        parts = record.split(_FIELD)
        if len(parts) == 4 and parts[1].strip():
            found.append((parts[0].strip(), parts[1].split()[0], parts[2], parts[3]))
    return found


def since(root: Path, ref: str | None, currency: str) -> list[Merged]:
    """Every change merged after ``ref`` (a commit from ``start``; None: all this clone holds), commit by commit."""
    merged = []
    for commit, parent, subject, body in _commits(root, ref):
        compared = compare_commits(root, parent, commit, currency)
        changes = semantic.diff(compared.pairs)
        if changes:
            approver = _TRAILER.search(body)
            merged.append(Merged(commit, pull_request_of(subject), approver.group(1) if approver else None, changes))
    return merged
