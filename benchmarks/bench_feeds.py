"""Benchmark: every calendar feed of a large portfolio, fast writer vs icalendar's Calendar/Event API.

    python benchmarks/bench_feeds.py                       # 10,000 contracts x 10 milestones
    python benchmarks/bench_feeds.py --contracts 2000 --reference-contracts 0

Builds the portfolio with benchmarks/generate.py, loads and evaluates it (timed
but not part of the feeds figure), then times all feeds (all, per person, per
contract, per counterparty):

- fast:      build_feeds (what `pactwatch feeds` runs) on all cores, and on one core, best of --repeat runs
             (wall time, and the CPU time of the main process);
- icalendar: the same plan rendered event by event through icalendar.Calendar/Event
             (one Event object per event, shared by its four feeds, then to_ical per feed).

With --reference-contracts N (0 = all) the icalendar path runs on the first N
contracts only and is extrapolated linearly by event count; the output says so.
Everything runs with the cyclic collector paused, as the `pactwatch feeds` command runs.
Targets (issue 4): fast <= 5 s on a 2-core machine and >= 10x faster than icalendar.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))  # the repository root: the icalendar reference lives in the tests

from generate import generate  # a sibling script, not a package

from pactwatch.engine import Evaluation, evaluate
from pactwatch.gcpause import paused
from pactwatch.ical.feeds import build_feeds
from pactwatch.ical.output import write_feeds
from pactwatch.load.portfolio import load_portfolio
from pactwatch.settings import load_settings
from tests.ical.reference import plan_feeds, reference_feeds

TODAY = date(2026, 11, 27)
TARGET_SECONDS = 5.0
TARGET_RATIO = 10.0
T = TypeVar("T")


def timed(func: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = func()
    return result, time.perf_counter() - start


def best(func: Callable[[], T], repeat: int) -> tuple[T, float, float]:
    """(result, best wall seconds, CPU seconds of this process in that run)."""
    runs = []
    for _ in range(repeat):
        cpu = time.process_time()
        result, seconds = timed(func)
        runs.append((seconds, time.process_time() - cpu, result))
    seconds, cpu, result = min(runs, key=lambda run: run[0])
    return result, seconds, cpu


def fast(ev: Evaluation, jobs: int) -> dict[str, bytes]:
    return build_feeds(ev, public=False, jobs=jobs)


def reference(ev: Evaluation) -> dict[str, bytes]:
    return reference_feeds(plan_feeds(ev, public=False))


def subset(ev: Evaluation, contracts: int) -> Evaluation:
    """The evaluation of the first ``contracts`` contracts (by id)."""
    return evaluate(replace(ev.portfolio, contracts=ev.portfolio.contracts[:contracts]), ev.today)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--contracts", type=int, default=10_000)
    parser.add_argument("--milestones", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="fast-path runs; the best is reported")
    parser.add_argument(
        "--reference-contracts", type=int, default=0, help="run icalendar on the first N contracts and extrapolate (0 = all)"
    )
    parser.add_argument("--reminder-events", action="store_true", help="turn feeds.reminder_events on (more events)")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it; reused if it holds a portfolio already")
    return parser.parse_args()


@dataclass
class Figures:
    contracts: int
    occurrences: int
    events: int
    files: int
    megabytes: float
    setup: str  # generate / load / evaluate times, for context
    planning: float
    writing: float
    rewriting: float
    jobs: int
    fast: tuple[float, float]  # (wall, CPU of this process), all cores
    serial: tuple[float, float]  # (wall, CPU), one core
    reference: float  # icalendar, extrapolated to all events when measured on a subset
    reference_note: str


def load(args: argparse.Namespace, root: Path) -> tuple[Evaluation, str]:
    generating = 0.0
    if not (root / "contracts").is_dir():
        _, generating = timed(lambda: generate(root, args.contracts, args.milestones, args.seed))
    settings = load_settings(root)
    if args.reminder_events:
        settings = replace(settings, reminder_events=True)
    loaded, loading = timed(lambda: load_portfolio(root, TODAY, settings=settings, use_cache=False))
    if loaded.errors:
        raise SystemExit(f"the generated portfolio has {len(loaded.errors)} errors; first: {loaded.errors[0]}")
    ev, evaluating = timed(lambda: evaluate(loaded.portfolio, TODAY))
    return ev, f"generate {generating:.1f} s, load+validate {loading:.1f} s, evaluate {evaluating:.2f} s"


def measure(args: argparse.Namespace, scratch: Path) -> Figures:
    ev, setup = load(args, args.keep or scratch / "portfolio")
    plan, planning = timed(lambda: plan_feeds(ev, public=False))
    jobs = os.cpu_count() or 1
    files, fast_seconds, fast_cpu = best(lambda: fast(ev, jobs), args.repeat)
    serial, serial_seconds, serial_cpu = best(lambda: fast(ev, 1), args.repeat)
    assert serial == files, "the parallel build must give the same bytes"
    del serial
    first, writing = timed(lambda: write_feeds(files, scratch / "calendar"))
    again, rewriting = timed(lambda: write_feeds(files, scratch / "calendar"))
    assert len(first.written) == len(files) and again.written == ()
    ref_ev = ev if args.reference_contracts in (0, len(ev.portfolio.contracts)) else subset(ev, args.reference_contracts)
    _, ref_seconds = timed(lambda: reference(ref_ev))
    ref_events = len(plan_feeds(ref_ev, public=False).events)
    scale = len(plan.events) / ref_events
    note = (
        ""
        if ref_ev is ev
        else f" (measured on {args.reference_contracts:,} contracts / {ref_events:,} events: {ref_seconds:.1f} s, x{scale:.1f})"
    )
    return Figures(
        len(ev.portfolio.contracts),
        len(ev.occurrences),
        len(plan.events),
        len(files),
        sum(len(data) for data in files.values()) / 1e6,
        setup,
        planning,
        writing,
        rewriting,
        jobs,
        (fast_seconds, fast_cpu),
        (serial_seconds, serial_cpu),
        ref_seconds * scale,
        note,
    )


def report(f: Figures, milestones: int) -> bool:
    print(f"portfolio: {f.contracts:,} contracts x {milestones} milestones, {f.occurrences:,} occurrences, {os.cpu_count()} cores")
    print(f"  {f.setup} (not part of the feeds figure)")
    print(f"feeds: {f.files:,} files, {f.events:,} events, {f.megabytes:.0f} MB")
    print(f"  plan_feeds alone (event records, no rendering): {f.planning:.2f} s")
    print(f"  write to disk: {f.writing:.2f} s the first time, {f.rewriting:.2f} s when nothing changed")
    print()
    label = f"icalendar Calendar/Event API{f.reference_note}"
    width = max(len(label), 32)
    print(f"{'all feeds with':<{width}}  {'seconds':>9}  {'events/s':>10}  {'CPU s':>7}")
    for name, (wall, cpu) in ((f"pactwatch fast writer, {f.jobs} jobs", f.fast), ("pactwatch fast writer, 1 job", f.serial)):
        print(f"{name:<{width}}  {wall:>9.2f}  {f.events / wall:>10,.0f}  {cpu:>7.2f}")
    print(f"{label:<{width}}  {f.reference:>9.2f}  {f.events / f.reference:>10,.0f}")
    ratio = f.reference / f.fast[0]
    print(f"{'ratio (icalendar / fast)':<{width}}  {ratio:>9.1f}x   (1 job: {f.reference / f.serial[0]:.1f}x)")
    print(f"(CPU s: of the main process only; load average now {', '.join(f'{x:.1f}' for x in os.getloadavg())})")
    print()
    ok_time, ok_ratio = f.fast[0] <= TARGET_SECONDS, ratio >= TARGET_RATIO
    verdict = {True: "met", False: "MISSED"}
    print(f"target <= {TARGET_SECONDS:.0f} s: {verdict[ok_time]}; target >= {TARGET_RATIO:.0f}x: {verdict[ok_ratio]}")
    return ok_time and ok_ratio


def main() -> int:
    args = arguments()
    # the collector paused, as `pactwatch feeds` runs (commands/feeds.py: one_shot); icalendar's path alike
    with tempfile.TemporaryDirectory(prefix="pactwatch-bench-") as scratch, paused():
        figures = measure(args, Path(scratch))
    return 0 if report(figures, args.milestones) else 1


if __name__ == "__main__":
    sys.exit(main())
