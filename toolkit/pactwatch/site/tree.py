"""Writing the generated docs tree (the effects edge): only changed files are rewritten, stale ones removed.

Unchanged files keep their times, so ``mkdocs serve`` reloads only what
changed; each write is atomic (``fileio``), so it never reads half a page.
Contract pages, the bulk of a big portfolio, are rendered and written
by worker processes (``parallel``: forked, so the evaluation is shared, not pickled).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate
from pathlib import Path

from pactwatch.catalogue import msg
from pactwatch.errors import OSFailure, PactwatchError
from pactwatch.fileio import write_if_changed
from pactwatch.parallel import map_batches
from pactwatch.resources import OWN_FILE_LIMIT
from pactwatch.safefs import NotRegularFile, read_regular, refused
from pactwatch.site.common import Page
from pactwatch.site.context import SiteInput
from pactwatch.site.pages import FAMILIES, contract_pages, generate_pages

PAGE_SECONDS = 0.0025  # one contract's pages rendered and written (bench_site: ~2.5 ms of CPU): workers pay from ~100 contracts
CHUNK = 200
Tick = Callable[[int, int], None]


@dataclass(slots=True)
class TreeResult:
    expected: set[str] = field(default_factory=set)
    written: int = 0
    removed: int = 0
    removed_paths: list[str] = field(default_factory=list)  # docs files deleted: their pages go from the site too


def write_pages(pages: Iterable[Page], docs: Path) -> tuple[list[str], int]:
    """Write pages whose text changed; -> (paths, number written)."""
    paths, written = [], 0
    try:
        for page in pages:
            paths.append(page.path)
            written += write_if_changed(docs / page.path, page.text.encode("utf-8"))
    except OSError as exc:
        raise OSFailure(msg("error.site.pages", path=str(docs)), exc) from exc
    return paths, written


Task = tuple[str, list[str]]  # ("family", [index]) or ("contracts", [ids])


def _run(data: SiteInput, docs: Path, task: Task) -> tuple[list[str], int]:
    kind, items = task
    if kind == "family":
        return write_pages(generate_pages(data, [FAMILIES[int(items[0])]]), docs)
    return write_pages(contract_pages(data, items), docs)


def tasks(data: SiteInput, size: int = CHUNK) -> list[tuple[Task, int]]:
    """The work of writing every page, in pieces: the section page families first (the index pages are the
    longest single tasks), then contracts in chunks; each with the number of contract pages it holds."""
    ids = [c.id for c in data.evaluation.portfolio.contracts]
    pieces: list[tuple[Task, int]] = [(("family", [str(i)]), 0) for i in range(len(FAMILIES))]
    pieces += [(("contracts", ids[start : start + size]), len(ids[start : start + size])) for start in range(0, len(ids), size)]
    return pieces


def write_all_pages(data: SiteInput, docs: Path, jobs: int, tick: Tick | None = None) -> tuple[list[str], int]:
    """Every generated page, on ``jobs`` processes for big portfolios; -> (paths, number written)."""
    pieces = tasks(data)
    total = len(data.evaluation.portfolio.contracts)
    so_far = list(accumulate(count for _, count in pieces))  # contract pages done once piece i is (taken in order)

    def finished(index: int) -> None:
        if tick is not None and pieces[index][1]:
            tick(so_far[index], total)

    run = partial(_run, data, docs)
    results = map_batches(run, [task for task, _ in pieces], jobs=jobs, seconds=total * PAGE_SECONDS, done=finished)
    return sorted(path for paths, _ in results for path in paths), sum(written for _, written in results)


def copy_files(source: Path, docs: Path, skip: set[str], under: str = "") -> tuple[list[str], int]:
    """Copy a folder's files (the portfolio's own pages, the assets) into the tree (below ``under``), unless generated.

    A link or a special file in it stops the build (``safefs``): ``assets/x.css -> /etc/shadow`` would publish it."""
    paths, written = [], 0
    for directory, subdirs, files in os.walk(source):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files + [d for d in subdirs if os.path.islink(os.path.join(directory, d))]):
            if name.startswith("."):
                continue
            own = (Path(directory) / name).relative_to(source).as_posix()
            if under + own in skip:
                continue
            paths.append(under + own)
            written += write_if_changed(docs / (under + own), _read_own(source, own))
    return paths, written


def _read_own(source: Path, rel: str) -> bytes:
    try:
        raw, _ = read_regular(source, rel, OWN_FILE_LIMIT)
    except NotRegularFile as exc:
        raise PactwatchError(refused(exc)) from None
    except OSError as exc:
        raise OSFailure(msg("error.cannot_read", path=str(source / rel)), exc) from None
    if len(raw) > OWN_FILE_LIMIT:
        raise PactwatchError(msg("error.own_file.too_large", path=str(source / rel), limit=OWN_FILE_LIMIT))
    return raw


def remove_stale(docs: Path, expected: set[str]) -> list[str]:
    """Delete files under ``docs`` that this build did not produce, then empty folders; -> the files deleted."""
    removed: list[str] = []
    for directory, _, files in os.walk(docs, topdown=False):
        for name in files:
            rel = (Path(directory) / name).relative_to(docs).as_posix()
            if rel not in expected:
                (Path(directory) / name).unlink()
                removed.append(rel)
        if Path(directory) != docs and not any(Path(directory).iterdir()):
            Path(directory).rmdir()
    return removed
