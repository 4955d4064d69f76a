"""Writing the generated docs tree (the effects edge): only changed files are rewritten, stale ones removed.

Unchanged files keep their times, so ``mkdocs serve`` reloads only what
changed; each write is atomic (``fileio``), so it never reads half a page.
Contract pages, the bulk of a big portfolio, are rendered and written
by worker processes (``parallel``: forked, so the evaluation is shared, not pickled).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate
from pathlib import Path

from jinja2 import Environment

from pactwatch.catalogue import msg
from pactwatch.digests import Seal, seal_for
from pactwatch.errors import OSFailure, PactwatchError
from pactwatch.fileio import write_if_changed
from pactwatch.parallel import map_batches
from pactwatch.resources import OWN_FILE_LIMIT
from pactwatch.safefs import NotRegularFile, read_regular, refused
from pactwatch.site import contract_page, page_keys
from pactwatch.site.common import Kept, Page
from pactwatch.site.context import Site, SiteInput
from pactwatch.site.pages import FAMILIES, contract_pages, generate_pages, keeping, site_environment

PAGE_SECONDS = 0.0025  # one contract's pages rendered and written (bench_site: ~2.5 ms of CPU): workers pay from ~100 contracts
CHUNK = 200
# CPU seconds of each page family at 10,000 contracts (profiled): the longest start first, so the workers
# finish together (only the order of the work depends on this, never the pages)
FAMILY_SECONDS = {"reports_page": 2.9, "people": 2.3, "counterparties": 2.3, "kpis_page": 1.9, "statements": 1.5, "dashboard": 0.6}
Tick = Callable[[int, int], None]


@dataclass(slots=True)
class TreeResult:
    expected: set[str] = field(default_factory=set)
    written: int = 0
    removed: int = 0
    removed_paths: list[str] = field(default_factory=list)  # docs files deleted: their pages go from the site too


def write_pages(pages: Iterable[Page | Kept], docs: Path) -> tuple[list[str], int]:
    """Write pages whose text changed (a Kept page is left as it is); -> (paths, number written)."""
    paths, written = [], 0
    try:
        for page in pages:
            paths.append(page.path)
            if isinstance(page, Page):
                written += write_if_changed(docs / page.path, page.text.encode("utf-8"))
    except OSError as exc:
        raise OSFailure(msg("error.site.pages", path=str(docs)), exc) from exc
    return paths, written


Task = tuple[str, list[str]]  # ("family", [index]) or ("contracts", [ids])
Done = tuple[list[str], int, dict[str, str]]  # (paths, number written, page path -> digest: page_keys)


def _contracts(data: SiteInput, docs: Path, previous: Mapping[str, str], ids: list[str]) -> Done:
    """Write the pages of ``ids`` whose digest changed since ``previous`` (or whose file is gone)."""
    site, env, shared = _made_for(data)
    keep = page_keys.Keeper(site, shared, previous, docs)
    stale = [cid for cid in ids if not keep.unchanged(contract_page.page_path(cid), keep.contract(cid))]
    _, written = write_pages(contract_pages(data, stale, (site, env)), docs) if stale else ([], 0)
    return sorted(keep.keys), written, keep.keys


_MADE: list[tuple[SiteInput, Site, Environment, bytes]] = []  # per process: this build's lookups, templates, digest


def _made_for(data: SiteInput) -> tuple[Site, Environment, bytes]:
    """The Site, template environment and shared digest of this build, made once per process, not per chunk."""
    if not _MADE or _MADE[0][0] is not data:
        site = Site(data)
        _MADE[:] = [(data, site, site_environment(site), page_keys.build_digest(site))]
    return _MADE[0][1], _MADE[0][2], _MADE[0][3]


def _run(data: SiteInput, docs: Path, previous: Mapping[str, str], task: Task) -> Done:
    kind, items = task
    if kind == "family":
        site, env, shared = _made_for(data)
        keep = page_keys.Keeper(site, shared, previous, docs)
        paths, written = write_pages(generate_pages(data, [keeping(FAMILIES[int(items[0])], keep)], (site, env)), docs)
        return paths, written, keep.keys
    return _contracts(data, docs, previous, items)


def tasks(data: SiteInput, size: int = CHUNK) -> list[tuple[Task, int]]:
    """The work of writing every page, in pieces: the section page families first (the index pages are the
    longest single tasks), then contracts in chunks; each with the number of contract pages it holds."""
    ids = [c.id for c in data.evaluation.portfolio.contracts]
    heaviest_first = sorted(range(len(FAMILIES)), key=lambda i: -FAMILY_SECONDS.get(FAMILIES[i].__module__.rpartition(".")[2], 0.0))
    pieces: list[tuple[Task, int]] = [(("family", [str(i)]), 0) for i in heaviest_first]
    pieces += [(("contracts", ids[start : start + size]), len(ids[start : start + size])) for start in range(0, len(ids), size)]
    return pieces


def write_all_pages(data: SiteInput, docs: Path, jobs: int, tick: Tick | None = None) -> tuple[list[str], int]:
    """Every generated page, on ``jobs`` processes for big portfolios; -> (paths, number written).

    Contract, person and counterparty pages whose digest (page_keys) is the one recorded by the last build are not
    rendered again; the digests are recorded in the build folder once every page is written."""
    build_dir = docs.parent
    # without a portfolio folder (tests, serve's tree) a throwaway seal: nothing from before is trusted
    seal = seal_for(data.root, os.environ) if data.root is not None else Seal(os.urandom(32))
    previous = page_keys.load(build_dir, seal)
    page_keys.forget(build_dir)
    pieces = tasks(data)
    total = len(data.evaluation.portfolio.contracts)
    so_far = list(accumulate(count for _, count in pieces))  # contract pages done once piece i is (taken in order)

    def finished(index: int) -> None:
        if tick is not None and pieces[index][1]:
            tick(so_far[index], total)

    _made_for(data)  # the contract views, risks and lookups every task reads: made here once, inherited by the workers
    run = partial(_run, data, docs, previous)
    results = map_batches(run, [task for task, _ in pieces], jobs=jobs, seconds=total * PAGE_SECONDS, done=finished)
    page_keys.save(build_dir, {path: key for _, _, keys in results for path, key in keys.items()}, seal)
    return sorted(path for paths, _, _ in results for path in paths), sum(written for _, written, _ in results)


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
