"""CODEOWNERS from the data: rules, escaping, the committed file, and --check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from github.conftest import REPO_ROOT, TODAY, evaluation
from pactwatch.catalogue import text, word
from pactwatch.github.codeowners import matches, render
from pactwatch.model import ApprovalRule, Contract, Counterparty, Money
from tests.conftest import CliResult


def contract(**changes: object) -> Contract:
    base = Contract(
        id="C-1",
        title="t",
        type="sales",
        status="active",
        owner="a",
        counterparty=Counterparty("x"),
        milestones=(),
        source="contracts/C-1.yaml",
        currency="CNY",
        value=Money(Decimal(500), "CNY"),
        tags=("key",),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rule", "subject", "expected"),
    [
        (ApprovalRule(("@o/f",), min_value=Decimal(500)), contract(), True),
        (ApprovalRule(("@o/f",), min_value=Decimal(501)), contract(), False),
        (ApprovalRule(("@o/f",), min_value=Decimal(10**9)), contract(value=Money(Decimal(1), "USD")), True),  # no rate: ask
        (ApprovalRule(("@o/f",), min_value=Decimal(1)), contract(value=None), False),
        (ApprovalRule(("@o/l",), types=("lease", "sales")), contract(), True),
        (ApprovalRule(("@o/l",), types=("lease",)), contract(), False),
        (ApprovalRule(("@o/l",), tags=("key", "vip")), contract(), True),
        (ApprovalRule(("@o/l",), tags=("vip",)), contract(), False),
        (ApprovalRule(("@o/l",), types=("sales",), tags=("vip",)), contract(), False),  # all conditions of a rule
        (ApprovalRule(("@o/all",)), contract(), True),
    ],
)
def test_rule_matching(rule: ApprovalRule, subject: Contract, expected: bool) -> None:
    assert matches(rule, subject, "CNY") is expected


def test_the_committed_codeowners_matches_the_example_portfolio() -> None:
    ev = evaluation(REPO_ROOT, TODAY)
    committed = (REPO_ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert committed == render(ev.portfolio), "run `pactwatch codeowners` and commit .github/CODEOWNERS"


def test_example_lines() -> None:
    text = render(evaluation(REPO_ROOT, TODAY).portfolio)
    assert "/contracts/sales/C-2026-001.yaml @zhangwei-ec @example-co/finance\n" in text
    assert "/contracts/lease/L-2025-002.yaml @wangfang-ec @example-co/finance @example-co/legal\n" in text
    assert "/contracts/nda/N-2026-005.yaml @zhoulei-ec\n" in text
    assert "/pactwatch.yml @example-co/finance @example-co/legal\n" in text


def _owners_of(codeowners: str, path: str) -> list[str]:
    """GitHub's reading, for the plain anchored patterns used here: the last matching line wins; a/ owns all below."""
    found: list[str] = []
    for line in codeowners.splitlines():
        if line and not line.startswith("#"):
            pattern, *owners = line.split(" ")
            name = pattern.lstrip("/")
            if path == name or (name.endswith("/") and path.startswith(name)):
                found = owners
    return found


CODE_AND_SETTINGS = (
    "templates/report/report.md.j2",  # a Jinja override ran code through `pactwatch report`
    "templates/site/contract.html.j2",
    "mkdocs.yml",
    "docs/overrides/main.html",
    ".github/workflows/validate.yml",
    ".github/CODEOWNERS",
    "pactwatch.yml",
    "people.yaml",
    "schema/contract.schema.json",
)


@pytest.mark.parametrize("path", CODE_AND_SETTINGS)
def test_what_runs_code_or_shapes_output_is_owned_by_the_policy_teams(path: str) -> None:
    text = render(evaluation(REPO_ROOT, TODAY).portfolio)
    assert _owners_of(text, path) == ["@example-co/finance", "@example-co/legal"]
    committed = (REPO_ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert _owners_of(committed, path) == ["@example-co/finance", "@example-co/legal"]


def test_without_a_policy_team_the_people_with_no_manager_own_them() -> None:
    portfolio = evaluation(REPO_ROOT, TODAY).portfolio
    no_policy = replace(portfolio, settings=replace(portfolio.settings, approvals=()))
    text = render(no_policy, "en")
    assert "(templates are code): no team in the approval policy: the people with no manager\n" in text
    assert all(_owners_of(text, path) == ["@zhaomin-ec"] for path in CODE_AND_SETTINGS)
    nobody = replace(no_policy, people={k: replace(p, github=None) for k, p in portfolio.people.items()})
    text = render(nobody, "en")
    assert "# nobody: no team in the approval policy and nobody without a manager has a GitHub handle\n" in text
    assert not any(_owners_of(text, path) for path in CODE_AND_SETTINGS)


def test_a_file_name_with_a_line_break_gets_no_rule() -> None:
    portfolio = evaluation(REPO_ROOT, TODAY).portfolio
    first = portfolio.contracts[0]
    hostile = replace(first, source="contracts/a\n* @attacker.yaml")
    text = render(replace(portfolio, contracts=(hostile, *portfolio.contracts[1:])), "en")
    assert "@attacker" not in text
    assert f"# {first.id}: its file name holds a line break or control character, so no rule can name it\n" in text


def test_check_writes_nothing_and_fails_until_written(portfolio: Path, run_cli: Callable[..., CliResult]) -> None:
    target = portfolio / ".github" / "CODEOWNERS"
    missing = run_cli("codeowners", "--root", portfolio, "--check")
    assert missing.code == 1 and text("cli.codeowners.missing", "zh", path=target) in missing.err and not target.exists()
    assert run_cli("codeowners", "--root", portfolio).code == 0
    assert run_cli("codeowners", "--root", portfolio, "--check").code == 0
    people = portfolio / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace("github: zhoulei-ec", "github: zhoulei-legal"), encoding="utf-8")
    stale = run_cli("codeowners", "--root", portfolio, "--check")
    assert (
        stale.code == 1
        and "+/contracts/nda/N-2026-005.yaml @zhoulei-legal" in stale.out
        and text("cli.codeowners.stale", "zh", path=target) in stale.err
    )


def test_an_owner_without_a_handle_is_noted(portfolio: Path, run_cli: Callable[..., CliResult]) -> None:
    people = portfolio / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace("    github: zhoulei-ec\n", ""), encoding="utf-8")
    assert run_cli("codeowners", "--root", portfolio).code == 0
    text = (portfolio / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    said = word("codeowners.unowned", "zh").format(source="contracts/nda/N-2026-005.yaml")  # the portfolio's language (zh)
    assert f"# {said}\n" in text and "# 请勿手工编辑" in text
    zh_again = run_cli("codeowners", "--root", portfolio, "--check", "--lang", "en")  # a committed file: --lang does not change it
    assert zh_again.code == 0, zh_again.err


def test_a_broken_portfolio_leaves_codeowners_alone(portfolio: Path, run_cli: Callable[..., CliResult]) -> None:
    (portfolio / "contracts" / "sales" / "C-2026-001.yaml").write_text("id: [", encoding="utf-8")
    result = run_cli("codeowners", "--root", portfolio)
    assert result.code == 1 and word("cli.refusal.codeowners", "zh") in result.err and not (portfolio / ".github").exists()
