"""``pactwatch build``: portfolio -> generated tree (.pactwatch-build/docs) -> mkdocs -> site/ with calendar feeds.

    result = build_site(root, today, out=Path("site"), public=False, progress=None)

Steps: load and evaluate (``--public`` redacts first), read the git history of
contracts/ (one ``git log``), render the feeds, write the pages (changed files
only; contract pages on every core), write mkdocs.yml, run mkdocs.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pactwatch import outdir
from pactwatch.catalogue import msg
from pactwatch.digests import seal_for
from pactwatch.engine import evaluate
from pactwatch.errors import OSFailure
from pactwatch.fileio import write_if_changed
from pactwatch.findings import Finding
from pactwatch.history.read import read_plan_history
from pactwatch.history.trends import read_trends
from pactwatch.ical import reuse
from pactwatch.ical.feeds import build_feeds, build_feeds_reusing
from pactwatch.ical.output import write_feeds
from pactwatch.load.portfolio import Loaded, load_portfolio
from pactwatch.parallel import default_jobs
from pactwatch.resources import data_dir
from pactwatch.settings import load_settings
from pactwatch.site import incremental, mkdocs_config, tree
from pactwatch.site.accelerate import Accelerator, Tick
from pactwatch.site.context import SiteInput
from pactwatch.site.history import read_history
from pactwatch.site.incremental import compact_json
from pactwatch.site.mkdocs_run import run_mkdocs
from pactwatch.site.pages import SECTIONS
from pactwatch.site.public import redact

BUILD_DIR = ".pactwatch-build"
DIRTY_NOTICE = "A 'dirty' build"  # mkdocs' warning that a dirty build may leave stale links: incremental sees to that
Progress = Callable[[str, int, int], None]  # (phase, done, total)


@dataclass(slots=True)
class BuildResult:
    contracts: int
    milestones: int
    overdue: int
    errors: int
    warnings: int
    site_dir: Path
    docs_dir: Path
    config_file: Path
    pages: int = 0
    written: int = 0
    removed: int = 0
    feeds: int = 0
    feeds_written: int = 0
    mkdocs_warnings: list[str] = field(default_factory=list)
    incremental: bool = False  # mkdocs rendered only the changed pages of the previous build (see incremental)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per phase
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # CPU time per phase, worker processes included


def prepare(
    root: Path, today: date, *, public: bool, loaded: Loaded | None = None, jobs: int = 1, build_dir: Path | None = None
) -> tuple[SiteInput, dict[str, bytes]]:
    """(Load,) (redact,) evaluate, read history, render feeds (on ``jobs`` processes): everything the pages need.

    The commands pass ``loaded`` from the command runtime; loading here is for library callers (tests, benchmarks).
    With ``build_dir``, the events of contracts unchanged since the build made there are reused (ical.reuse).
    """
    if loaded is None:
        loaded = load_portfolio(root, today, settings=load_settings(root))
    portfolio = redact(loaded.portfolio) if public else loaded.portfolio
    # plan versus actual: who moved which date is not for a public site
    plan = None if public else read_plan_history(root, os.environ).history
    evaluation = evaluate(portfolio, today, history=plan)
    if build_dir is None:
        feeds = build_feeds(evaluation, public=public, jobs=jobs)
    else:
        seal = seal_for(root, os.environ)
        feeds, kept = build_feeds_reusing(evaluation, reuse.load(build_dir, seal), public=public, jobs=jobs)
        reuse.save(build_dir, kept, seal)
    findings: tuple[Finding, ...] = loaded.findings
    if public:
        hidden = {c.source for c in loaded.portfolio.contracts if c.confidential}
        findings = tuple(f for f in findings if f.file not in hidden)
    history = {} if public else read_history(root)
    trends = tuple(read_trends(root, portfolio, today, os.environ) or ()) if plan is not None else ()
    data = SiteInput(evaluation, findings, history, tuple(sorted(feeds)), public, root, trends)
    return data, feeds


def _assets(root: Path) -> list[Path]:
    shipped = data_dir("templates") / "site" / "assets"
    own = root / "templates" / "site" / "assets"
    return [folder for folder in (shipped, own) if folder.is_dir()]


def write_tree(data: SiteInput, feeds: dict[str, bytes], build_dir: Path, jobs: int, progress: Progress | None) -> tree.TreeResult:
    docs = build_dir / "docs"
    result = tree.TreeResult()
    root = data.root or Path(".")

    def tick(done: int, total: int) -> None:
        if progress is not None:
            progress("pages", done, total)

    paths, written = tree.write_all_pages(data, docs, jobs, tick)
    result.expected.update(paths)
    result.written += written
    generated = set(result.expected)
    user_file = mkdocs_config.user_config_file(root)
    user = mkdocs_config.load_yaml(user_file) if user_file else None
    own_docs = mkdocs_config.user_docs_dir(root, user, user_file)
    copies = [(folder, "") for folder in ([own_docs] if own_docs else [])] + [(folder, "assets/") for folder in _assets(root)]
    for folder, under in copies:
        paths, written = tree.copy_files(folder, docs, generated, under)
        result.expected.update(paths)
        result.written += written
    result.removed_paths = tree.remove_stale(docs, result.expected)
    result.removed = len(result.removed_paths)
    return result


def write_config(data: SiteInput, build_dir: Path, site_dir: Path) -> Path:
    root = data.root or Path(".")
    user_file = mkdocs_config.user_config_file(root)
    user = mkdocs_config.load_yaml(user_file) if user_file else None
    config = mkdocs_config.build_config(data.evaluation.portfolio.settings, user, sections=SECTIONS, site_dir=site_dir.resolve())
    target = build_dir / "mkdocs.yml"
    write_if_changed(target, mkdocs_config.dump(config).encode("utf-8"))
    return target


# the largest search index also written as a script for a site opened from disk: a site handed over as a zip is a
# small one (2 MB is about 4,500 contracts); at 50,000 the copy would be 22 MB of a site that must stay under 1 GB
DISK_INDEX_MAX_BYTES = 2_000_000


def write_disk_search_index(site_dir: Path) -> None:
    """The search index as a script, ``search/search_index.js``: mkdocs-material loads that instead of the
    JSON when a page is opened from disk (``file://``, a site handed over as a zip), where a missing one is a
    script error on every page (search alone stops working). This is what Material's offline plugin writes; the
    plugin itself is not used, since it also loads a script from unpkg.com and the site loads nothing from other
    hosts. Only for an index of at most ``DISK_INDEX_MAX_BYTES``: a bigger site is served, not opened from disk.

    Both are written as UTF-8 without spaces: mkdocs writes every Chinese character as a six-byte ``\\uXXXX``
    escape, a third of a Chinese portfolio's index (9.2 MB -> 6.1 MB at 10,000 contracts)."""
    index = site_dir / "search" / "search_index.json"
    try:
        raw = index.read_bytes()
    except FileNotFoundError:
        return  # search is off in the portfolio's mkdocs.yml
    except OSError as exc:
        raise OSFailure(msg("error.cannot_read", path=str(index)), exc) from None
    try:
        data = compact_json(raw)
    except ValueError:
        data = raw  # not JSON (a search plugin of the portfolio's own?): published as mkdocs wrote it
    try:
        write_if_changed(index, data)
        script = index.with_suffix(".js")
        if len(data) <= DISK_INDEX_MAX_BYTES:
            write_if_changed(script, b"var __index = " + data)
        else:
            script.unlink(missing_ok=True)  # a previous, smaller build's
    except OSError as exc:
        raise OSFailure(msg("error.site.search_index", path=str(index.parent)), exc) from None


def _mkdocs(config_file: Path, build_dir: Path, site_dir: Path, today: date, tick: Tick, removed: list[str]) -> tuple[list[str], bool]:
    """Run mkdocs: on the previous build's site when it was made the same way (``incremental``), else clean."""
    stamp = incremental.fingerprint(config_file, site_dir)
    dirty = incremental.reusable(build_dir, site_dir, stamp)
    previous = (site_dir / incremental.SEARCH_INDEX).read_bytes() if dirty else b""
    incremental.forget(build_dir)  # until this build is done, the next one starts clean
    if dirty:
        incremental.remove_outputs(site_dir, removed)
    accelerator = Accelerator(tick)
    warnings = [w for w in run_mkdocs(config_file, today, accelerator=accelerator, dirty=dirty) if not w.startswith(DIRTY_NOTICE)]
    if dirty:
        index = site_dir / incremental.SEARCH_INDEX
        merged = incremental.merge_index(previous, index.read_bytes(), accelerator.order, accelerator.rendered)
        write_if_changed(index, merged)
    incremental.remember(build_dir, stamp)
    return warnings, dirty


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the page and validation workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def build_site(
    root: Path,
    today: date,
    *,
    out: Path | None = None,
    public: bool = False,
    jobs: int | None = None,
    progress: Progress | None = None,
    run: bool = True,
    loaded: Loaded | None = None,
) -> BuildResult:
    """The whole build; ``run=False`` stops after writing the tree and mkdocs.yml (for tests and serve).

    The build folder and the site folder are claimed first (``outdir``: never the portfolio's data, a link,
    or a folder pactwatch did not make; locked, so two builds never mix) and held until the build is done."""
    with outdir.claim(out if out is not None else root / "site", root), outdir.claim(root / BUILD_DIR, root):
        return _build_site(root, today, out=out, public=public, jobs=jobs, progress=progress, run=run, loaded=loaded)


def _build_site(
    root: Path,
    today: date,
    *,
    out: Path | None,
    public: bool,
    jobs: int | None,
    progress: Progress | None,
    run: bool,
    loaded: Loaded | None,
) -> BuildResult:
    clock, cpu = time.perf_counter(), _cpu()
    seconds: dict[str, float] = {}
    cpu_seconds: dict[str, float] = {}

    def lap(name: str) -> None:
        nonlocal clock, cpu
        now, used = time.perf_counter(), _cpu()
        seconds[name], cpu_seconds[name] = now - clock, used - cpu
        clock, cpu = now, used

    data, feeds = prepare(root, today, public=public, loaded=loaded, jobs=default_jobs(jobs), build_dir=root / BUILD_DIR)
    lap("load")
    build_dir = root / BUILD_DIR
    site_dir = out if out is not None else root / "site"
    written = write_tree(data, feeds, build_dir, default_jobs(jobs), progress)
    config_file = write_config(data, build_dir, site_dir)
    lap("pages")
    ev = data.evaluation
    errors = sum(1 for f in data.findings if f.severity == "error")
    result = BuildResult(
        contracts=len(ev.portfolio.contracts),
        milestones=sum(1 for o in ev.occurrences if not o.derived),
        overdue=sum(1 for o in ev.occurrences if o.state == "overdue"),
        errors=errors,
        warnings=len(data.findings) - errors,
        site_dir=site_dir,
        docs_dir=build_dir / "docs",
        config_file=config_file,
        pages=sum(1 for p in written.expected if p.endswith(".md")),
        written=written.written,
        removed=written.removed,
        feeds=len(feeds),
    )
    if run:

        def tick(done: int, total: int) -> None:
            if progress is not None:
                progress("mkdocs", done, total)

        result.mkdocs_warnings, result.incremental = _mkdocs(config_file, build_dir, site_dir, today, tick, written.removed_paths)
        write_disk_search_index(site_dir)
        lap("mkdocs")
    result.feeds_written = len(write_feeds(feeds, site_dir / "calendar").written)
    lap("feeds")
    result.seconds = seconds
    result.cpu_seconds = cpu_seconds
    return result
