"""Side by side: two installations of pactwatch timed on one generated portfolio, runs interleaved.

    python benchmarks/bench_compare.py --before /tmp/old/.venv/bin/python --after .venv/bin/python [--contracts 10000]

Make the "before" installation from an older commit (``git worktree add /tmp/old <commit>``, a venv there,
``pip install -e /tmp/old``). Both run the same commands on copies of one portfolio, one after the other
in each round, so a busy machine slows both alike and the ratio stays meaningful; the best of --repeat
rounds is printed with the ratio after/before. Each side gets its own cache folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # a sibling script

COMMANDS = (  # label, arguments, cold (no cache before each run)
    ("validate, cold (no cache)", ["validate"], True),
    ("validate, warm", ["validate"], False),
    ("validate one file (the hook)", ["validate", "{one}"], False),
    ("status (text), warm", ["status"], False),
    ("status --format json, warm", ["status", "--format", "json"], False),
    ("check, warm", ["check"], False),
    ("check --format json, warm", ["check", "--format", "json"], False),
    ("feeds", ["feeds", "-o", "{feeds}"], False),
)


def _timed(python: str, args: list[str], root: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([python, "-m", "pactwatch", *args], cwd=root, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{python} {' '.join(args)} failed ({done.returncode}): {done.stderr.decode()[-1500:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", required=True, help="the python of the older installation")
    parser.add_argument("--after", default=sys.executable, help="the python of the newer installation (default: this one)")
    parser.add_argument("--contracts", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pactwatch-compare-"))
    try:
        generate(work / "portfolio", contracts=options.contracts, milestones=10, seed=1)
        sides = {"before": options.before, "after": options.after}
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}  # timed as installed
        env |= {"PACTWATCH_TODAY": "2026-11-27", "NO_COLOR": "1"}
        for side in sides:
            shutil.copytree(work / "portfolio", work / side)
        one = min((work / "portfolio" / "contracts").rglob("*.yaml")).relative_to(work / "portfolio").as_posix()
        print(f"{options.contracts:,} contracts x 10 milestones, best of {options.repeat}, load {os.getloadavg()[0]:.1f}")
        print(f"{'command':32} {'before':>8} {'after':>8} {'after/before':>13}")
        for label, args, cold in COMMANDS:
            best = dict.fromkeys(sides, float("inf"))
            for _ in range(options.repeat):
                for side, python in sides.items():
                    cache = work / f"cache-{side}"
                    if cold:
                        shutil.rmtree(cache, ignore_errors=True)
                        shutil.rmtree(work / side / ".pactwatch-cache", ignore_errors=True)  # where version 1 kept it
                    filled = [a.format(one=one, feeds=work / f"feeds-{side}") for a in args]
                    best[side] = min(best[side], _timed(python, filled, work / side, env | {"PACTWATCH_CACHE_DIR": str(cache)}))
            ratio = best["after"] / best["before"]
            print(f"{label:32} {best['before']:8.2f} {best['after']:8.2f} {ratio:13.2f}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
