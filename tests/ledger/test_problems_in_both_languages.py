"""Broken ledgers (tests/ledger/broken/*.csv): each problem listed in expected.json is found at its cell, and its
message and hint are the catalogue's, in the run's language (--lang zh and --lang en); the text report too."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pactwatch.catalogue import text
from pactwatch.ledger import cell_words, words
from pactwatch.ledger.problems import Choices
from tests.conftest import CliResult

Run = Callable[..., CliResult]
BROKEN = Path(__file__).resolve().parent / "broken"
EXPECTED: dict[str, list[dict[str, Any]]] = json.loads((BROKEN / "expected.json").read_text(encoding="utf-8"))
CASES = [(name, index) for name, problems in EXPECTED.items() for index in range(len(problems))]


def _hint(expected: dict[str, Any], language: str) -> str:
    if "choices" in expected:
        hint_id, table = expected["choices"]
        ids = cell_words.BUSINESS_DAY_IDS if table == "BUSINESS_DAYS" else words.choices(hint_id, getattr(words, table)).ids
        return Choices(hint_id, ids).render(language)
    return text(expected["hint"][0], language, **expected["hint"][1]) if "hint" in expected else ""


def _report(run_cli: Run, ledger: Path, root: Path, language: str) -> dict[str, Any]:
    result = run_cli("import", ledger, "--root", root, "--dry-run", "--format", "json", "--lang", language)
    assert result.code == 1 and not result.err, result.err
    report: dict[str, Any] = json.loads(result.out)
    return report


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize(("name", "index"), CASES)
def test_each_problem_is_located_and_in_the_run_language(run_cli: Run, empty_portfolio: Path, name: str, index: int, language: str) -> None:
    expected = EXPECTED[name][index]
    report = _report(run_cli, BROKEN / name, empty_portfolio, language)
    at = {(p["contract"], f"{p['column']}{p['row']}" if p["column"] else None, p["severity"]): p for p in report["problems"]}
    found = at[(expected["contract"], expected["cell"], expected.get("severity", "error"))]
    message_id, facts = expected["message"]
    assert found["message"] == text(message_id, language, **facts)
    assert found["hint"] == _hint(expected, language)


def test_the_same_problem_reads_in_each_language(run_cli: Run, empty_portfolio: Path) -> None:
    said = {
        lang: run_cli("import", BROKEN / "values.csv", "--root", empty_portfolio, "--dry-run", "--lang", lang).err for lang in ("zh", "en")
    }
    assert "values.csv: E2（签订日期）：[B-1] 错误：「2026-02-30」不是存在的日期\n    建议：请检查日和月" in said["zh"]
    assert "values.csv: E2 (签订日期): [B-1] error: '2026-02-30' is not a real date\n    hint: check the day and the month" in said["en"]
    # one person, one contract: the English singular; the statuses the hint lists are the catalogue's words
    assert "'王小明' is not in people.yaml (I6; 1 contract not imported: B-5)" in said["en"]
    assert "可用的状态：草稿、履行中、已履行完毕、已终止、已到期" in said["zh"]
    assert "statuses: draft, active, completed, terminated, expired" in said["en"]


def test_a_ledger_that_cannot_be_read_says_so_in_the_run_language(run_cli: Run, empty_portfolio: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    for language in ("zh", "en"):
        result = run_cli("import", old, "--root", empty_portfolio, "--lang", language)
        assert result.code == 2 and result.err.strip() == "pactwatch: " + text("ledger.unreadable.xls", language, file="old.xls")
    garbled = tmp_path / "garbled.csv"
    garbled.write_bytes(b"\x81\x20\xff\xfe\x80")
    result = run_cli("import", garbled, "--root", empty_portfolio, "--lang", "zh")
    assert result.code == 1 and result.err.strip() == "pactwatch: " + text("ledger.unreadable.encoding", "zh", file="garbled.csv")
