"""Month-end trends: the portfolio as it stood at the last commit on or before each month-end, evaluated that day.

    rows = read_trends(root, portfolio, today, environ)   # 12 TrendRow, oldest first; None without history

Each month's contract files are the ones the main line held then (replayed from the same ``git log``
as ``read``, their text from one ``git cat-file --batch``), checked like today's (``process_contract``;
a file with errors then is left out, as ``status`` leaves it out now), with today's settings and people.
The rows are cached by (commit, month-end, settings): a daily build recomputes at most the current month.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from pactwatch.engine import evaluate, kpis
from pactwatch.git import GitError, run_git
from pactwatch.history.gitlog import Commit, log_command, parse_log, read_blobs
from pactwatch.history.read import head_of
from pactwatch.history.records import TrendRow
from pactwatch.load.files import CONTRACTS_DIR
from pactwatch.load.portfolio import process_contract
from pactwatch.load.store import ResultCache, encode
from pactwatch.model import Contract, Portfolio
from pactwatch.parallel import default_jobs, map_batches

TRENDS_FILE = "trends.msgpack"
MONTHS = 12
FILE_SECONDS = 0.0006


def month_ends(today: date, count: int = MONTHS) -> list[date]:
    """The last ``count`` month-ends on or before ``today``, oldest first."""
    last_of_month = (today.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    ends = [today if today == last_of_month else today.replace(day=1) - timedelta(days=1)]
    while len(ends) < count:
        ends.append(ends[-1].replace(day=1) - timedelta(days=1))
    return ends[::-1]


def trees_at(commits: list[Commit], ends: list[date]) -> list[tuple[str, dict[str, str]]]:
    """(commit, contract path -> object name) at the last commit on or before each month-end (pure)."""
    tree: dict[str, str] = {}
    out: list[tuple[str, dict[str, str]]] = []
    last, at = "", 0
    for end in ends:
        while at < len(commits) and commits[at].day <= end:
            for change in commits[at].changes:
                if change.old_path is not None and change.status == "R":
                    tree.pop(change.old_path, None)
                if change.blob is None:
                    tree.pop(change.path, None)
                else:
                    tree[change.path] = change.blob
            last, at = commits[at].commit, at + 1
        out.append((last, {path: blob for path, blob in tree.items() if _is_contract(path)}))
    return out


def _is_contract(path: str) -> bool:
    return path.endswith((".yaml", ".yml")) and not any(part.startswith(".") for part in path.split("/"))


def row_for(portfolio: Portfolio, contracts: list[Contract], commit: str, end: date) -> TrendRow:
    month = replace(portfolio, contracts=tuple(sorted(contracts, key=lambda c: c.id)))
    ev = evaluate(month, end)
    k = kpis.compute(ev.contracts.values(), end.replace(day=1), end, end)
    return TrendRow(end, commit, k.due, k.done_on_time, k.overdue_now, k.overdue_amount, k.receivable.planned, k.receivable.settled)


def _checked(currency: str, batch: list[tuple[str, bytes]]) -> list[Contract | None]:
    return [process_contract(path, raw, currency).contract for path, raw in batch]


def _key(settings_digest: str, commit: str, end: date) -> str:
    return f"{commit}:{end.isoformat()}:{settings_digest}"


def read_trends(
    root: Path, portfolio: Portfolio, today: date, environ: Mapping[str, str], jobs: int | None = None
) -> list[TrendRow] | None:
    head = head_of(root)
    if not isinstance(head, tuple) or head[1]:
        return None  # no git history here, or a shallow clone (read_plan_history says which)
    settings_digest = _digest(portfolio)
    cache = ResultCache.for_portfolio(root, "history", environ)
    ends = month_ends(today)
    whole = _key(settings_digest, head[0], ends[-1])  # the answer at this HEAD: no git log at all
    cached = cache.read_entry(TRENDS_FILE, _Cached)
    last, months = cached if cached is not None else ("", {})
    if last == whole and len(months) == len(ends):
        return [months[_key(settings_digest, commit, end)] for commit, end in _keys_of(months, ends, settings_digest)]
    try:
        trees = trees_at(parse_log(run_git(root, *log_command(CONTRACTS_DIR))), ends)
        rows = _rows(root, portfolio, trees, ends, months, settings_digest, jobs)
    except GitError:
        return None
    kept = {_key(settings_digest, commit, end): row for (commit, _), end, row in zip(trees, ends, rows, strict=True)}
    cache.write_entry(TRENDS_FILE, (whole, kept))
    return rows


_Cached = tuple[str, dict[str, TrendRow]]


def _keys_of(months: dict[str, TrendRow], ends: list[date], settings_digest: str) -> list[tuple[str, date]]:
    by_end = {row.month_end: row.commit for row in months.values()}
    return [(by_end[end], end) for end in ends]


def _digest(portfolio: Portfolio) -> str:
    """What else a month's figures depend on: today's settings and people."""
    try:
        data = encode((portfolio.settings, dict(portfolio.people)))
    except (TypeError, OverflowError):
        data = repr(portfolio.settings).encode()
    return hashlib.blake2b(data, digest_size=12).hexdigest()


def _rows(
    root: Path,
    portfolio: Portfolio,
    trees: list[tuple[str, dict[str, str]]],
    ends: list[date],
    cached: dict[str, TrendRow],
    settings_digest: str,
    jobs: int | None,
) -> list[TrendRow]:
    todo = [i for i, ((commit, _), end) in enumerate(zip(trees, ends, strict=True)) if _key(settings_digest, commit, end) not in cached]
    wanted = sorted({(path, blob) for i in todo for path, blob in trees[i][1].items()})
    contents = read_blobs(root, sorted({blob for _, blob in wanted}))
    items = [(path, contents[blob]) for path, blob in wanted if blob in contents]
    workers = default_jobs(jobs)
    size = max(50, len(items) // (workers * 4))
    batches = [items[i : i + size] for i in range(0, len(items), size)]
    parts = map_batches(lambda b: _checked(portfolio.settings.currency, b), batches, jobs=workers, seconds=len(items) * FILE_SECONDS)
    checked = dict(zip(((path, blob) for path, blob in wanted if blob in contents), (c for part in parts for c in part), strict=True))
    rows = []
    for i, ((commit, tree), end) in enumerate(zip(trees, ends, strict=True)):
        if i not in todo:
            rows.append(cached[_key(settings_digest, commit, end)])
            continue
        contracts = [c for path, blob in tree.items() if (c := checked.get((path, blob))) is not None]
        rows.append(row_for(portfolio, _unique(contracts), commit, end))
    return rows


def _unique(contracts: list[Contract]) -> list[Contract]:
    """One contract per id (two files with one id is an error the loader reports; here the first path wins)."""
    seen: dict[str, Contract] = {}
    for c in sorted(contracts, key=lambda c: c.source):
        seen.setdefault(c.id, c)
    return list(seen.values())
