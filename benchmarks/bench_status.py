"""Benchmark: `pactwatch status` and `pactwatch check` on a large portfolio with a warm validation cache.

    python benchmarks/bench_status.py [--contracts 10000] [--milestones 10] [--repeat 5]

Generates the portfolio (benchmarks/generate.py, fixed seed) in a temporary
directory, warms the cache with one `pactwatch validate`, then times each
command as a whole process (what a user or CI waits for) and prints the best
of --repeat runs next to the 2 s target (the best, because on a shared machine
the slower runs measure the neighbours).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compiled import compile_pactwatch  # a sibling script: time pactwatch as installed, bytecode compiled
from generate import generate

TARGET_SECONDS = 2.0
PACTWATCH = [sys.executable, "-m", "pactwatch"]


def timed(args: list[str], root: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([*PACTWATCH, *args, "--root", str(root), "--today", "2026-11-27"], capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({result.returncode}): {result.stderr.decode()[-2000:]}")
    return elapsed


def _after_an_edit(root: Path, n: int) -> float:
    """The first `status` after editing one contract (another each time): its shard and the cross-file checks are redone."""
    files = sorted((root / "contracts").rglob("*.yaml"))
    with files[n * 997 % len(files)].open("a", encoding="utf-8") as handle:
        handle.write(f"# edited {n}\n")
    return timed(["status", "--format", "json"], root)


def main() -> int:
    compile_pactwatch()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contracts", type=int, default=10_000)
    parser.add_argument("--milestones", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--calendar", action="store_true", help="calendar: CN, business_day: following, half the payments due_after")
    options = parser.parse_args()
    shape = ", calendar CN with half the payments relative" if options.calendar else ""
    print(f"{options.contracts:,} contracts x {options.milestones} milestones{shape}, {os.cpu_count()} cores, best of {options.repeat}")
    print(f"{'command':38} {'seconds':>8} {'target':>8} {'ratio':>7}", flush=True)
    failed = False

    def show(label: str, seconds: float, target: float | None) -> None:
        nonlocal failed
        ratio = f"{seconds / target:.2f}" if target else ""
        print(f"{label:38} {seconds:8.2f} {(f'{target:.1f}' if target else ''):>8} {ratio:>7}", flush=True)
        failed |= target is not None and seconds > target

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "portfolio"
        generate(root, contracts=options.contracts, milestones=options.milestones, seed=1, calendar=options.calendar)
        show("validate (cold, fills the cache)", timed(["validate"], root), None)
        show("validate (warm)", min(timed(["validate"], root) for _ in range(options.repeat)), None)
        for label, args, target in (
            ("status (text)", ["status"], TARGET_SECONDS),
            ("status --format json", ["status", "--format", "json"], TARGET_SECONDS),
            ("check (text)", ["check"], TARGET_SECONDS),
            ("check --format json", ["check", "--format", "json"], TARGET_SECONDS),
            ("check --format github", ["check", "--format", "github"], TARGET_SECONDS),
            # every occurrence ever (2.3x the rows of the default): shown for scale, the target is for `status` itself
            ("status --all --format json", ["status", "--all", "--format", "json"], None),
            ("report --period month", ["report", "--period", "month"], None),
        ):
            best = min(timed(args, root) for _ in range(options.repeat))
            show(label, best, target)
        show("status --format json, one file edited", min(_after_an_edit(root, n) for n in range(options.repeat)), None)
    print("all targets met" if not failed else "TARGET MISSED")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
