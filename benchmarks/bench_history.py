"""Benchmark: baselines and re-plans from git history, and the 12-month trend, on 1,000 contracts × 20 commits.

    python benchmarks/bench_history.py [--contracts 1000] [--commits 20]

Builds the repository (benchmarks/history_repo.py, fixed seed: 20,000 commits) in a temporary folder,
then times, in this process with a fresh cache folder: the history cold (git log, cat-file, parsing
every version) and cached (same HEAD), and the month-end trend cold and cached. Targets from issue #17:
history ≤ 10 s cold and ≤ 1 s cached, trend ≤ 15 s cold.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from history_repo import build  # a sibling script

from pactwatch.history.read import read_plan_history
from pactwatch.history.trends import read_trends
from pactwatch.load.portfolio import load_portfolio
from pactwatch.settings import load_settings

TODAY = date(2026, 11, 27)
TARGETS = {"history cold": 10.0, "history cached": 1.0, "trend cold": 15.0, "trend cached": 1.0}


def timed(label: str, work: object) -> tuple[str, float, object]:
    start = time.perf_counter()
    result = work() if callable(work) else None
    return label, time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contracts", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "portfolio"
        started = time.perf_counter()
        build(root, args.contracts, args.commits)
        print(f"built {args.contracts} contracts × {args.commits} commits in {time.perf_counter() - started:.1f} s")
        environ = {**os.environ, "PACTWATCH_CACHE_DIR": str(Path(tmp) / "cache")}
        portfolio = load_portfolio(root, TODAY, settings=load_settings(root)).portfolio
        runs = [
            timed("history cold", lambda: read_plan_history(root, environ)),
            timed("history cached", lambda: read_plan_history(root, environ)),
            timed("trend cold", lambda: read_trends(root, portfolio, TODAY, environ)),
            timed("trend cached", lambda: read_trends(root, portfolio, TODAY, environ)),
        ]
    failed = False
    for label, seconds, result in runs:
        ok = seconds <= TARGETS[label] and result is not None
        failed |= not ok
        print(f"{label:15} {seconds:6.2f} s   target ≤ {TARGETS[label]:g} s   {'ok' if ok else 'MISSED'}")
    history = runs[0][2]
    replans = sum(len(m.replans) for c in history.history.contracts.values() for m in c.milestones.values())  # type: ignore[attr-defined]
    print(f"{len(history.history.contracts)} contracts, {replans} re-plans")  # type: ignore[attr-defined]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
