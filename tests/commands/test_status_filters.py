"""status filters take an id or a name, and an empty answer says why (drafts left out, which filters, nobody by that name)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from pactwatch.catalogue import text
from tests.conftest import REPO_ROOT, CliResult

Cli = Callable[..., CliResult]
PEOPLE = "people:\n  - {id: li.wang, name: 王丽}\n  - {id: li.na, name: 李娜}\n  - {id: na.li, name: 李娜}\n  - {id: ann, name: Ann Lee}\n"
CONTRACT = """\
id: C-1
title: 服务合同
type: service
status: {status}
owner: li.wang
counterparty: {{name: 上海星瀚智能科技有限公司, id: XH-01}}
milestones:
  - {{id: M1, title: 月报, kind: report, due: 2026-12-10, owner: li.wang}}
"""


@pytest.fixture
def make(write_portfolio: Callable[[Mapping[str, str]], Path]) -> Callable[[str], Path]:
    def build(status: str) -> Path:
        return write_portfolio({"people.yaml": PEOPLE, "contracts/C-1.yaml": CONTRACT.format(status=status)})

    return build


def test_owner_by_name_or_id(make: Callable[[str], Path], run_cli: Cli) -> None:
    root = make("active")
    by_id = run_cli("status", "--root", root, "--owner", "li.wang")
    by_name = run_cli("status", "--root", root, "--owner", "王丽")
    assert by_id.code == by_name.code == 0
    assert "C-1/M1" in by_name.out and by_name.out == by_id.out
    other = run_cli("status", "--root", root, "--owner", "ANN  LEE")  # names ignore case and spacing
    assert "  filters: --owner ANN  LEE (ann)" in other.out.splitlines()


def test_owner_name_two_people_share_asks_for_the_id(make: Callable[[str], Path], run_cli: Cli) -> None:
    result = run_cli("status", "--root", make("active"), "--owner", "李娜")
    assert result.code == 2 and "'李娜' is the name of 2 people (li.na, na.li): give the id" in result.err


def test_counterparty_by_part_of_the_name_or_the_id(make: Callable[[str], Path], run_cli: Cli) -> None:
    root = make("active")
    for needle in ("星瀚", "xh-01", "上海星瀚智能科技有限公司"):
        assert "C-1/M1" in run_cli("status", "--root", root, "--counterparty", needle).out, needle


def test_drafts_only_says_drafts_are_left_out(make: Callable[[str], Path], run_cli: Cli) -> None:
    result = run_cli("status", "--root", make("draft"))
    assert result.code == 0
    assert result.out.splitlines() == [
        "Nothing matches on 2026-11-27:",
        "  left out: 1 draft contract",
        "  the portfolio has no other contracts",
        "  1 open milestone of theirs would match; open milestones count once a contract is active",
        "  only open milestones are shown (overdue, due_soon, upcoming); --all shows every state",
    ]
    chinese = run_cli("status", "--root", make("draft"), "--lang", "zh").out.splitlines()
    assert chinese[1:] == [
        "  " + text(said, "zh", count=1)
        for said in ("cli.why.left_out.draft", "cli.why.no_other_contracts", "cli.why.would_match", "cli.why.open_only")
    ]
    assert "未计入：1 个草稿合同" in chinese[1]


def test_contracts_of_two_statuses_are_counted_each_in_english_plural(make: Callable[[str], Path], run_cli: Cli) -> None:
    root = make("terminated")
    (root / "contracts" / "C-2.yaml").write_text(CONTRACT.format(status="terminated").replace("C-1", "C-2"), encoding="utf-8")
    (root / "contracts" / "C-3.yaml").write_text(CONTRACT.format(status="active").replace("C-1", "C-3"), encoding="utf-8")
    lines = run_cli("status", "--root", root, "--contract", "C-1").out.splitlines()
    assert lines[1:3] == [
        "  left out: 2 terminated contracts",
        "  1 open milestone of theirs would match; open milestones count once a contract is active",
    ]


def test_an_unknown_owner_and_the_filters_are_named(make: Callable[[str], Path], run_cli: Cli) -> None:
    result = run_cli("status", "--root", make("active"), "--owner", "王力", "--within", "3")
    assert result.out.splitlines()[1:3] == ["  nobody in people.yaml has the id or name '王力'", "  filters: --owner 王力, --within 3"]


def test_an_empty_portfolio_says_so(write_portfolio: Callable[[Mapping[str, str]], Path], run_cli: Cli) -> None:
    result = run_cli("status", "--root", write_portfolio({"people.yaml": PEOPLE}))
    assert result.code == 0 and "the portfolio has no contracts" in result.out


def test_the_example_portfolio_still_lists_by_owner_id(run_cli: Cli) -> None:
    assert "(li.na)" in run_cli("status", "--root", REPO_ROOT, "--owner", "li.na").out
