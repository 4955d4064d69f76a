"""The benchmark generator: deterministic, varied, and clean under `pactwatch validate`."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest

from pactwatch.load.portfolio import load_portfolio
from pactwatch.model import CONTRACT_TYPES, MILESTONE_KINDS

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"
TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pactwatch_benchmark_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_same_seed_same_bytes(generator: ModuleType, tmp_path: Path) -> None:
    generator.generate(tmp_path / "a", contracts=40, milestones=5, seed=7)
    generator.generate(tmp_path / "b", contracts=40, milestones=5, seed=7)
    generator.generate(tmp_path / "c", contracts=40, milestones=5, seed=8)
    assert fingerprint(tmp_path / "a") == fingerprint(tmp_path / "b") != fingerprint(tmp_path / "c")


def test_regenerating_into_a_folder_replaces_its_contracts(generator: ModuleType, tmp_path: Path) -> None:
    generator.generate(tmp_path, contracts=30, milestones=3, seed=1)
    generator.generate(tmp_path, contracts=10, milestones=3, seed=1)
    assert len(list((tmp_path / "contracts").rglob("*.yaml"))) == 10


@pytest.mark.parametrize(("contracts", "milestones", "seed"), [(300, 10, 1), (120, 1, 2), (60, 25, 3)])
def test_generated_portfolio_is_clean_and_varied(generator: ModuleType, tmp_path: Path, contracts: int, milestones: int, seed: int) -> None:
    generator.generate(tmp_path, contracts=contracts, milestones=milestones, seed=seed)
    loaded = load_portfolio(tmp_path, TODAY, use_cache=False, jobs=1)
    assert loaded.findings == ()
    portfolio = loaded.portfolio
    assert len(portfolio.contracts) == contracts
    assert all(len(c.milestones) == milestones for c in portfolio.contracts)
    assert 40 <= len(portfolio.people) <= 60
    assert {c.type for c in portfolio.contracts} == set(CONTRACT_TYPES)
    if milestones >= 10:
        everything = [m for c in portfolio.contracts for m in c.milestones]
        assert {m.kind for m in everything} == set(MILESTONE_KINDS)
        one_off = [m for m in everything if m.repeat is None]
        assert any(m.completed_on is not None and m.completed_on <= m.due for m in one_off)  # done on time
        assert any(m.completed_on is not None and m.completed_on > m.due for m in one_off)  # done late
        assert any(m.status in ("pending", "in_progress") and m.due < TODAY for m in one_off)  # overdue
        assert any(m.status == "pending" and m.due > TODAY for m in one_off)  # upcoming
        assert any(m.repeat is not None and m.completed for m in everything)
        assert any(m.ack is not None for m in everything)


def test_mix_of_languages_renewals_and_counterparties(generator: ModuleType, tmp_path: Path) -> None:
    generator.generate(tmp_path, contracts=500, milestones=2, seed=5)
    contracts = load_portfolio(tmp_path, TODAY, use_cache=False, jobs=1).portfolio.contracts
    chinese = sum(any("\u4e00" <= ch <= "\u9fff" for ch in c.title) for c in contracts)
    renewing = sum(bool(c.term and c.term.auto_renew and c.term.notice_days) for c in contracts)
    assert 0.5 < chinese / len(contracts) < 0.8
    assert 0.12 < renewing / len(contracts) < 0.28
    by_party: dict[str, int] = {}
    for c in contracts:
        by_party[c.counterparty.name] = by_party.get(c.counterparty.name, 0) + 1
    assert len(by_party) > 100
    assert max(by_party.values()) > 10 * (len(contracts) / len(by_party))  # a dominant counterparty


def test_command_line(generator: ModuleType, tmp_path: Path) -> None:
    assert generator.main([str(tmp_path), "--contracts", "3", "--milestones", "2", "--seed", "4"]) == 0
    assert len(list((tmp_path / "contracts").rglob("*.yaml"))) == 3
    assert (tmp_path / "people.yaml").exists() and (tmp_path / "pactwatch.yml").exists()


def test_parallel_and_serial_validation_agree(generator: ModuleType, tmp_path: Path) -> None:
    generator.generate(tmp_path, contracts=450, milestones=3, seed=6)
    broken = sorted((tmp_path / "contracts").rglob("*.yaml"))[7]
    broken.write_text(broken.read_text(encoding="utf-8").replace("status: ", "status: finished\nstatus: ", 1), encoding="utf-8")
    serial = load_portfolio(tmp_path, TODAY, use_cache=False, jobs=1)
    parallel = load_portfolio(tmp_path, TODAY, use_cache=True, jobs=2)
    cached = load_portfolio(tmp_path, TODAY, use_cache=True, jobs=2)
    assert [f.code for f in serial.findings] == ["PW105"]
    assert serial.findings == parallel.findings == cached.findings
    assert serial.portfolio.contracts == parallel.portfolio.contracts == cached.portfolio.contracts


def test_the_calendar_option_validates_with_half_the_payments_relative(generator: ModuleType, tmp_path: Path) -> None:
    generator.generate(tmp_path, contracts=40, milestones=10, seed=1, calendar=True)
    assert "calendar: {country: CN}" in (tmp_path / "pactwatch.yml").read_text(encoding="utf-8")
    text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "contracts").rglob("*.yaml"))
    assert "days: 30}" in text and "working_days: 10}" in text
    loaded = load_portfolio(tmp_path, TODAY, use_cache=False)
    assert loaded.errors == []
    relative = [m for c in loaded.portfolio.contracts for m in c.milestones if m.due_after is not None]
    payments = [m for c in loaded.portfolio.contracts for m in c.milestones if m.kind == "payment" and m.repeat is None]
    assert 0.3 < len(relative) / len(payments) < 0.65  # about half, on a sample of 40 contracts


def test_old_milestones_are_rarely_still_open_unless_stale(generator: ModuleType) -> None:
    """A tracked portfolio closes or waives old items; ``stale`` keeps every past milestone's odds (stress)."""
    rng = generator.random.Random(3)

    def open_share(age: int, stale: bool) -> float:
        open_count = 0
        for _ in range(2000):
            plan = generator.Plan("M1", "t", "delivery", TODAY - timedelta(days=age), "a.b")
            generator.settle(rng, plan, closed=False, stale=stale)
            open_count += plan.status in ("pending", "in_progress")
        return open_count / 2000

    assert 0.18 < open_share(10, stale=False) < 0.30
    assert open_share(500, stale=False) < 0.04
    assert 0.18 < open_share(500, stale=True) < 0.30
