"""Data that validated, then broke a later command: each attack is now a located finding at load.

The example folders (tests/examples/invalid/pw111-*, pw206-dates-and-numbers-*, pw205-site-url*,
pw205-line-break-in-name, pw335-*, pw336-*) pin codes and positions; these tests add what a
folder cannot show: the giant contract, the portfolio budget, the commands that used to crash.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pactwatch.dates import LAST_DAY, MAX_OCCURRENCES, occurrence_dates, planned_occurrences
from pactwatch.findings import Finding
from pactwatch.load import budget
from pactwatch.load.portfolio import load_portfolio, process_contract
from pactwatch.load.yaml import Document, load_bytes
from pactwatch.model import Repeat

if TYPE_CHECKING:
    from tests.conftest import CliResult

PEOPLE = "people:\n  - {id: ann, name: Ann Lee}\n"


def contract_text(cid: str = "C-1", extra: str = "", milestones: str = "") -> str:
    head = f"id: {cid}\ntitle: Supply\ntype: sales\nstatus: active\nowner: ann\ncounterparty: {{name: ACME}}\n{extra}milestones:\n"
    return head + (milestones or "  - {id: M1, title: Delivery, kind: delivery, due: 2026-12-01, owner: ann}\n")


def repeating(count: int, times: int, every: str = "1 day") -> str:
    return "".join(
        f"  - {{id: M{i}, title: Visit, kind: service, due: 2026-01-01, owner: ann, repeat: {{every: {every}, count: {times}}}}}\n"
        for i in range(count)
    )


# --- (7a) occurrence budgets -------------------------------------------------------------------


def test_two_million_occurrences_in_one_file_are_a_finding_not_an_expansion() -> None:
    raw = contract_text(milestones=repeating(2000, 1000)).encode()
    occurrence_dates.cache_clear()
    result = process_contract("contracts/C-1.yaml", raw, "CNY")
    assert result.contract is None  # left out: no command will expand it
    assert [(f.code, f.pointer) for f in result.findings] == [("PW335", "/milestones")]
    assert "2,000,000" in result.findings[0].message_text("en") and "2,000,000" in result.findings[0].message_text("zh")
    assert occurrence_dates.cache_info().currsize == 0  # counted, never expanded


def test_a_daily_repeat_for_years_is_reported_not_cut_silently() -> None:
    milestones = "  - {id: M1, title: Check, kind: service, due: 2026-01-01, owner: ann, repeat: {every: 1 day, until: 2030-12-31}}\n"
    result = process_contract("contracts/C-1.yaml", contract_text(milestones=milestones).encode(), "CNY")
    assert [(f.code, f.pointer, f.line) for f in result.findings] == [("PW335", "/milestones/0/repeat", 8)]
    assert "1,826" in result.findings[0].message_text("en") and result.contract is None
    repeat = Repeat(1, "day", until=date(2030, 12, 31))
    assert planned_occurrences(date(2026, 1, 1), repeat) == 1826 > len(occurrence_dates(date(2026, 1, 1), repeat)) == MAX_OCCURRENCES


def test_no_occurrence_runs_past_the_last_day() -> None:
    dates = occurrence_dates(date(2196, 1, 1), Repeat(1, "year", count=10))
    assert dates[-1] == date(2200, 1, 1) and all(d <= LAST_DAY for d in dates)


def test_the_portfolio_budget_leaves_out_the_largest_contracts(write_portfolio: Callable[..., Path]) -> None:
    files = {f"contracts/C-{i:03}.yaml": contract_text(f"C-{i:03}", milestones=repeating(5, 1000, "1 week")) for i in range(201)}
    root = write_portfolio(
        {"pactwatch.yml": "timezone: Asia/Shanghai\n", "people.yaml": PEOPLE, **files}
    )  # 201 x 5,000: one contract past 1,000,000
    loaded = load_portfolio(root, date(2026, 11, 27), use_cache=False, jobs=1)
    assert [(f.code, f.file, f.pointer) for f in loaded.findings] == [("PW335", "contracts/C-000.yaml", "/milestones")]
    assert len(loaded.portfolio.contracts) == 200
    assert sum(map(budget.size, loaded.portfolio.contracts)) == budget.PER_PORTFOLIO


# --- (7b, 7c, 7d) values refused at load, and the commands they used to crash --------------------


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ("term: {start: 0026-05-01, end: 2026-12-31}\n", "PW206"),  # build and feeds: OverflowError
        ("term: {start: 2026-01-01, end: 9999-12-31}\n", "PW206"),
        ("value: {amount: 1e-999999999, currency: CNY}\n", "PW206"),  # export: a billion-character string
        ("terms: {warranty_months: 1e999999999}\n", "PW206"),
        ('terms: {note: "signed\\x0bsealed"}\n', "PW111"),  # export: openpyxl's IllegalCharacterError
        ('terms: {note: "\\e]0;pwned\\a"}\n', "PW111"),
    ],
)
def test_values_that_broke_later_commands_are_refused(
    extra: str, code: str, write_portfolio: Callable[..., Path], run_cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    root = write_portfolio({"people.yaml": PEOPLE, "contracts/C-1.yaml": contract_text(extra=extra)})
    checked = run_cli("validate", "--root", root)
    assert checked.code == 1 and "contracts/C-1.yaml:7:" in checked.out and code in checked.out, checked.out
    for command in (("feeds", "--output", tmp_path / "feeds"), ("export", "--output", tmp_path / "ledger.xlsx")):
        refused = run_cli(*command, "--root", root)
        assert refused.code == 1 and "Traceback" not in refused.err, refused.err


@pytest.mark.parametrize("kept", ["tab\there", "line\nbreak", "crlf\r\n", "合同 · ¥"])
def test_tabs_and_line_breaks_stay_allowed_in_text(kept: str) -> None:
    escaped = kept.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    assert load_bytes("x.yaml", f'k: "{escaped}"\n'.encode()) == Document(
        "x.yaml", {"k": kept}, {"": (1, 1), "/k": (1, 4)}, {"/k": (1, 1)}, (f'k: "{escaped}"',)
    )


@pytest.mark.parametrize("number", ["1e40", "-1e-40", "9" * 40, "0." + "1" * 40])
def test_numbers_within_the_bounds_are_numbers(number: str) -> None:
    loaded = load_bytes("x.yaml", f"k: {number}\n".encode())
    assert isinstance(loaded, Document) and not isinstance(loaded.data["k"], str)


@pytest.mark.parametrize("number", ["1e41", "1e-41", "9" * 41, "0." + "1" * 41])
def test_numbers_past_the_bounds_are_located_findings(number: str) -> None:
    loaded = load_bytes("x.yaml", f"a: 1\nk: {number}\n".encode())
    assert isinstance(loaded, Finding) and (loaded.code, loaded.line, loaded.column) == ("PW206", 2, 4)


def test_far_dates_warn_once_per_contract(write_portfolio: Callable[..., Path], run_cli: Callable[..., CliResult]) -> None:
    extra = "term: {start: 2026-01-01, end: 2090-12-31}\n"
    milestones = "  - {id: M1, title: Delivery, kind: delivery, due: 2090-12-01, owner: ann}\n"
    root = write_portfolio({"people.yaml": PEOPLE, "contracts/C-1.yaml": contract_text(extra=extra, milestones=milestones)})
    result = run_cli("validate", "--root", root, "--strict")
    assert result.code == 1 and result.out.count("PW336") == 1 and "contracts/C-1.yaml:7:" in result.out
    assert run_cli("validate", "--root", root, "--today", "2060-01-01").code == 0


# --- (4) site_url ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "site_url",
    ['"https://x.example/\\"><script>alert(1)</script>"', "https://exa mple.com/", "'https:///path'", '"https://x.example/\\x01"'],
)
def test_site_url_that_would_break_the_site_is_refused(
    site_url: str, write_portfolio: Callable[..., Path], run_cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    root = write_portfolio({"people.yaml": PEOPLE, "pactwatch.yml": f"site_url: {site_url}\n", "contracts/C-1.yaml": contract_text()})
    for command in (("validate",), ("build", "--output", tmp_path / "site")):
        result = run_cli(*command, "--root", root)
        assert result.code == 2 and "pactwatch.yml:1:11:" in result.err and "Traceback" not in result.err, result.err
    assert not (tmp_path / "site").exists()


def test_a_plain_site_url_is_fine(write_portfolio: Callable[..., Path], run_cli: Callable[..., CliResult]) -> None:
    settings = "site_url: https://contracts.example.com:8443/team-a/\n"
    root = write_portfolio({"people.yaml": PEOPLE, "pactwatch.yml": settings, "contracts/C-1.yaml": contract_text()})
    assert run_cli("validate", "--root", root).code == 0
