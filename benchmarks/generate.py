"""A deterministic synthetic portfolio for benchmarks: N contracts with M milestones each.

    python benchmarks/generate.py OUT_DIR --contracts 10000 --milestones 10 --seed 1

or, from another benchmark, ``generate(Path(out), contracts=1000, milestones=10, seed=1)``.

The same seed gives the same bytes. The portfolio validates without a single
finding against today = 2026-11-27, and looks like a real one: every contract
type and milestone kind, milestones done on time, done late, overdue (some
acknowledged) and upcoming, monthly and quarterly recurring milestones,
Chinese and English titles, ~20% of contracts renewing automatically with a
notice period, ~50 people with managers, and ~300 counterparties of which a
few hold much of the business.
"""

from __future__ import annotations

import argparse
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

from pactwatch.dates import add_months

TODAY = date(2026, 11, 27)
STATED_SIDES = {"service": "buy", "lease": "buy", "framework": "sell", "other": "buy"}
TYPES = {  # type -> (id prefix, Chinese name, English name)
    "sales": ("C", "销售", "Sales"),
    "purchase": ("P", "采购", "Purchase"),
    "service": ("S", "服务", "Service"),
    "lease": ("L", "租赁", "Lease"),
    "nda": ("N", "保密", "Non-Disclosure"),
    "framework": ("F", "框架", "Framework"),
    "other": ("O", "合作", "Cooperation"),
}
TYPE_WEIGHTS = (30, 25, 20, 8, 7, 6, 4)
KINDS = ("payment", "delivery", "acceptance", "service", "report", "renewal", "other")
KIND_TITLES = {
    "payment": (("预付款", "进度款", "验收款", "尾款", "质保金"), ("Advance payment", "Progress payment", "Final payment", "Retention")),
    "delivery": (("设备交付", "首批交付", "软件上线", "资料移交"), ("Delivery", "First shipment", "Go-live", "Handover")),
    "acceptance": (("初验", "终验", "现场验收"), ("Preliminary acceptance", "Final acceptance", "Site acceptance")),
    "service": (("巡检服务", "培训", "年度维保"), ("Inspection visit", "Training", "Annual maintenance")),
    "report": (("月度报告", "季度报告", "审计报告"), ("Monthly report", "Quarterly report", "Audit report")),
    "renewal": (("续约评估", "续约决定"), ("Renewal review", "Renewal decision")),
    "other": (("保函退还", "资质复核", "年度对账"), ("Bond release", "Licence review", "Annual reconciliation")),
}
PRODUCTS: tuple[tuple[str, str], ...] = (
    ("智能分拣设备", "Sorting Equipment"),
    ("云服务器", "Cloud Servers"),
    ("办公场地", "Office Space"),
    ("物流运输", "Logistics"),
    ("IT运维", "IT Operations"),
    ("原材料", "Raw Materials"),
    ("咨询", "Consulting"),
    ("软件许可", "Software Licences"),
)
SURNAMES = ("zhang", "wang", "li", "zhao", "chen", "liu", "yang", "huang", "zhou", "wu", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin")
GIVEN = ("wei", "fang", "na", "min", "jing", "lei", "yang", "hao", "qiang", "li", "jun", "yan", "tao", "ming", "xia", "bo")
TEAMS = ("sales", "procurement", "finance", "legal", "operations", "it")
CITIES = ("上海", "北京", "深圳", "杭州", "苏州", "成都", "武汉", "南京", "广州", "天津")
WORDS = ("星瀚", "博睿", "远景", "华信", "启明", "致远", "恒通", "德润", "新程", "安泰", "宏图", "明达", "众合", "领航", "嘉禾")
TRADES = ("智能科技", "信息技术", "物流", "物业管理", "电子", "制造", "咨询", "贸易")
EN_WORDS = ("Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Tyrell", "Cyberdyne", "Soylent")
EN_TRADES = ("Components", "Logistics", "Software", "Consulting", "Holdings", "Systems")


@dataclass
class Pools:
    people: list[str]
    parties: list[tuple[str, str]]  # (id, name)
    weights: list[float]
    chinese: bool = True  # the language of the contract being written
    stale: bool = False  # old milestones stay open as often as last month's (see open_share)


@dataclass
class Plan:
    """One milestone before it is written."""

    id: str
    title: str
    kind: str
    due: date
    owner: str
    amount: Decimal | None = None
    status: str = "pending"
    completed_on: date | None = None
    depends_on: str | None = None
    ack_until: date | None = None
    repeat: str = ""
    completed: dict[date, date] = field(default_factory=dict)
    due_after: str = ""  # with --calendar: "{milestone: M2, days: 30}" instead of due


def people_pool(rng: random.Random, count: int = 50) -> list[tuple[str, str, str, str | None]]:
    """(id, display name, team, manager) for ``count`` people; managers form a tree."""
    names = [f"{s}.{g}" for s in SURNAMES for g in GIVEN]
    rng.shuffle(names)
    people: list[tuple[str, str, str, str | None]] = []
    for index, pid in enumerate(sorted(names[:count])):
        manager = None if index == 0 else people[rng.randrange(max(1, min(index, 1 + index // 4)))][0]
        display = " ".join(part.capitalize() for part in pid.split("."))
        people.append((pid, display, TEAMS[index % len(TEAMS)], manager))
    return people


def party_pool(rng: random.Random, count: int = 300) -> tuple[list[tuple[str, str]], list[float]]:
    """Counterparties with Zipf-like weights, so that a few dominate."""
    names: set[str] = set()
    while len(names) < count:
        if rng.random() < 0.75:
            names.add(f"{rng.choice(CITIES)}{rng.choice(WORDS)}{rng.choice(TRADES)}有限公司")
        else:
            names.add(f"{rng.choice(EN_WORDS)} {rng.choice(EN_TRADES)} Ltd")
    ordered = sorted(names)
    rng.shuffle(ordered)
    parties = [(f"cp-{index:03d}", name) for index, name in enumerate(ordered)]
    return parties, [1 / (rank + 1) ** 1.1 for rank in range(count)]


def write_settings(out: Path, calendar: bool = False) -> None:
    (out / "pactwatch.yml").write_text(
        "# yaml-language-server: $schema=schema/settings.schema.json\n"
        "timezone: Asia/Shanghai\nlanguage: zh\ncurrency: CNY\nreminders: [7, 3, 0]\ndue_soon_days: 7\nescalate_after_days: 7\n"
        "site_url: https://contracts.example.com/\nrepository: example-co/contracts\n"
        + ("calendar: {country: CN}\nbusiness_day: following\n" if calendar else ""),
        encoding="utf-8",
    )


def make_relative(plans: list[Plan]) -> None:
    """Every second payment (after a one-off milestone) becomes due 30 days, or 10 working days, after the one before it."""
    payments = 0
    for previous, plan in pairwise(plans):
        if plan.kind != "payment" or previous.repeat:
            continue
        payments += 1
        if payments % 2:
            plan.due_after = f"{{milestone: {previous.id}, " + ("days: 30}" if payments % 4 == 1 else "working_days: 10}")


def write_people(out: Path, people: list[tuple[str, str, str, str | None]]) -> None:
    lines = ["# yaml-language-server: $schema=schema/people.schema.json", "people:"]
    for pid, display, team, manager in people:
        lines += [f"  - id: {pid}", f"    name: {display}", f"    email: {pid}@example.com", f"    github: {pid.replace('.', '-')}-ec"]
        lines += [f"    team: {team}"] + ([f"    manager: {manager}"] if manager else [])
    (out / "people.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def money(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'))}"


def term_for(rng: random.Random, status: str) -> tuple[date, date]:
    months = rng.choice((6, 12, 12, 12, 24, 36))
    if status in ("completed", "expired"):
        end = TODAY - timedelta(days=rng.randint(10, 400))
        return add_months(end, -months) + timedelta(days=1), end
    if status == "draft":
        start = TODAY + timedelta(days=rng.randint(5, 90))
    else:
        start = TODAY - timedelta(days=rng.randint(30, 700))
        while add_months(start, months) <= TODAY + timedelta(days=30):
            months += 12
    return start, add_months(start, months) - timedelta(days=1)


def open_share(age: int, stale: bool) -> float:
    """How many milestones ``age`` days past due are still open: a quarter of last month's, fewer the older
    they are, as in a portfolio someone tracks (the escalations close or waive old items). Until 2026-12
    a quarter of every past milestone stayed open for ever, so the aggregate feeds held 9,500 overdue
    items of up to 700 days at 10,000 contracts; ``--stale`` keeps that for stress tests."""
    if stale:
        return 0.24
    return 0.24 if age <= 30 else 0.12 if age <= 90 else 0.04 if age <= 365 else 0.015


def settle(rng: random.Random, plan: Plan, closed: bool, stale: bool = False) -> None:
    """Give a one-off milestone a status consistent with its due date and today."""
    roll = rng.random()
    if plan.due <= TODAY or closed:
        still_open = open_share((TODAY - plan.due).days, stale)
        if closed or roll < (1 - still_open) * 0.9:
            late = rng.random() < 0.35
            delta = rng.randint(1, 25) if late else -rng.randint(0, 5)
            plan.status, plan.completed_on = "done", min(plan.due + timedelta(days=delta), TODAY)
        elif roll < 1 - still_open:
            plan.status = rng.choice(("waived", "cancelled"))
        else:
            plan.status = rng.choice(("pending", "in_progress"))
            if rng.random() < 0.25:
                plan.ack_until = TODAY + timedelta(days=rng.randint(3, 30))
    elif roll < 0.05 and plan.due - TODAY < timedelta(days=40):
        plan.status, plan.completed_on = "done", TODAY - timedelta(days=rng.randint(0, 3))  # done early
    elif roll < 0.12:
        plan.status = "in_progress"


def recurring(rng: random.Random, index: int, term: tuple[date, date], owner: str, budget: Decimal, closed: bool, lang: int) -> Plan:
    """A monthly report or a quarterly fee, with its completed occurrences recorded."""
    start, end = term
    quarterly = budget > 0 and rng.random() < 0.4
    first = date(start.year, start.month, min(start.day, 28)) + timedelta(days=27)
    step = 3 if quarterly else 1
    occurrences = [d for d in (add_months(first, step * n) for n in range(200)) if d <= end]
    kind = "payment" if quarterly else rng.choice(("report", "service"))
    plan = Plan(f"R{index}", rng.choice(KIND_TITLES[kind][lang]), kind, first, owner)
    plan.repeat = f"{{every: {step} month{'s' if step > 1 else ''}, until: {occurrences[-1].isoformat()}}}"
    if quarterly:
        plan.amount = (budget / len(occurrences)).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    skip_last = not closed and rng.random() < 0.3
    past = [d for d in occurrences if d <= TODAY]
    for due in past[:-1] if skip_last and past else past:
        plan.completed[due] = min(due + timedelta(days=rng.randint(-2, 12)), TODAY)
    return plan


def plan_milestones(rng: random.Random, pools: Pools, count: int, term: tuple[date, date], value: Decimal, closed: bool) -> list[Plan]:
    start, end = term
    lang = 0 if pools.chinese else 1
    plans: list[Plan] = []
    budget = value * Decimal("0.4")
    if count >= 3 and rng.random() < 0.3:
        plans.append(recurring(rng, 1, (start, end), rng.choice(pools.people), budget, closed, lang))
        budget = Decimal(0) if plans[0].amount is None else value * Decimal("0.6") - plans[0].amount * len(plans[0].completed)
    span = max((end - start).days, 1)
    dues = sorted(start + timedelta(days=rng.randint(0, span)) for _ in range(count - len(plans)))
    kinds = [KINDS[(n + rng.randrange(len(KINDS))) % len(KINDS)] for n in range(len(dues))]
    payments = [n for n, kind in enumerate(kinds) if kind == "payment"]
    shares = [Decimal(rng.randint(1, 9)) for _ in payments]
    pay_total = value - (budget if plans and plans[0].amount is not None else Decimal(0))
    pay_total = min(pay_total, value * Decimal("0.6") if plans and plans[0].amount is not None else value)
    for n, (due, kind) in enumerate(zip(dues, kinds, strict=True)):
        plan = Plan(f"M{n + 1}", rng.choice(KIND_TITLES[kind][lang]), kind, due, rng.choice(pools.people))
        if n in payments:
            share = shares[payments.index(n)] / sum(shares)
            plan.amount = (pay_total * share).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
        settle(rng, plan, closed, pools.stale)
        previous = plans[-1] if plans and not plans[-1].repeat else None
        if previous is not None and rng.random() < 0.4 and (previous.status == "done" or plan.status != "done"):
            plan.depends_on = previous.id
        plans.append(plan)
    return plans


def milestone_lines(plan: Plan) -> Iterator[str]:
    yield f"  - id: {plan.id}"
    yield f"    title: {plan.title}"
    yield f"    kind: {plan.kind}"
    yield f"    due_after: {plan.due_after}" if plan.due_after else f"    due: {plan.due.isoformat()}"
    yield f"    owner: {plan.owner}"
    if plan.amount is not None:
        yield f"    amount: {money(plan.amount)}"
    if plan.depends_on:
        yield f"    depends_on: [{plan.depends_on}]"
    if plan.repeat:
        yield f"    repeat: {plan.repeat}"
    if plan.completed:
        yield "    completed:"
        yield from (f"      {due.isoformat()}: {done.isoformat()}" for due, done in sorted(plan.completed.items()))
    if plan.status != "pending":
        yield f"    status: {plan.status}"
    if plan.completed_on is not None:
        yield f"    completed_on: {plan.completed_on.isoformat()}"
        yield f"    evidence: 凭证 {plan.id}-{plan.completed_on:%Y%m%d}"
    if plan.ack_until is not None:
        yield f"    ack: {{until: {plan.ack_until.isoformat()}, note: 已与相对方确认延期}}"


def contract_text(rng: random.Random, pools: Pools, number: int, milestones: int, calendar: bool = False) -> tuple[str, str]:
    """(relative path, YAML text) of contract ``number``."""
    ctype = rng.choices(list(TYPES), TYPE_WEIGHTS)[0]
    prefix, type_cn, type_en = TYPES[ctype]
    status = rng.choices(("active", "completed", "expired", "draft", "terminated"), (70, 12, 6, 6, 6))[0]
    start, end = term_for(rng, status)
    cid = f"{prefix}-{start.year}-{number:05d}"
    product_cn, product_en = rng.choice(PRODUCTS)
    pools.chinese = rng.random() < 0.65
    title = f"{start.year}年度{product_cn}{type_cn}合同" if pools.chinese else f"{product_en} {type_en} Agreement {start.year}"
    party_id, party = rng.choices(pools.parties, pools.weights)[0]
    currency = rng.choices(("CNY", "USD", "EUR"), (85, 10, 5))[0]
    value = Decimal(rng.randint(20, 5000) * 1000)
    lines = ["# yaml-language-server: $schema=../../../schema/contract.schema.json", f"id: {cid}", f"title: {title}"]
    lines += [
        f"type: {ctype}",
        *([f"side: {STATED_SIDES[ctype]}"] if ctype in STATED_SIDES else []),  # the types that do not imply it (PW356)
        f"status: {status}",
        f"owner: {rng.choice(pools.people)}",
        f"counterparty: {{id: {party_id}, name: {party}}}",
    ]
    lines += [
        f"value: {{amount: {money(value)}, currency: {currency}}}",
        f"signed_on: {(start - timedelta(days=rng.randint(3, 40))).isoformat()}",
    ]
    renew = f", auto_renew: true, renewal_months: 12, notice_days: {rng.choice((30, 60, 90))}" if rng.random() < 0.2 else ""
    lines += [f"term: {{start: {start.isoformat()}, end: {end.isoformat()}{renew}}}"]
    lines += ["terms:", f"  payment_days: {rng.choice((15, 30, 45, 60))}", f"  warranty_months: {rng.choice((0, 6, 12, 24))}"]
    lines.append("milestones:")
    plans = plan_milestones(rng, pools, milestones, (start, end), value, closed=status == "completed")
    if calendar:
        make_relative(plans)
    for plan in plans:
        lines.extend(milestone_lines(plan))
    if rng.random() < 0.15:
        lines += ["amendments:", f"  - {{id: A1, date: {(start + timedelta(days=20)).isoformat()}, summary: 交付日期顺延两周}}"]
    lines += ["documents:", f'  - {{title: 合同扫描件, url: "https://dms.example.com/c/{cid}"}}']
    lines += [
        f"tags: [{product_en.lower().replace(' ', '-')}, {type_en.lower()}]",
        f"confidential: {'true' if rng.random() < 0.1 else 'false'}",
    ]
    return f"contracts/{ctype}/{start.year}/{cid}.yaml", "\n".join(lines) + "\n"


def generate(out: Path, contracts: int, milestones: int, seed: int, calendar: bool = False, *, stale: bool = False) -> None:
    """Write a portfolio of ``contracts`` contracts with ``milestones`` milestones each into ``out``.

    ``calendar``: settings with the Chinese working-day calendar and following, and half the payments relative (due_after).
    """
    if milestones < 1:
        raise ValueError("every contract needs at least one milestone")
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    if (out / "contracts").exists():
        shutil.rmtree(out / "contracts")
    people = people_pool(rng)
    parties, weights = party_pool(rng)
    pools = Pools([p[0] for p in people], parties, weights, stale=stale)
    write_settings(out, calendar)
    write_people(out, people)
    for number in range(1, contracts + 1):
        rel, text = contract_text(rng, pools, number, milestones, calendar)
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("--contracts", type=int, default=1000)
    parser.add_argument("--milestones", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--calendar", action="store_true", help="calendar: CN, business_day: following, half the payments due_after")
    parser.add_argument("--stale", action="store_true", help="old milestones stay open as often as last month's (see open_share)")
    args = parser.parse_args(argv)
    generate(args.out, args.contracts, args.milestones, args.seed, args.calendar, stale=args.stale)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
