"""Invariants over messy ledgers: the importer never raises, and everything it would write validates."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pactwatch.ledger import importer, layouts
from pactwatch.ledger.people import add_to_file
from pactwatch.ledger.plan import Context, plan_import
from pactwatch.ledger.readers import Table
from pactwatch.load.people import load_people
from pactwatch.load.portfolio import load_portfolio
from tests.conftest import REPO_ROOT, TODAY

DATES = st.dates(date(2025, 1, 1), date(2027, 12, 31))
junk = st.one_of(
    st.none(),
    st.integers(min_value=-5, max_value=10**7),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["12万", "3亿", "1,2", "(100)", "2026-02-30", "05/01/2026", "长期", "every 0 days", "工程", "搁置"]),
    st.text(max_size=8),
)


def column(valid: st.SearchStrategy[Any], weight: int = 3) -> st.SearchStrategy[Any]:
    """Values a ledger would hold, and junk about once in ``weight + 1`` cells."""
    return st.integers(min_value=0, max_value=weight).flatmap(lambda n: junk if n == weight else valid)


COLUMNS: dict[str, st.SearchStrategy[Any]] = {
    "合同名称": column(st.sampled_from(["设备采购", "年度服务", "ACME, Inc. [HK]: #1", "NO", "2026"])),
    "客户": column(st.sampled_from(["上海某某科技有限公司", "Contoso GmbH", "yes"])),
    "负责人": column(st.sampled_from(["张伟", "李娜", "zhang.wei", "赵六", "Emily Clark", "Jane Roe"])),
    "类型": column(st.sampled_from(["销售", "采购", "服务", "租赁", "保密协议", "框架", "工程"])),
    "状态": column(st.sampled_from(["执行中", "已完成", "草稿", "已终止"])),
    "签订日期": column(DATES),
    "开始日期": column(DATES.map(lambda d: f"{d.year}年{d.month}月{d.day}日")),
    "结束日期": column(DATES.map(lambda d: f"{d.year}/{d.month}/{d.day}")),
    "合同金额": column(st.decimals(min_value=0, max_value=10**7, places=2).map(lambda d: f"¥{d:,}")),
    "币种": column(st.sampled_from(["CNY", "人民币", "USD"])),
    "自动续期": column(st.sampled_from(["是", "否"])),
    "通知期天数": column(st.sampled_from([30, "60天"])),
    "节点": column(st.sampled_from(["预付款", "交付", "验收", "尾款", "月度报告"]), 12),
    "节点类型": column(st.sampled_from(["付款", "交付", "验收", "报告", "巡查"]), 12),
    "计划日期": column(DATES, 12),
    "节点金额": column(st.integers(min_value=0, max_value=10**5), 12),
    "完成日期": column(st.one_of(st.none(), st.dates(date(2025, 1, 1), TODAY)), 12),
    "节点状态": column(st.sampled_from(["未开始", "进行中", "已完成", "已取消", None]), 12),
    "周期": column(st.sampled_from([None, None, None, "every 1 month, 3 times", "every 1 quarter until 2027-06-30"]), 12),
    "节点编号": column(st.sampled_from([None, None, None, "M1", "M2"]), 12),
    "前置节点": column(st.sampled_from([None, None, None, "M1", "M9"]), 12),
    "首付款日期": column(DATES),
    "首付款金额": column(st.integers(min_value=0, max_value=10**6)),
}
REQUIRED = ("合同编号", "合同名称", "客户", "负责人")


MILESTONE_HEADERS = frozenset({"节点", "节点类型", "计划日期", "节点金额", "完成日期", "节点状态", "周期", "节点编号", "前置节点"})


@st.composite
def ledgers(draw: Any) -> tuple[tuple[Any, ...], ...]:
    """1-3 contracts on 1-4 rows each: contract columns drawn once per contract (a ledger repeats them), milestone columns per row."""
    optional = [h for h in COLUMNS if h not in REQUIRED]
    header = (*REQUIRED, *draw(st.lists(st.sampled_from(optional), max_size=12, unique=True)))
    if MILESTONE_HEADERS & set(header):  # milestone rows have a title and a due date (else every row is an error)
        header = (*header, *(h for h in ("节点", "计划日期") if h not in header))
    rows = []
    ids = column(st.sampled_from(["C-1", "C-2", "C-3", "C/4", "合同5"]), 6)
    for contract_id in draw(st.lists(ids, min_size=1, max_size=3, unique_by=str)):
        shared = {h: draw(COLUMNS[h]) for h in header[1:] if h not in MILESTONE_HEADERS}
        for _ in range(draw(st.integers(min_value=1, max_value=4))):
            rows.append((contract_id, *(shared[h] if h in shared else draw(COLUMNS[h]) for h in header[1:])))
    titles = draw(st.lists(st.sampled_from(["2026年合同台账", None]), max_size=2))
    return (*((t,) for t in titles), header, *rows)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(), st.booleans())
def test_messy_ledgers_never_raise_and_what_is_written_validates(rows: tuple[tuple[Any, ...], ...], add_people: bool) -> None:
    people, _, _ = load_people(REPO_ROOT)
    layout = layouts.read_layout([Table("台账", rows)])
    outcome = importer.build(layout, people, default_currency="CNY", today=TODAY, add_people=add_people)
    context = Context(
        "l.xlsx", {p.id: p for p in people}, {}, lambda _: None, lambda _: "../../schema/contract.schema.json", "CNY", TODAY, False
    )
    plan = plan_import(outcome, context)
    assert {f.contract_id for f in plan.files}.isdisjoint(plan.rejected)
    for problem in plan.problems:
        assert problem.message and (problem.cell is None or problem.cell.row >= 1)
    if not plan.files:
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copy2(REPO_ROOT / "pactwatch.yml", root / "pactwatch.yml")
        text = (REPO_ROOT / "people.yaml").read_text(encoding="utf-8")
        (root / "people.yaml").write_text(add_to_file(text, plan.new_people, "test", "en") if plan.new_people else text, encoding="utf-8")
        for f in plan.files:
            (root / f.source).parent.mkdir(parents=True, exist_ok=True)
            (root / f.source).write_text(f.text, encoding="utf-8")
        loaded = load_portfolio(root, TODAY, use_cache=False)
        assert not loaded.errors, [e.message for e in loaded.errors]
        for contract in loaded.portfolio.contracts:
            assert contract.value is None or contract.value.amount >= Decimal(0)
