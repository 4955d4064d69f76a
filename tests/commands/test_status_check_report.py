"""status, check and report as whole commands on the example portfolio."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from pactwatch.terminal import width
from tests.conftest import REPO_ROOT, CliResult

GOLDEN = Path(__file__).parent / "golden"
Run = Callable[..., CliResult]


@pytest.fixture
def example(copy_portfolio: Callable[[Path], Path]) -> Path:
    return copy_portfolio(REPO_ROOT)


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PACTWATCH_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; rerun with PACTWATCH_UPDATE_GOLDEN=1 and review the diff"


def test_example_shows_every_state_and_risk_kinds(run_cli: Run, example: Path) -> None:
    result = run_cli("status", "--root", example, "--all", "--format", "json")
    assert result.code == 0
    payload = json.loads(result.out)
    assert payload["today"] == "2026-11-27"
    states = {m["state"] for m in payload["milestones"]}
    assert states == {"done", "done_late", "waived", "cancelled", "overdue", "due_soon", "upcoming"}
    keys = [(m["due"], m["contract"], m["milestone"]) for m in payload["milestones"]]
    assert keys == sorted(keys)
    first = payload["milestones"][0]
    assert set(first) >= {
        "contract",
        "milestone",
        "title",
        "kind",
        "owner",
        "due",
        "state",
        "days_late",
        "days_until",
        "amount",
        "currency",
        "blocked",
    }
    report = json.loads(run_cli("report", "--root", example, "--period", "month", "--format", "json").out)
    assert len({r["kind"] for r in report["risks"]}) >= 2


def test_status_filters(run_cli: Run, example: Path) -> None:
    def refs(*args: str) -> list[str]:
        result = run_cli("status", "--root", example, "--format", "json", *args)
        assert result.code == 0, result.err
        return [f"{m['contract']}/{m['milestone']}" for m in json.loads(result.out)["milestones"]]

    overdue = refs("--state", "overdue")
    assert overdue and all(ref in refs() for ref in overdue)
    assert refs("--owner", "chen.jing") == [r for r in refs() if r in refs("--owner", "chen.jing")]
    assert set(refs("--contract", "L-2025-002")) == {r for r in refs() if r.startswith("L-2025-002/")}
    assert all(r.startswith(("C-2026-007/", "F-2026-006/")) for r in refs("--counterparty", "云帆"))
    within = refs("--within", "3")
    assert set(overdue) <= set(within) and "P-2026-003/M3" in within and "O-2026-010/M4" not in within


def test_status_text_groups_by_owner(run_cli: Run, example: Path) -> None:
    result = run_cli("status", "--root", example)
    assert result.code == 0
    assert "李娜 (li.na)" in result.out and "C-2026-007/M4" in result.out
    # the title comes last and whole (never cut), flags after it; amounts line up in their own column
    assert "Data Platform Implementation Agreement · Hypercare support (8 weeks)  [受阻]" in result.out
    lines = result.out.splitlines()
    group = lines[lines.index("李娜 (li.na)") + 1 :]
    group = group[: next(i for i, line in enumerate(group) if not line.startswith("  "))]
    starts = {width(line[: next(i for i, ch in enumerate(line) if ch in "¥$€")]) for line in group}
    assert len(group) >= 5 and len(starts) == 1


def test_check_fails_on_overdue_but_honours_acks(run_cli: Run, example: Path) -> None:
    result = run_cli("check", "--root", example, "--format", "json")
    assert result.code == 1
    rows = {f"{m['contract']}/{m['milestone']}": m for m in json.loads(result.out)["milestones"]}
    assert rows["C-2026-007/M4"]["fails"] is True
    assert rows["E-2026-008/M4"]["acknowledged"] is True and rows["E-2026-008/M4"]["fails"] is False
    assert run_cli("check", "--root", example, "--fail-on", "never").code == 0
    github = run_cli("check", "--root", example, "--format", "github").out.splitlines()
    assert "::error file=contracts/sales/C-2026-007.yaml,line=47," in "\n".join(github)
    assert any(line.startswith("::warning file=contracts/purchase/E-2026-008.yaml") for line in github)


def test_check_passes_once_everything_is_done(run_cli: Run, write_portfolio: Callable[..., Path]) -> None:
    root = write_portfolio(
        {
            "people.yaml": "people:\n  - {id: ann, name: Ann}\n",
            "contracts/C-1.yaml": "id: C-1\ntitle: T\ntype: nda\nstatus: active\nowner: ann\ncounterparty: {name: X}\nmilestones:\n"
            "  - {id: M1, title: Sign, kind: other, due: 2026-11-01, owner: ann, status: done, completed_on: 2026-11-03}\n"
            "  - {id: M2, title: Next, kind: other, due: 2026-11-30, owner: ann}\n",
        }
    )
    assert run_cli("check", "--root", root).code == 0
    assert run_cli("check", "--root", root, "--fail-on", "due-soon").code == 1
    assert run_cli("check", "--root", root, "--today", "2026-12-01").code == 1


def test_check_annotations_escape_the_file_name(run_cli: Run, write_portfolio: Callable[..., Path]) -> None:
    """A file name with , or : cannot add or cut workflow-command properties."""
    root = write_portfolio(
        {
            "people.yaml": "people:\n  - {id: ann, name: Ann}\n",
            "contracts/a,title=x:y.yaml": "id: C-1\ntitle: T\ntype: nda\nstatus: active\nowner: ann\ncounterparty: {name: X}\n"
            "milestones:\n  - {id: M1, title: Sign, kind: other, due: 2026-11-01, owner: ann}\n",
        }
    )
    lines = run_cli("check", "--root", root, "--today", "2026-11-27", "--format", "github").out.splitlines()
    assert lines[-1].split("::")[1] == "error file=contracts/a%2Ctitle=x%3Ay.yaml,line=8,title=overdue"


def test_check_fails_on_data_errors(run_cli: Run, write_portfolio: Callable[..., Path]) -> None:
    root = write_portfolio({"people.yaml": "people: []\n", "contracts/C-1.yaml": "id: C-1\n"})
    result = run_cli("check", "--root", root)
    assert result.code == 1 and "PW201" in result.out


def test_bad_today_is_a_usage_error(run_cli: Run, example: Path) -> None:
    result = run_cli("status", "--root", example, "--today", "2026-13-01")
    assert result.code == 2 and "--today" in result.err


@pytest.mark.parametrize(("period", "name"), [("week", "report-week-zh.md"), ("month", "report-month-zh.md")])
def test_report_markdown_golden(run_cli: Run, example: Path, period: str, name: str) -> None:
    result = run_cli("report", "--root", example, "--period", period)
    assert result.code == 0
    assert_golden(name, result.out)


def test_report_in_english_and_to_a_file(run_cli: Run, example: Path) -> None:
    settings = example / "pactwatch.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("language: zh", "language: en"), encoding="utf-8")
    out = example / "out" / "report.md"
    result = run_cli("report", "--root", example, "--period", "month", "-o", out)
    assert result.code == 0
    assert_golden("report-month-en.md", out.read_text(encoding="utf-8"))


def test_report_json_shape(run_cli: Run, example: Path) -> None:
    payload = json.loads(run_cli("report", "--root", example, "--format", "json").out)
    assert set(payload) >= {"period", "kpis", "completed", "overdue", "upcoming", "risks"}
    assert payload["period"] == {"kind": "week", "start": "2026-11-23", "end": "2026-11-29"}
    assert all(set(r) >= {"kind", "subject", "severity", "detail"} for r in payload["risks"])


def test_report_escapes_user_text(run_cli: Run, write_portfolio: Callable[..., Path]) -> None:
    root = write_portfolio(
        {
            "people.yaml": "people:\n  - {id: ann, name: Ann}\n",
            "contracts/C-1.yaml": "id: C-1\ntitle: '<script>alert(1)</script> | [x](javascript:alert(1)) @team'\ntype: nda\n"
            "status: active\n"
            "owner: ann\ncounterparty: {name: X}\nmilestones:\n  - {id: M1, title: '*bold*', kind: other, due: 2026-11-01, owner: ann}\n",
        }
    )
    out = run_cli("report", "--root", root).out
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "\\[x\\]" in out and "\\|" in out and "@\u200bteam" in out and "\\*bold\\*" in out
