"""Time `pactwatch validate` as whole processes, beside check-jsonschema on the same files.

    python benchmarks/bench_validate.py                      # 1,000 and 10,000 contracts, 10 milestones each
    python benchmarks/bench_validate.py --sizes 1000 --repeat 5 --skip-check-jsonschema

For each size it generates a portfolio (benchmarks/generate.py, seed 1) in a
temporary folder and measures, as separate processes started the way a user or
pre-commit starts them:

- cold, --no-cache        no .pactwatch-cache folder, none written
- cold, writing the cache the first run in a fresh clone
- warm                    the cache present and every file unchanged
- one file (hook)         `pactwatch validate contracts/.../X.yaml` with a warm cache, as pre-commit calls it
- check-jsonschema        --schemafile schema/contract.schema.json on every contract file (in xargs-sized batches)

Wall-clock seconds are the best of --repeat runs; CPU seconds (user + system,
child processes included) are shown beside them because on a shared machine
wall time also measures the neighbours. Targets (2 cores): 10,000 cold <= 15 s
and >= 10x faster than check-jsonschema, warm <= 1.5 s, one file <= 0.6 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compiled import compile_pactwatch  # a sibling script: time pactwatch as installed, bytecode compiled
from generate import generate  # a sibling script, not a package

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "schema" / "contract.schema.json"
ARG_BYTES = 128 * 1024  # what xargs passes per command by default
TARGETS = {"cold": 15.0, "warm": 1.5, "hook": 0.6, "ratio": 10.0}


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.wall:7.2f} s ({self.cpu:6.2f} cpu)"


ENV = dict(os.environ)


def snapshot(base: Path) -> None:
    """Run a copy of the code as it is now: an edit in the working tree mid-run would otherwise invalidate the cache."""
    for name in ("toolkit/pactwatch", "schema", "templates"):
        shutil.copytree(REPO / name, base / "snapshot" / name, ignore=shutil.ignore_patterns("__pycache__"))
    ENV["PYTHONPATH"] = str(base / "snapshot" / "toolkit")


def run(command: Sequence[str], cwd: Path) -> Timing:
    """Run a command to completion; its wall time and the CPU time of it and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])} ... exited {done.returncode}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def best(command: Sequence[str], cwd: Path, repeat: int, before_each: str = "") -> Timing:
    timings = []
    for _ in range(repeat):
        if before_each == "drop-cache":
            shutil.rmtree(cwd / ".pactwatch-cache", ignore_errors=True)
        timings.append(run(command, cwd))
    return min(timings, key=lambda t: t.wall)


def batches(files: list[str], limit: int = ARG_BYTES) -> list[list[str]]:
    """Split an argument list the way xargs does, so no command line is too long."""
    out: list[list[str]] = [[]]
    size = 0
    for name in files:
        if out[-1] and size + len(name) + 1 > limit:
            out.append([])
            size = 0
        out[-1].append(name)
        size += len(name) + 1
    return out


def check_jsonschema(tool: str, root: Path) -> Timing:
    files = sorted(p.relative_to(root).as_posix() for p in (root / "contracts").rglob("*.yaml"))
    total = Timing(0.0, 0.0)
    for chunk in batches(files):
        part = run([tool, "--schemafile", str(SCHEMA), *chunk], root)
        total = Timing(total.wall + part.wall, total.cpu + part.cpu)
    return total


def measure(pactwatch: str, tool: str | None, root: Path, repeat: int) -> dict[str, Timing]:
    one = sorted((root / "contracts").rglob("*.yaml"))[len(list((root / "contracts").rglob("*.yaml"))) // 2]
    results = {
        "cold": best([pactwatch, "validate", "--no-cache"], root, repeat, "drop-cache"),
        "cold+cache": best([pactwatch, "validate"], root, repeat, "drop-cache"),
    }
    run([pactwatch, "validate"], root)  # make sure the cache is there and current
    results["warm"] = best([pactwatch, "validate"], root, repeat)
    results["hook"] = best([pactwatch, "validate", one.relative_to(root).as_posix()], root, repeat)
    if tool is not None:
        results["check-jsonschema"] = check_jsonschema(tool, root)
    return results


def report(size: int, megabytes: float, results: dict[str, Timing]) -> list[str]:
    lines = [f"{size:,} contracts ({megabytes:.1f} MB of YAML)"]
    labels = {
        "cold": "pactwatch validate --no-cache (cold)",
        "cold+cache": "pactwatch validate, cache deleted (writes it)",
        "warm": "pactwatch validate, warm cache, nothing changed",
        "hook": "pactwatch validate <one file> (pre-commit), warm",
        "check-jsonschema": "check-jsonschema, same contract files",
    }
    lines += [f"  {labels[key]:<50} {timing}" for key, timing in results.items()]
    if "check-jsonschema" in results:
        ratio = results["check-jsonschema"].wall / results["cold"].wall
        cpu_ratio = results["check-jsonschema"].cpu / results["cold"].cpu
        lines.append(f"  {'check-jsonschema / pactwatch cold':<50} {ratio:7.1f} x   ({cpu_ratio:.1f} x in cpu time)")
    return lines


def verdicts(results: dict[str, Timing]) -> list[str]:
    checks = [
        ("10,000 cold <= 15 s", results["cold"].wall <= TARGETS["cold"]),
        ("warm re-validation <= 1.5 s", results["warm"].wall <= TARGETS["warm"]),
        ("one file via the hook <= 0.6 s", results["hook"].wall <= TARGETS["hook"]),
    ]
    if "check-jsonschema" in results:
        checks.append((">= 10x faster than check-jsonschema", results["check-jsonschema"].wall / results["cold"].wall >= TARGETS["ratio"]))
    return [f"  {'met ' if ok else 'MISSED'}  {name}" for name, ok in checks]


def main(argv: Sequence[str] | None = None) -> int:
    compile_pactwatch()
    parser = argparse.ArgumentParser(description="Benchmark pactwatch validate against check-jsonschema.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--milestones", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3, help="runs per pactwatch measurement; the fastest counts")
    parser.add_argument("--pactwatch", default=str(Path(sys.executable).with_name("pactwatch")))
    parser.add_argument("--check-jsonschema", dest="tool", default=str(Path(sys.executable).with_name("check-jsonschema")))
    parser.add_argument("--skip-check-jsonschema", action="store_true")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--live", action="store_true", help="run the working tree's code, not a snapshot taken at the start")
    args = parser.parse_args(argv)
    tool = None if args.skip_check_jsonschema else args.tool
    print(f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cpus, load {os.getloadavg()[0]:.1f} at start")
    base = args.keep or Path(tempfile.mkdtemp(prefix="pactwatch-bench-"))
    output: list[str] = []
    try:
        if not args.live:
            snapshot(base)
        for size in args.sizes:
            root = base / f"portfolio-{size}"
            generate(root, size, args.milestones, seed=1)
            megabytes = sum(p.stat().st_size for p in (root / "contracts").rglob("*.yaml")) / 1e6
            results = measure(args.pactwatch, tool, root, args.repeat)
            output += report(size, megabytes, results)
            if size == 10000:
                output += verdicts(results)
            print("\n".join(output[-len(results) - 6 :]), flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    print(f"\nload {os.getloadavg()[0]:.1f} at the end\n" + "\n".join(output))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
