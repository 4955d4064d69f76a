"""Data-driven cases: every folder under tests/examples is a portfolio with a known verdict.

valid/<case>: no finding, exit 0. invalid/<case>: exactly the findings in its
expected.yaml (code, file, line, column and pointer) and its exit code. Each
case runs through the real CLI twice, cold and then from the cache, and both
runs must agree.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from pactwatch.findings import CODES

if TYPE_CHECKING:
    from conftest import CliResult

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

VALID = sorted(p for p in (EXAMPLES / "valid").iterdir() if p.is_dir())
INVALID = sorted(p for p in (EXAMPLES / "invalid").iterdir() if p.is_dir())

# Codes no example folder can show, and where they are tested instead.
ELSEWHERE = {
    "PW102": "a file over 1 MiB: test_cli_validate.py::test_oversized_contract_is_a_located_finding",
}
# Codes nothing emits (every code in the table is emitted somewhere; keep it that way).
NOT_EMITTED: set[str] = set()

Key = tuple[str, str, int, int]


def _expected(case: Path) -> dict[str, Any]:
    data = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("findings"), list), f"{case}/expected.yaml needs a findings list"
    return data


def _keys(findings: list[dict[str, Any]], with_pointer: bool) -> list[tuple[Any, ...]]:
    rows = [(f["code"], f["file"], f["line"], f["column"], *([f.get("pointer", "")] if with_pointer else [])) for f in findings]
    return sorted(rows)


def _validate_twice(root: Path, today: str, run_cli: Callable[..., CliResult]) -> tuple[CliResult, CliResult]:
    args = ("validate", "--root", root, "--today", today, "--format", "json")
    return run_cli(*args), run_cli(*args)


@pytest.mark.parametrize("case", VALID, ids=[p.name for p in VALID])
def test_valid_example(case: Path, copy_portfolio: Callable[[Path], Path], run_cli: Callable[..., CliResult]) -> None:
    cold, warm = _validate_twice(copy_portfolio(case), "2026-11-27", run_cli)
    assert (cold.code, json.loads(cold.out)) == (0, {"findings": []}), cold.err
    assert (warm.code, warm.out) == (cold.code, cold.out)


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_example(case: Path, copy_portfolio: Callable[[Path], Path], run_cli: Callable[..., CliResult]) -> None:
    expected = _expected(case)
    today = str(expected.get("today", "2026-11-27"))
    cold, warm = _validate_twice(copy_portfolio(case), today, run_cli)
    assert cold.code == expected["exit"], cold.out + cold.err
    findings = json.loads(cold.out)["findings"]  # exit 2 (pactwatch.yml unusable) lists its findings too
    with_pointer = all("pointer" in f for f in expected["findings"])
    assert _keys(findings, with_pointer) == _keys(expected["findings"], with_pointer)
    assert all(f["severity"] == CODES[f["code"]][0] and f["message"] for f in findings)
    assert (warm.code, warm.out, warm.err) == (cold.code, cold.out, cold.err)


def test_every_code_has_an_example() -> None:
    shown = {f["code"] for case in INVALID for f in _expected(case)["findings"]}
    assert shown | set(ELSEWHERE) | NOT_EMITTED == set(CODES)
    assert not shown & NOT_EMITTED, "a code listed as not emitted appears in an example: remove it from NOT_EMITTED"


def test_not_emitted_codes_really_are_not_emitted() -> None:
    package = Path(__import__("pactwatch").__file__).parent
    sources = "".join(path.read_text(encoding="utf-8") for path in package.rglob("*.py") if path.name != "findings.py")
    assert [code for code in sorted(NOT_EMITTED) if f'"{code}"' in sources] == []


def test_cases_are_self_contained() -> None:
    for case in VALID + INVALID:
        assert (case / "contracts").is_dir(), f"{case} has no contracts/ folder"
        assert (case / "expected.yaml").exists() == (case in INVALID), case
