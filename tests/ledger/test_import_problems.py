"""Rows that cannot be read: each problem names its sheet, row and column; that contract is not written, the others are."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pactwatch.load.portfolio import load_portfolio
from tests.conftest import TODAY, CliResult

Run = Callable[..., CliResult]

CONTRACTS = """\
合同编号,合同名称,类型,客户,签订日期,开始日期,结束日期,合同金额,负责人,状态
C-OK,正常合同,销售,甲公司,2026-01-05,2026-01-05,2026-12-31,100万,张伟,执行中
C-BADDATE,坏日期,销售,乙公司,2026-02-30,2026-01-05,2026-12-31,100万,张伟,执行中
C-BADAMT,坏金额,采购,丙公司,2026-01-05,2026-01-05,2026-12-31,一百万,李娜,执行中
,没有编号,采购,丁公司,2026-01-05,2026-01-05,2026-12-31,5万,李娜,执行中
C-STATUS,状态不明,采购,戊公司,2026-01-05,2026-01-05,2026-12-31,5万,李娜,搁置
C-OWNER,未知负责人,服务,己公司,2026-01-05,2026-01-05,2026-12-31,5万,王小明,执行中
合计,,,,,,,205万,,
"""


def _csv(tmp_path: Path, text: str, name: str = "ledger.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _json(run_cli: Run, *args: str | Path) -> tuple[int, dict[str, Any]]:
    result = run_cli("import", "--lang", "en", *args, "--format", "json")
    return result.code, json.loads(result.out)


def _problems(report: dict[str, Any], severity: str = "error") -> dict[tuple[str | None, str | None], dict[str, Any]]:
    return {
        (p["contract"], f"{p['column']}{p['row']}" if p["column"] else None): p for p in report["problems"] if p["severity"] == severity
    }


def _written(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / "contracts").rglob("*.yaml"))


def test_bad_rows_are_located_and_skipped(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    ledger = _csv(tmp_path, CONTRACTS)
    code, report = _json(run_cli, ledger, "--root", empty_portfolio)
    assert code == 1
    errors = _problems(report)
    assert errors[("C-BADDATE", "E3")]["message"] == "'2026-02-30' is not a real date"
    assert errors[("C-BADDATE", "E3")]["header"] == "签订日期"
    assert errors[("C-BADAMT", "H4")]["message"] == "'一百万' is not an amount"
    assert errors[(None, None)]["row"] == 5 and "no contract number" in errors[(None, None)]["message"]
    assert "'搁置' is not known" in errors[("C-STATUS", "J6")]["message"]
    assert errors[(None, "I7")]["message"] == "'王小明' is not in people.yaml (I7; 1 contract not imported: C-OWNER)"
    assert "--add-people" in errors[(None, "I7")]["hint"]
    assert sorted(report["rejected"]) == ["C-BADAMT", "C-BADDATE", "C-OWNER", "C-STATUS"]
    assert report["unknown_people"] == ["王小明"]
    assert _written(empty_portfolio) == ["contracts/sales/C-OK.yaml"]  # the totals row (合计) is not a contract
    assert run_cli("validate", "--root", empty_portfolio).code == 0


def test_text_report_names_file_sheet_row_and_column(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    result = run_cli("import", "--lang", "en", _csv(tmp_path, CONTRACTS), "--root", empty_portfolio, "--dry-run")
    assert "ledger.csv: E3 (签订日期): [C-BADDATE] error: '2026-02-30' is not a real date" in result.err
    assert "would write contracts/sales/C-OK.yaml (0 milestones)" in result.out
    assert "1 contract file to write, 4 contracts not imported" in result.err
    assert _written(empty_portfolio) == []


def test_add_people(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    code, report = _json(run_cli, _csv(tmp_path, CONTRACTS), "--root", empty_portfolio, "--add-people")
    assert code == 1  # the other broken rows are still broken
    assert report["added_people"] == [{"id": "wang.xiaoming", "name": "王小明"}]
    assert "contracts/service/C-OWNER.yaml" in _written(empty_portfolio)
    people = (empty_portfolio / "people.yaml").read_text(encoding="utf-8")
    assert people.endswith(
        "  - id: wang.xiaoming\n    name: 王小明\n    # added by pactwatch import from ledger.csv; add email, github and manager\n"
    )
    assert run_cli("validate", "--root", empty_portfolio).code == 0


def test_latin_names_become_dotted_ids(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    ledger = _csv(tmp_path, "Contract No.,Title,Counterparty,Owner\nX-1,Licence,Acme,Mary O'Neil\nX-2,Support,Acme,Emily Clark\n")
    code, report = _json(run_cli, ledger, "--root", empty_portfolio, "--add-people")
    assert code == 0
    assert report["added_people"] == [{"id": "mary.o.neil", "name": "Mary O'Neil"}]  # Emily Clark is in people.yaml


def test_a_people_file_we_cannot_append_to(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    (empty_portfolio / "people.yaml").write_text("people: [{id: li.na, name: 李娜}]\n", encoding="utf-8")
    ledger = _csv(tmp_path, "合同编号,合同名称,客户,负责人\nC-1,合同,甲,赵六\n")
    result = run_cli("import", "--lang", "en", ledger, "--root", empty_portfolio, "--add-people")
    assert result.code == 1 and "add these people by hand: 赵六 (zhao.liu)" in result.err
    assert _written(empty_portfolio) == []


MILESTONE_ROWS = """\
合同编号,合同名称,客户,合同金额,负责人,开始日期,结束日期,节点,节点类型,计划日期,节点金额,节点状态,完成日期
M-FUTURE,未来完成,甲,10万,张伟,2026-01-01,2026-12-31,预付款,付款,2026-02-01,3万,,2026-12-01
M-NODATE,完成无日期,甲,10万,张伟,2026-01-01,2026-12-31,交付,交付,2026-02-01,,已完成,
M-OVER,超额付款,甲,10万,张伟,2026-01-01,2026-12-31,首付,付款,2026-02-01,6万,,
M-OVER,超额付款,甲,10万,张伟,2026-01-01,2026-12-31,尾款,付款,2026-03-01,6万,,
M-CONFLICT,名称一,甲,10万,张伟,2026-01-01,2026-12-31,首付,付款,2026-02-01,1万,,
M-CONFLICT,名称二,甲,10万,张伟,2026-01-01,2026-12-31,尾款,付款,2026-03-01,1万,,
M-NODUE,无计划日期,甲,10万,张伟,2026-01-01,2026-12-31,交付,交付,,,,
M-CANCEL,取消却完成,甲,10万,张伟,2026-01-01,2026-12-31,交付,交付,2026-02-01,,已取消,2026-02-02
M-WARN,只有警告,甲,10万,张伟,2026-01-01,2026-12-31,设备巡检,巡查,2026-02-01,,未开始,2026-02-03
M-WARN,只有警告,甲,10万,张伟,2026-01-01,2026-12-31,年检,,2027-02-01,,,
"""


def test_milestone_problems(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    code, report = _json(run_cli, _csv(tmp_path, MILESTONE_ROWS), "--root", empty_portfolio)
    assert code == 1
    errors = _problems(report)
    assert errors[("M-FUTURE", "M2")]["message"] == "completed on 2026-12-01, which is after today (2026-11-27)"
    assert errors[("M-NODATE", "L3")]["message"] == "milestone '交付' is marked done without a completion date"
    over = errors[("M-OVER", "D4")]  # found by the validator itself (PW315), pointed back at the value cell
    assert over["message"].endswith("[PW315]") and "more than the contract value" in over["message"]
    assert errors[("M-CONFLICT", "B7")]["message"] == "合同名称 differs from B6 ('名称一')"
    assert errors[("M-NODUE", None)]["row"] == 8 and "no due date" in errors[("M-NODUE", None)]["message"]
    assert errors[("M-CANCEL", "M9")]["message"] == "milestone '交付' is cancelled but has a completion date"
    warnings = _problems(report, "warning")
    assert "kind '巡查' is not known" in warnings[("M-WARN", "I10")]["message"]
    assert "recorded as done" in warnings[("M-WARN", "L10")]["message"]
    assert "outside the term" in warnings[("M-WARN", "J11")]["message"]  # PW314 from the validator: a warning, still written
    assert sorted(report["rejected"]) == ["M-CANCEL", "M-CONFLICT", "M-FUTURE", "M-NODATE", "M-NODUE", "M-OVER"]
    assert _written(empty_portfolio) == ["contracts/other/M-WARN.yaml"]
    contract = load_portfolio(empty_portfolio, TODAY, use_cache=False).portfolio.contracts[0]
    assert [(m.kind, m.status) for m in contract.milestones] == [("service", "done"), ("other", "pending")]


def test_today_decides_what_may_be_completed(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    ledger = _csv(tmp_path, MILESTONE_ROWS.split("\n", 2)[0] + "\n" + MILESTONE_ROWS.split("\n")[1] + "\n")
    assert run_cli("import", "--lang", "en", ledger, "--root", empty_portfolio, "--today", "2026-12-05").code == 0
    assert run_cli("validate", "--root", empty_portfolio, "--today", "2026-12-05").code == 0


def test_ids_and_orphan_milestones(run_cli: Run, empty_portfolio: Path, workbook: Callable[..., Path]) -> None:
    path = workbook(
        {
            "合同": [
                ["合同编号", "合同名称", "客户", "负责人"],
                ["XS/2026/001", "斜杠编号", "甲", "张伟"],
                ["合同一号", "中文编号", "乙", "张伟"],
            ],
            "节点": [["合同编号", "节点", "计划日期"], ["XS/2026/001", "交付", "2026-03-01"], ["XS-2026-404", "孤儿节点", "2026-03-01"]],
        }
    )
    code, report = _json(run_cli, path, "--root", empty_portfolio)
    assert code == 1
    warnings = _problems(report, "warning")
    assert warnings[("XS-2026-001", "A2")]["message"] == "contract number 'XS/2026/001' becomes id XS-2026-001 (ids are file names)"
    errors = _problems(report)
    assert "cannot be an id" in errors[(None, "A3")]["message"]
    orphan = errors[("XS-2026-404", None)]
    assert orphan["sheet"] == "节点" and orphan["row"] == 3 and "no contract row" in orphan["message"]
    assert _written(empty_portfolio) == ["contracts/other/XS-2026-001.yaml"]


def test_existing_files_need_force(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    ledger = _csv(tmp_path, "合同编号,合同名称,合同类型,客户,负责人\nC-1,新名称,销售,甲,张伟\n")
    existing = empty_portfolio / "contracts" / "legacy" / "C-1.yaml"
    existing.parent.mkdir(parents=True)
    existing.write_text("# hand-written\nid: C-1\n", encoding="utf-8")
    result = run_cli("import", "--lang", "en", ledger, "--root", empty_portfolio)
    assert result.code == 1 and "skipped contracts/legacy/C-1.yaml: the file exists (use --force to replace it)" in result.out
    assert existing.read_text(encoding="utf-8") == "# hand-written\nid: C-1\n"
    forced = run_cli("import", "--lang", "en", ledger, "--root", empty_portfolio, "--force")
    assert forced.code == 0 and "replaced contracts/legacy/C-1.yaml" in forced.out  # the existing file, wherever it lives
    assert "title: 新名称" in existing.read_text(encoding="utf-8")
    assert not (empty_portfolio / "contracts" / "sales").exists()
    assert not [p for p in existing.parent.iterdir() if p.name.endswith(".tmp")]  # atomic writes leave no temp file


def test_value_and_currency_rules(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    ledger = _csv(
        tmp_path,
        "合同编号,合同名称,客户,负责人,合同金额（万元）,币种,开始日期,结束日期\n"
        "V-1,万元列,甲,张伟,36,CNY,2026-01-01,长期\n"
        "V-2,币种冲突,甲,张伟,$100,CNY,2026-01-01,2026-12-31\n"
        "V-3,美元,甲,张伟,USD 5,,2026-01-01,2026-12-31\n",
    )
    code, report = _json(run_cli, ledger, "--root", empty_portfolio)
    assert code == 1
    assert "the value is in USD but the currency column says CNY" in _problems(report)[("V-2", "E3")]["message"]
    assert _problems(report, "warning")[("V-1", "G2")]["message"] == "the term is left out: it has no end date"
    portfolio = load_portfolio(empty_portfolio, TODAY, use_cache=False).portfolio
    v1, v3 = portfolio.contracts
    assert v1.value is not None and (v1.value.amount, v1.value.currency, v1.term) == (360000, "CNY", None)
    assert v3.value is not None and (v3.value.amount, v3.value.currency) == (5, "USD")


def test_ambiguous_names(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    people = (empty_portfolio / "people.yaml").read_text(encoding="utf-8")
    (empty_portfolio / "people.yaml").write_text(people + "\n  - id: zhang.wei2\n    name: 张伟\n", encoding="utf-8")
    code, report = _json(
        run_cli, _csv(tmp_path, "合同编号,合同名称,客户,负责人\nC-1,合同,甲,张伟\nC-2,合同,甲,zhang.wei2\n"), "--root", empty_portfolio
    )
    assert code == 1
    assert _problems(report)[("C-1", "D2")]["message"] == "'张伟' is the name of 2 people (zhang.wei, zhang.wei2)"
    assert [f["contract"] for f in report["files"]] == ["C-2"]


def test_not_a_ledger(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    result = run_cli("import", "--lang", "en", _csv(tmp_path, "a,b\n1,2\n"), "--root", empty_portfolio)
    assert result.code == 1 and "no ledger found" in result.err
    result = run_cli(
        "import", "--lang", "en", _csv(tmp_path, "合同名称,客户,负责人,签订日期\nx,y,z,2026-01-01\n"), "--root", empty_portfolio
    )
    assert result.code == 1 and "no contract number column found" in result.err


def test_names_that_cannot_be_people(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    long_latin = "Wolfgang Amadeus Theophilus Mozart von Salzburg und Wien"
    ledger = _csv(tmp_path, f"合同编号,合同名称,客户,负责人\nC-1,合同,甲,{'名' * 101}\nC-2,合同,甲,{long_latin}\n")
    code, report = _json(run_cli, ledger, "--root", empty_portfolio, "--add-people")
    assert code == 1 and "is not a person's name (101 characters)" in _problems(report)[("C-1", "D2")]["message"]
    (added,) = report["added_people"]
    assert added["id"] == "wolfgang.amadeus.theophilus.mozart.von" and added["name"] == long_latin  # ids stay short
    assert run_cli("validate", "--root", empty_portfolio).code == 0


def test_a_portfolio_without_people_yaml(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    (empty_portfolio / "people.yaml").unlink()
    ledger = _csv(tmp_path, "合同编号,合同名称,客户,负责人\nC-1,合同,甲,张伟\n")
    assert run_cli("import", "--lang", "en", ledger, "--root", empty_portfolio).code == 1
    assert run_cli("import", "--lang", "en", ledger, "--root", empty_portfolio, "--add-people").code == 0
    assert (
        (empty_portfolio / "people.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=schema/people.schema.json\npeople:\n  - id: zhang.wei\n    name: 张伟\n")
    )
    assert run_cli("validate", "--root", empty_portfolio).code == 0
