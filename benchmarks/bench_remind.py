"""Benchmark: `pactwatch remind --dry-run` on a large portfolio, for one day and with a week to catch up.

    python benchmarks/bench_remind.py [--contracts 10000] [--milestones 10] [--repeat 3]

Generates the portfolio (benchmarks/generate.py, fixed seed), adds a `notify:` block with every
channel, warms the validation cache, then times (best of --repeat, whole process):
- `pactwatch validate` (the floor: loading the portfolio),
- `pactwatch remind --dry-run` for one day (a fresh delivery log),
- the same with a delivery log whose last complete day was a week ago (eight days planned).
It prints the figures and the ratios to validate. No network: a dry run sends nothing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compiled import compile_pactwatch  # a sibling script: time pactwatch as installed, bytecode compiled
from generate import generate

PACTWATCH = [sys.executable, "-m", "pactwatch"]
NOTIFY = """
notify:
  email: {smtp_host: smtp.example.com, from: pactwatch@example.com, username_env: SMTP_USER, password_env: SMTP_PASSWORD}
  webhooks:
    - {type: dingtalk, url_env: DINGTALK_WEBHOOK, secret_env: DINGTALK_SECRET}
    - {type: wecom, url_env: WECOM_WEBHOOK}
    - {type: feishu, url_env: FEISHU_WEBHOOK, secret_env: FEISHU_SECRET}
    - {type: slack, url_env: SLACK_WEBHOOK}
  github: {digest: true}
"""


def best(args: list[str], root: Path, repeat: int) -> tuple[float, str]:
    times, out = [], ""
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(
            [*PACTWATCH, *args, "--root", str(root), "--today", "2026-11-27"], capture_output=True, check=False, text=True
        )
        times.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(args)} failed ({result.returncode}): {result.stderr[-2000:]}")
        out = result.stdout
    return min(times), out


def main() -> int:
    compile_pactwatch()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contracts", type=int, default=10_000)
    parser.add_argument("--milestones", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "portfolio"
        generate(root, contracts=options.contracts, milestones=options.milestones, seed=1)
        settings = root / "pactwatch.yml"
        settings.write_text(settings.read_text(encoding="utf-8") + NOTIFY, encoding="utf-8")
        subprocess.run([*PACTWATCH, "validate", "--root", str(root), "--today", "2026-11-27"], capture_output=True, check=False)
        floor, _ = best(["validate"], root, options.repeat)
        one_day, out = best(["remind", "--dry-run", "--format", "json"], root, options.repeat)
        messages = len(json.loads(out)["messages"])
        state = Path(folder) / "state.json"
        state.write_text(json.dumps({"version": 1, "complete_through": "2026-11-20", "sent": {}}), encoding="utf-8")
        week, out = best(["remind", "--dry-run", "--format", "json", "--state", str(state)], root, options.repeat)
        caught_up = len(json.loads(out)["messages"])
    print(f"portfolio: {options.contracts} contracts x {options.milestones} milestones")
    print(f"validate (floor)              {floor:6.2f} s")
    print(f"remind --dry-run, 1 day       {one_day:6.2f} s  ({one_day / floor:.2f}x validate, {messages} messages)")
    print(f"remind --dry-run, 8 days      {week:6.2f} s  ({week / floor:.2f}x validate, {caught_up} messages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
