"""Benchmark: `pactwatch export` (xlsx and csv) and `pactwatch import` of that export on a large portfolio.

    python benchmarks/bench_ledger.py [--contracts 1000] [--milestones 10]

Generates the portfolio (benchmarks/generate.py, fixed seed), exports it, imports
the export into an empty portfolio (which renders and validates every contract
before writing it), and times each as a whole process. It prints wall-clock and
CPU seconds (CPU is the steadier figure on a busy machine) and checks that the
import wrote every contract.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compiled import compile_pactwatch  # a sibling script: time pactwatch as installed, bytecode compiled
from generate import generate  # the sibling script, importable when run from anywhere

PACTWATCH = [sys.executable, "-m", "pactwatch"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str]) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds of one whole process (CPU is steadier on a busy machine)."""
    start, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run([*PACTWATCH, *args, "--today", "2026-11-27"], capture_output=True, check=False)
    elapsed, used = time.perf_counter() - start, _children_cpu() - cpu
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({result.returncode}): {result.stderr.decode()[-2000:]}")
    return elapsed, used, result.stderr.decode() + result.stdout.decode()


def main() -> int:
    compile_pactwatch()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contracts", type=int, default=1000)
    parser.add_argument("--milestones", type=int, default=10)
    options = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "portfolio"
        generate(root, contracts=options.contracts, milestones=options.milestones, seed=1)
        for kind in ("xlsx", "csv"):
            out = Path(tmp) / f"ledger.{kind}"
            seconds, cpu, said = timed(["export", "--root", str(root), "-o", str(out)])
            rows.append((f"export {kind}", seconds, cpu, out.stat().st_size))
            target = Path(tmp) / f"import-{kind}"
            (target / "contracts").mkdir(parents=True)
            for name in ("pactwatch.yml", "people.yaml"):
                shutil.copy2(root / name, target / name)
            seconds, cpu, said = timed(["import", str(out), "--root", str(target)])
            written = sum(1 for _ in (target / "contracts").rglob("*.yaml"))
            if written != options.contracts:
                raise SystemExit(f"import of the {kind} export wrote {written} of {options.contracts} contracts:\n{said[-2000:]}")
            rows.append((f"import {kind} (validates each file)", seconds, cpu, out.stat().st_size))
    print(f"{options.contracts:,} contracts x {options.milestones} milestones, {os.cpu_count()} cores")
    print(f"{'step':36} {'wall s':>8} {'CPU s':>8} {'contracts/CPU s':>16} {'file MB':>8}")
    for label, seconds, cpu, size in rows:
        print(f"{label:36} {seconds:8.2f} {cpu:8.2f} {options.contracts / cpu:16.0f} {size / 1e6:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
