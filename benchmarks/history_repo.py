"""A git repository with a realistic history of contract changes, for the plan-versus-actual demo and benchmark.

    python benchmarks/history_repo.py OUT_DIR                              # the demo: 40 contracts, a year of commits
    python benchmarks/history_repo.py OUT_DIR --contracts 1000 --commits 20  # the benchmark's 20,000 commits

Each contract is added as a draft, negotiated, signed (``status: active``), and then lives: milestones
are completed (some late), some due dates are moved (re-plans, about one change in four), and changes
arrive as squash merges ``Title (#N)`` or merge commits ``Merge pull request #N from owner/branch``,
from 2025-11-03 to 2026-11-20. Written with one ``git fast-import``: 20,000 commits take seconds.
The same seed gives the same repository.
"""

from __future__ import annotations

import argparse
import random
import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

START, END = date(2025, 11, 3), date(2026, 11, 20)
PEOPLE = [("ann", "Ann Lee"), ("bo", "王博"), ("cy", "Chen Yu"), ("dee", "Dee Park")]
SETTINGS = "timezone: Asia/Shanghai\nlanguage: en\ncurrency: CNY\nrisk: {replans: 2, slip_days: 30}\n"
COUNTERPARTIES = ["ACME Ltd", "上海星瀚智能科技有限公司", "Northwind Traders", "苏州恒远物流", "Globex GmbH", "杭州云帆软件"]
KINDS = ["payment", "delivery", "acceptance", "payment", "service", "payment"]
TITLES = ["Advance payment 30%", "Delivery", "Acceptance", "Payment 60% after acceptance", "Mid-term service visit", "Retention 10%"]


@dataclass
class Milestone:
    id: str
    title: str
    kind: str
    due: date
    owner: str
    amount: int | None
    done: date | None = None


@dataclass
class Contract:
    id: str
    counterparty: str
    owner: str
    status: str = "draft"
    milestones: list[Milestone] = field(default_factory=list)

    def text(self) -> str:
        lines = [
            f"id: {self.id}",
            f"title: Supply agreement {self.id}",
            "type: sales",
            f"status: {self.status}",
            f"owner: {self.owner}",
            f'counterparty: {{name: "{self.counterparty}"}}',
            f"value: {{amount: {sum(m.amount or 0 for m in self.milestones)}, currency: CNY}}",
            "milestones:",
        ]
        for m in self.milestones:
            lines += [f"  - id: {m.id}", f"    title: {m.title}", f"    kind: {m.kind}", f"    due: {m.due}", f"    owner: {m.owner}"]
            if m.amount is not None:
                lines.append(f"    amount: {m.amount}")
            if m.done is not None:
                lines += ["    status: done", f"    completed_on: {m.done}"]
        return "\n".join(lines) + "\n"


def _contract(rng: random.Random, number: int, begins: date) -> Contract:
    owner = rng.choice(PEOPLE)[0]
    c = Contract(f"C-{number:04d}", rng.choice(COUNTERPARTIES), owner)
    due = begins + timedelta(days=rng.randint(20, 45))
    for i, (kind, title) in enumerate(zip(KINDS, TITLES, strict=True)):
        amount = rng.randint(1, 40) * 10_000 if kind == "payment" else None
        c.milestones.append(Milestone(f"M{i + 1}", title, kind, due, rng.choice(PEOPLE)[0], amount))
        due += timedelta(days=rng.randint(25, 70))
    return c


def _step(rng: random.Random, c: Contract, step: int, day: date) -> str:
    """Change the contract as the ``step``-th commit on it would, and say what was done."""
    if step == 1:
        for m in c.milestones:
            m.due += timedelta(days=rng.choice((0, 7, 14)))
        return f"Negotiate the schedule of {c.id}"
    if step == 2:
        c.status = "active"
        return f"Sign {c.id}"
    open_ones = [m for m in c.milestones if m.done is None]
    late = [m for m in open_ones if m.due <= day]
    if late and rng.random() < 0.7:
        m = late[0]
        m.done = min(day, m.due + timedelta(days=rng.choice((0, 0, 0, 3, 12, 30))))
        return f"{c.id}: {m.title} done"
    if open_ones and rng.random() < 0.6:
        m = rng.choice(open_ones)
        m.due += timedelta(days=rng.choice((14, 21, 30, 45)))
        return f"{c.id}: move {m.title} to {m.due}"
    c.milestones[-1].title = c.milestones[-1].title.rstrip(" *") + (" *" if step % 2 else "")
    return f"{c.id}: wording"


def _stream(contracts: int, commits: int, seed: int) -> bytes:
    rng = random.Random(seed)
    span = (END - START).days
    events: list[tuple[date, int, int]] = []  # (day, contract, step)
    for n in range(contracts):
        first = rng.randint(0, span * 2 // 3)
        days = sorted(rng.randint(first, span) for _ in range(commits - 1))
        events += [(START + timedelta(days=d), n, step) for step, d in enumerate([first, *days])]
    events.sort()
    table = [_contract(rng, n + 1, START + timedelta(days=events[0][0].toordinal() % 7)) for n in range(contracts)]
    out: list[bytes] = []
    people = "people:\n" + "".join(f"  - {{id: {i}, name: {name}}}\n" for i, name in PEOPLE)
    for mark, (day, n, step) in enumerate(events, start=1):
        c = table[n]
        if step == 0:
            c.milestones = _contract(rng, n + 1, day).milestones
            message = f"Add {c.id} (draft)"
        else:
            message = _step(rng, c, step, day)
        author = PEOPLE[mark % len(PEOPLE)][1]
        if mark % 5 == 0:
            message = f"Merge pull request #{mark} from {PEOPLE[n % 4][0]}/{c.id.lower()}\n\n{message}"
        else:
            message = f"{message} (#{mark})"
        stamp = int(datetime(day.year, day.month, day.day, 10, mark % 60, tzinfo=timezone(timedelta(hours=8))).timestamp())
        body = message.encode()
        out.append(b"commit refs/heads/main\n")
        out.append(f"mark :{mark}\ncommitter {author} <dev@example.com> {stamp} +0800\ndata {len(body)}\n".encode() + body + b"\n")
        if mark > 1:
            out.append(f"from :{mark - 1}\n".encode())
        files = {f"contracts/{c.id}.yaml": c.text()}
        if mark == 1:
            files |= {"pactwatch.yml": SETTINGS, "people.yaml": people}
        for path, text in files.items():
            data = text.encode()
            out.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")
    return b"".join(out)


def build(out: Path, contracts: int = 40, commits: int = 12, seed: int = 1) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=out, check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=out, input=_stream(contracts, commits, seed), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=out, check=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--contracts", type=int, default=40)
    parser.add_argument("--commits", type=int, default=12, help="commits touching each contract")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    build(args.out, args.contracts, args.commits, args.seed)
    print(f"{args.out}: {args.contracts} contracts, {args.contracts * args.commits} commits")


if __name__ == "__main__":
    main()
