"""The effects edge of pactwatch.history: git, the cache and the worker pool (everything else here is pure).

    found = read_plan_history(root, environ)    # found.history: PlanHistory | None; found.notice: Msg | None

Cached by commit in the portfolio's cache folder (``load.store``: msgpack through msgspec, read
through safefs): at an unchanged HEAD a run costs one ``git rev-parse``; after new commits, the log
is read again (one process) but only versions not seen before are parsed (``history-blobs.msgpack``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pactwatch.catalogue import Msg, msg
from pactwatch.git import GitError, run_git
from pactwatch.history.gitlog import log_command, parse_log, read_blobs
from pactwatch.history.records import PlanHistory, Snapshot
from pactwatch.history.replay import replay
from pactwatch.load.files import CONTRACTS_DIR
from pactwatch.load.store import ResultCache
from pactwatch.parallel import default_jobs, map_batches

HISTORY_FILE, BLOBS_FILE = "history.msgpack", "history-blobs.msgpack"
SNAPSHOT_SECONDS = 0.0003  # parsing one version of a contract file (measured ~0.27 ms)
_Blobs = dict[str, Snapshot | None]


@dataclass(frozen=True, slots=True)
class HistoryFound:
    history: PlanHistory | None
    notice: Msg | None = None  # why there is no history (for -v), or a shallow clone's warning
    shallow: bool = False  # the notice is a warning to show always: baselines would be wrong


def head_of(root: Path) -> tuple[str, bool] | Msg:
    """(HEAD's commit, whether the clone is shallow), or why git has no history here."""
    try:
        out = run_git(root, "rev-parse", "--is-shallow-repository", "HEAD").decode("ascii", "replace").split()
    except GitError as exc:
        return msg("history.no_git" if exc.reason == "no-git" else "history.no_repository")
    if len(out) != 2:
        return msg("history.no_repository")
    return out[1], out[0] == "true"


def read_plan_history(root: Path, environ: Mapping[str, str], jobs: int | None = None) -> HistoryFound:
    head = head_of(root)
    if isinstance(head, Msg):
        return HistoryFound(None, head)
    commit, shallow = head
    if shallow:
        return HistoryFound(None, msg("history.shallow"), shallow=True)
    cache = ResultCache.for_portfolio(root, "history", environ)
    cached = cache.read_entry(HISTORY_FILE, PlanHistory)
    if isinstance(cached, PlanHistory) and cached.head == commit:
        return HistoryFound(cached)
    try:
        history = _replay_all(root, commit, cache, jobs)
    except GitError as exc:
        return HistoryFound(None, msg("history.unreadable", reason=str(exc)))
    cache.write_entry(HISTORY_FILE, history)
    return HistoryFound(history)


def _replay_all(root: Path, head: str, cache: ResultCache, jobs: int | None) -> PlanHistory:
    commits = parse_log(run_git(root, *log_command(CONTRACTS_DIR)))
    wanted = sorted({change.blob for commit in commits for change in commit.changes if change.blob})
    known: _Blobs = cache.read_entry(BLOBS_FILE, _Blobs) or {}
    missing = [name for name in wanted if name not in known]
    if missing:
        known.update(_snapshots(root, missing, jobs))
    # keep only what this history holds: a rewritten history does not grow the cache for ever
    kept = {name: known.get(name) for name in wanted}
    if missing or len(kept) != len(known):
        cache.write_entry(BLOBS_FILE, kept)
    return replay(head, commits, kept)


def read_snapshots(blobs: list[bytes]) -> list[Snapshot | None]:
    """A batch for the worker pool; the YAML parser is imported only when a version needs parsing (a warm run needs none)."""
    from pactwatch.history.snapshot import read_snapshot

    return [read_snapshot(raw) for raw in blobs]


def _snapshots(root: Path, names: list[str], jobs: int | None) -> _Blobs:
    contents = read_blobs(root, names)
    present = [name for name in names if name in contents]
    workers = default_jobs(jobs)
    size = max(200, len(present) // (workers * 4))
    batches = [[contents[name] for name in present[i : i + size]] for i in range(0, len(present), size)]
    parts = map_batches(read_snapshots, batches, jobs=workers, seconds=len(present) * SNAPSHOT_SECONDS)
    return dict(zip(present, (snapshot for part in parts for snapshot in part), strict=True))
