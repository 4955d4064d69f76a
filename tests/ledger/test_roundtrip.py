"""Export then import gives back the same contracts (every field of the model, positions aside)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from pactwatch.load.portfolio import load_portfolio
from pactwatch.model import Contract
from tests.conftest import REPO_ROOT, TODAY, CliResult
from tests.ledger.conftest import DATA, HOSTILE, HOSTILE_ID

Run = Callable[..., CliResult]


def _contracts(root: Path) -> list[Contract]:
    loaded = load_portfolio(root, TODAY, use_cache=False)
    assert not loaded.errors, loaded.errors
    # where things sit in the YAML (file, lines) is not part of a contract's meaning
    return [
        dataclasses.replace(c, source="", term_line=0, milestones=tuple(m._replace(line=0) for m in c.milestones))
        for c in loaded.portfolio.contracts
    ]


def _round_trip(run_cli: Run, source: Path, target: Path, name: str, *export_args: str) -> None:
    ledger = target.parent / name
    assert run_cli("export", "--root", source, "-o", ledger, *export_args).code == 0
    result = run_cli("import", ledger, "--root", target)
    assert result.code == 0, result.err
    assert run_cli("validate", "--root", target, "--no-cache").code == 0


@pytest.mark.parametrize("name", ["ledger.xlsx", "ledger.csv"])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_example_portfolio(run_cli: Run, copy_portfolio: Callable[[Path], Path], empty_portfolio: Path, name: str, language: str) -> None:
    example = copy_portfolio(REPO_ROOT)
    _round_trip(run_cli, example, empty_portfolio, name, "--language", language)
    assert _contracts(empty_portfolio) == _contracts(example)


def test_imported_ledgers_survive_export(
    run_cli: Run, empty_portfolio: Path, tmp_path: Path, copy_portfolio: Callable[[Path], Path]
) -> None:
    for ledger in sorted(DATA.iterdir()):
        assert run_cli("import", ledger, "--root", empty_portfolio, "--add-people").code == 0
    second = tmp_path / "second"
    second.mkdir()
    for name in ("pactwatch.yml", "people.yaml"):
        (second / name).write_bytes((empty_portfolio / name).read_bytes())
    (second / "contracts").mkdir()
    _round_trip(run_cli, empty_portfolio, second, "again.xlsx")
    assert _contracts(second) == _contracts(empty_portfolio)


def test_reimport_over_the_same_portfolio_changes_no_contract(run_cli: Run, copy_portfolio: Callable[[Path], Path]) -> None:
    example = copy_portfolio(REPO_ROOT)
    before = _contracts(example)
    ledger = example.parent / "weekly.xlsx"
    assert run_cli("export", "--root", example, "-o", ledger).code == 0
    files = {p: p.read_bytes() for p in (example / "contracts").rglob("*.yaml")}
    assert run_cli("import", ledger, "--root", example).code == 0  # every file says what the ledger says: nothing to replace
    assert run_cli("import", ledger, "--root", example, "--force").code == 0
    assert _contracts(example) == before
    assert {p: p.read_bytes() for p in files} == files  # comments and layout too (the editor changes only what differs)


@pytest.mark.parametrize("name", ["ledger.xlsx", "ledger.csv"])
def test_formula_looking_text_survives(run_cli: Run, hostile_portfolio: Path, empty_portfolio: Path, name: str) -> None:
    """The export neutralises formulas (a string cell; a ' in CSV) and import takes that away again."""
    _round_trip(run_cli, hostile_portfolio, empty_portfolio, name)
    imported = _contracts(empty_portfolio)
    assert imported == _contracts(hostile_portfolio)
    hostile = next(c for c in imported if c.id == HOSTILE_ID)
    assert hostile.counterparty.name == HOSTILE["name: 上海陆家嘴置业发展有限公司"]
    assert {m.evidence for m in hostile.milestones} >= {"-2+3", "'=already quoted"}
