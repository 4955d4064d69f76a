"""The people a ledger names: one line per unknown person, ids made of names (pinyin), ids written as ids, kept currencies."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from pactwatch.ledger.people import new_ids
from pactwatch.load.portfolio import load_portfolio
from pactwatch.naming import person_id
from tests.conftest import CliResult
from tests.ledger.conftest import DATA

Run = Callable[..., CliResult]
WORKBOOK = DATA / "contract-ledger-2026.xlsx"  # 5 people, 16 owner cells, none in an empty people.yaml
LATER = "2027-06-01"  # after every completion date in the sample ledgers


@pytest.fixture
def nobody(empty_portfolio: Path) -> Path:
    (empty_portfolio / "people.yaml").unlink()
    return empty_portfolio


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("李娜", "li.na"),
        ("王小明", "wang.xiaoming"),
        ("欧阳娜娜", "ouyang.nana"),
        ("吕布", "lv.bu"),
        ("Emily Clark", "emily.clark"),
        ("Mary O'Neil", "mary.o.neil"),
        ("Zoë Müller", "zoe.muller"),
        ("李 Anna", "li.anna"),
        ("Иван", ""),  # nothing to make an id of: numbered by the caller
    ],
)
def test_person_ids_are_made_of_names(name: str, expected: str) -> None:
    assert person_id(name) == expected


def test_namesakes_and_ids_written_as_ids() -> None:
    ids = new_ids(["李娜", "li.na", "李娜 ", "Li Na", "Иван", "王芳"], taken=["wang.fang", "person-1"])
    assert ids == {"李娜": "li.na", "li.na": "li.na", "李娜 ": "li.na2", "Li Na": "li.na3", "Иван": "person-2", "王芳": "wang.fang2"}


def test_unknown_people_are_one_line_each_with_their_cells(run_cli: Run, nobody: Path) -> None:
    result = run_cli("import", "--lang", "en", WORKBOOK, "--root", nobody, "--today", LATER, "--dry-run")
    assert result.code == 1
    errors = [line for line in result.err.splitlines() if " error: " in line]
    assert len(errors) == 5  # was 16: one per cell
    assert (
        "contract-ledger-2026.xlsx: 合同台账!K3 (负责人): error: '张伟' is not in people.yaml"
        " (合同台账!K3, 付款节点!F2, 付款节点!F5, 付款节点!F6; 1 contract not imported: XS-2026-001)"
    ) in errors
    assert result.err.count("hint: add them to people.yaml, or run again with --add-people") == 1
    assert "person '" not in result.err  # no second list of the same people


def test_dry_run_says_would_add_and_ids_come_from_names(run_cli: Run, nobody: Path) -> None:
    dry = run_cli("import", "--lang", "en", WORKBOOK, "--root", nobody, "--today", LATER, "--dry-run", "--add-people")
    assert dry.code == 0, dry.err
    assert "person '李娜' (合同台账!K4, 付款节点!F7, 付款节点!F8): would add to people.yaml as li.na" in dry.err
    assert "added to" not in dry.err
    assert not (nobody / "people.yaml").exists()
    done = run_cli("import", "--lang", "en", WORKBOOK, "--root", nobody, "--today", LATER, "--add-people", "--format", "json")
    added = json.loads(done.out)["added_people"]
    assert added == [
        {"id": "zhang.wei", "name": "张伟"},
        {"id": "li.na", "name": "李娜"},
        {"id": "wang.fang", "name": "王芳"},
        {"id": "zhao.lei", "name": "赵磊"},
        {"id": "chen.jing", "name": "陈静"},
    ]


def test_an_owner_written_as_an_existing_id_is_that_person(run_cli: Run, nobody: Path) -> None:
    assert run_cli("import", "--lang", "en", WORKBOOK, "--root", nobody, "--today", LATER, "--add-people").code == 0
    english = DATA / "ledger-english-utf8-bom.csv"  # owners li.na and zhang.wei, written as ids
    result = run_cli("import", "--lang", "en", english, "--root", nobody, "--today", LATER, "--add-people", "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["added_people"] == []
    portfolio = load_portfolio(nobody, date(2027, 6, 1)).portfolio
    owners = {c.id: c.owner for c in portfolio.contracts}
    assert owners["EN-2026-100"] == "li.na" and owners["EN-2026-101"] == "zhang.wei"
    assert sorted(p.id for p in portfolio.people.values()) == ["chen.jing", "li.na", "wang.fang", "zhang.wei", "zhao.lei"]


def test_an_id_and_a_name_in_one_ledger_are_one_person(run_cli: Run, nobody: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "mixed.csv"
    ledger.write_text("合同编号,合同名称,客户,负责人\nC-1,合同一,甲,李娜\nC-2,合同二,乙,li.na\n", encoding="utf-8")
    result = run_cli("import", "--lang", "en", ledger, "--root", nobody, "--add-people", "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["added_people"] == [{"id": "li.na", "name": "李娜"}]


def test_a_contract_without_a_value_keeps_its_currency(run_cli: Run, nobody: Path, tmp_path: Path) -> None:
    shutil.copy2(DATA / "ledger-english-utf8-bom.csv", tmp_path / "en.csv")
    result = run_cli("import", "--lang", "en", tmp_path / "en.csv", "--root", nobody, "--today", LATER, "--add-people")
    assert result.code == 0, result.err
    assert "not kept" not in result.err
    text = (nobody / "contracts" / "framework" / "EN-2026-101.yaml").read_text(encoding="utf-8")
    assert "value: {currency: EUR}\n" in text
    assert run_cli("validate", "--root", nobody).code == 0
    loaded = load_portfolio(nobody, date(2027, 6, 1)).portfolio
    contract = next(c for c in loaded.contracts if c.id == "EN-2026-101")
    assert (contract.currency, contract.value) == ("EUR", None)
