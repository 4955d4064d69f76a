"""pactwatch done / ack / reschedule / waive on the example portfolio: the diff, --dry-run, and results that validate."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, CliResult

Run = Callable[..., CliResult]
SOURCE = "contracts/sales/C-2026-001.yaml"


@pytest.fixture
def root(copy_portfolio: Callable[[Path], Path]) -> Path:
    return copy_portfolio(REPO_ROOT)


def test_done_prints_the_diff_and_dry_run_writes_nothing(run_cli: Run, root: Path) -> None:
    before = (root / SOURCE).read_bytes()
    result = run_cli("done", "C-2026-001", "M5", "--on", "2026-11-20", "--evidence", "回单 20261120", "--dry-run", "--root", root)
    assert result.code == 0, result.err
    assert "+    status: done\n+    completed_on: 2026-11-20\n+    evidence: 回单 20261120" in result.out
    assert (root / SOURCE).read_bytes() == before
    assert run_cli("done", "C-2026-001", "M5", "--on", "2026-11-20", "--root", root).code == 0
    assert (root / SOURCE).read_bytes() != before
    assert run_cli("validate", "--root", root).code == 0


@pytest.mark.parametrize(
    "args",
    [
        ("ack", "C-2026-007", "M4", "--until", "2026-12-31", "--note", "客户盖章中"),
        ("reschedule", "C-2026-001", "M6", "--to", "2027-07-20", "--reason", "客户要求"),
        ("waive", "C-2026-001", "M5", "--reason", "双方同意取消"),
        ("done", "S-2026-004", "R1@2026-11-05", "--on", "2026-11-20"),
    ],
)
def test_each_command_works_and_the_result_validates(run_cli: Run, root: Path, args: tuple[str, ...]) -> None:
    result = run_cli(*args, "--root", root)
    assert result.code == 0, result.err
    assert run_cli("validate", "--root", root).code == 0


def test_reschedule_records_an_amendment_dated_today(run_cli: Run, root: Path) -> None:
    result = run_cli("reschedule", "C-2026-001", "M6", "--to", "2027-07-20", "--reason", "客户要求", "--root", root)
    assert "+  - id: A3\n+    date: 2026-11-27\n+    summary: 节点 M6 的计划日期由 2027-07-10 改为 2027-07-20：客户要求" in result.out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("done", "C-2026-001", "M5", "--on", "2026-12-20"), "晚于今天"),
        (("done", "C-2026-001", "M9"), "没有节点 M9"),
        (("reschedule", "C-2026-001", "M4", "--to", "2027-01-01", "--reason", "x"), "M4"),  # done already
        (("ack", "NOPE", "M1", "--until", "2027-01-01"), "NOPE"),
    ],
)
def test_refusals_are_one_line_and_write_nothing(run_cli: Run, root: Path, args: tuple[str, ...], words: str) -> None:
    before = (root / SOURCE).read_bytes()
    result = run_cli(*args, "--root", root)
    assert result.code == 1 and words in result.err and "Traceback" not in result.err
    assert (root / SOURCE).read_bytes() == before


def test_a_result_that_would_not_validate_is_refused_with_findings(run_cli: Run, root: Path) -> None:
    path = root / SOURCE
    path.write_text(path.read_text(encoding="utf-8").replace("    owner: liu.yang\n", "    owner: ghost\n"), encoding="utf-8")
    before = path.read_bytes()
    result = run_cli("done", "C-2026-001", "M5", "--root", root)
    assert result.code == 1 and "C-2026-001.yaml:" in result.err and "PW304" in result.err
    assert (root / SOURCE).read_bytes() == before
