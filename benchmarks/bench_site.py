"""Benchmark of `pactwatch build`: the whole site (validation, evaluation, pages, feeds, mkdocs-material).

    python benchmarks/bench_site.py                 # 1,000 and 10,000 contracts, 10 milestones each
    python benchmarks/bench_site.py --sizes 1000 --keep /tmp/bench

Each build runs in a fresh process, cold (no validation cache, no build
folder), as `pactwatch build` would on CI. Printed per size: wall time all
told, the phases (load+evaluate, pages+feeds, mkdocs), CPU time of the build
process and its workers, the average contract page (HTML) and the site size.
Then the targets: 10,000 contracts in at most 120 s, time(10,000)/time(1,000)
at most 12, contract pages at most 60 KB on average.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compiled import compile_pactwatch  # a sibling script: time pactwatch as installed, bytecode compiled
from generate import generate  # a sibling script, not a package

TODAY = date(2026, 11, 27)
TARGET_SECONDS = 120.0
TARGET_RATIO = 12.0
TARGET_PAGE_BYTES = 60_000


def one_build(root: Path) -> dict[str, float]:
    """Run in a child process: one cold build, timed."""
    from pactwatch.site.build import build_site

    started = time.perf_counter()
    result = build_site(root, TODAY, out=root / "site")
    wall = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    pages = [p.stat().st_size for p in (root / "site" / "contracts").glob("*.html") if p.name != "index.html"]
    size = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file())
    return {
        "wall": wall,
        "cpu": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        **{f"phase_{k}": v for k, v in result.seconds.items()},
        **{f"cpu_{k}": v for k, v in result.cpu_seconds.items()},
        "contracts": result.contracts,
        "milestones": result.milestones,
        "pages": result.pages,
        "feeds": result.feeds,
        "page_avg": sum(pages) / max(len(pages), 1),
        "site_mb": size / 1e6,
        "search_mb": (root / "site" / "search" / "search_index.json").stat().st_size / 1e6,
    }


def measure(workdir: Path, contracts: int, milestones: int) -> dict[str, float]:
    root = workdir / f"portfolio-{contracts}"
    if root.exists():
        shutil.rmtree(root)
    generate(root, contracts, milestones, seed=1)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.perf_counter()
    run = subprocess.run([sys.executable, __file__, "--child", str(root)], capture_output=True, text=True, check=False, env=env)
    total = time.perf_counter() - started
    if run.returncode != 0:
        raise SystemExit(f"build of {contracts} contracts failed:\n{run.stderr}")
    figures: dict[str, float] = json.loads(run.stdout.strip().splitlines()[-1])
    figures["process"] = total  # including interpreter start and imports
    return figures


def report(size: int, f: dict[str, float]) -> None:
    print(
        f"{size:>6} contracts: {f['process']:6.1f} s all told (build {f['wall']:.1f} s: load {f['phase_load']:.1f}, "
        f"pages {f['phase_pages']:.1f}, mkdocs {f['phase_mkdocs']:.1f}, feeds {f['phase_feeds']:.1f}) | "
        f"cpu {f['cpu']:.1f} s (load {f['cpu_load']:.1f}, pages {f['cpu_pages']:.1f}, "
        f"mkdocs {f['cpu_mkdocs']:.1f}, feeds {f['cpu_feeds']:.1f}) | "
        f"{int(f['milestones'])} milestones, {int(f['pages'])} pages, {int(f['feeds'])} feeds | "
        f"contract page {f['page_avg'] / 1000:.1f} KB avg, site {f['site_mb']:.0f} MB, search index {f['search_mb']:.1f} MB"
    )


def main(argv: list[str] | None = None) -> int:
    compile_pactwatch()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--milestones", type=int, default=10)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary folder)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(one_build(args.child)))
        return 0
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="pactwatch-bench-site-"))
    print(f"pactwatch build benchmark on {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (other work slows the wall times)")
    results = {}
    try:
        for size in args.sizes:
            results[size] = measure(workdir, size, args.milestones)
            report(size, results[size])
            print(f"        load average now {os.getloadavg()[0]:.1f}")
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    ok = True
    if 10000 in results:
        seconds = results[10000]["process"]
        ok &= seconds <= TARGET_SECONDS
        print(f"10,000 contracts: {seconds:.1f} s (target <= {TARGET_SECONDS:.0f} s) {'ok' if seconds <= TARGET_SECONDS else 'MISSED'}")
    if 1000 in results and 10000 in results:
        ratio = results[10000]["process"] / results[1000]["process"]
        ok &= ratio <= TARGET_RATIO
        print(f"time(10,000) / time(1,000) = {ratio:.1f} (target <= {TARGET_RATIO:.0f}) {'ok' if ratio <= TARGET_RATIO else 'MISSED'}")
    for size, f in results.items():
        fits = f["page_avg"] <= TARGET_PAGE_BYTES
        ok &= fits
        print(f"{size} contracts: contract page {f['page_avg'] / 1000:.1f} KB on average (target <= 60 KB) {'ok' if fits else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
