"""The rules' findings in both languages: every invalid example of a rule's code, validated with --lang zh and --lang en.

In zh each finding of ours carries its code and a Chinese message, with no English word of pactwatch's own
in message or hint; in en no Chinese of ours (names and values from the portfolio's files aside, which
``scan.user_strings`` collects). The findings of the loader, the schema and the settings are another
catalogue's (catalogue/findings_load.py), so only the rules' codes are looked at here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from pactwatch.catalogue import CATALOGUE, Msg, text
from pactwatch.rules.counterparties import spelling_key
from tests.voice.scan import foreign_words

if TYPE_CHECKING:
    from conftest import CliResult

INVALID = Path(__file__).resolve().parents[1] / "examples" / "invalid"
# Codes made by rules/, load/construct.py (dates) and notify/config.py. PW312 and PW353 are also the
# settings' (pactwatch.yml), whose words live elsewhere: only those in contracts and people.yaml count.
RULE_CODES = frozenset(f"PW{n}" for n in (*range(301, 319), *range(320, 325), 335, 336, 337, *range(350, 354)))
_SETTINGS_ALSO = frozenset({"PW312", "PW353"})
_HAN = re.compile(r"[\u4e00-\u9fff]")
# What a zh text may quote as the user types it (values in '' or 「」, keywords and YAML in ``), and file names.
_QUOTED = re.compile(r"'[^'\n]*'|「[^」\n]*」|`[^`\n]*`|[\w./-]+\.ya?ml\b")


def _words(finding: dict[str, Any]) -> str:
    """A finding's message and hint without the quoted values and keywords."""
    return _QUOTED.sub(" ", f"{finding['message']}\n{finding['hint']}")


def _user_strings(root: Path) -> list[str]:
    """Every key and value of the portfolio's files as written (BaseLoader: 2025-02-29 stays text), longest first."""
    files = [root / "pactwatch.yml", root / "people.yaml", *sorted((root / "contracts").rglob("*.yaml"))]
    found: set[str] = set()
    for path in files:
        if path.is_file():
            stack = [yaml.load(path.read_text(encoding="utf-8-sig"), Loader=yaml.BaseLoader)]
            while stack:
                node = stack.pop()
                if isinstance(node, dict):
                    found.update(map(str, node))
                    stack.extend(node.values())
                elif isinstance(node, list):
                    stack.extend(node)
                elif isinstance(node, str) and node.strip():
                    found.add(node)
    return sorted(found, key=len, reverse=True)


def _ours(finding: dict[str, Any]) -> bool:
    return finding["code"] in RULE_CODES and not (finding["code"] in _SETTINGS_ALSO and finding["file"] == "pactwatch.yml")


def _expected(case: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))
    return data


# Every invalid example showing a finding of the rules (one whose folder is named after another code too).
CASES = sorted(p for p in INVALID.iterdir() if p.is_dir() and any(_ours(f) for f in _expected(p)["findings"]))


def _findings(root: Path, language: str, today: str, run_cli: Callable[..., CliResult]) -> list[dict[str, Any]]:
    result = run_cli("validate", "--root", root, "--today", today, "--lang", language, "--format", "json")
    findings: list[dict[str, Any]] = json.loads(result.out)["findings"]
    return [f for f in findings if _ours(f)]


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_rule_findings_speak_both_languages(case: Path, copy_portfolio: Callable[[Path], Path], run_cli: Callable[..., CliResult]) -> None:
    root = copy_portfolio(case)
    expected = _expected(case)
    today = str(expected.get("today", "2026-11-27"))
    user = _user_strings(root)
    zh, en = _findings(root, "zh", today, run_cli), _findings(root, "en", today, run_cli)
    assert sorted(f["code"] for f in zh) == sorted(f["code"] for f in expected["findings"] if _ours(f))
    assert [(f["code"], f["line"], f["column"]) for f in zh] == [(f["code"], f["line"], f["column"]) for f in en]
    for finding in zh:
        assert _HAN.search(finding["message"]), finding
        assert foreign_words(_words(finding), "zh", user) == [], finding
    for finding in en:
        assert foreign_words(_words(finding), "en", user) == [], finding


def test_a_near_miss_owner_is_named_in_both_languages(copy_portfolio: Callable[[Path], Path], run_cli: Callable[..., CliResult]) -> None:
    root = copy_portfolio(INVALID / "pw304-unknown-owner")
    hints = {language: [f["hint"] for f in _findings(root, language, "2026-11-27", run_cli)] for language in ("zh", "en")}
    assert text("finding.hint.did_you_mean_person", "zh", suggestion="liu.min", name="刘敏") == "您是不是想写 'liu.min'（刘敏）？"
    assert hints["zh"][-1] == "您是不是想写 'liu.min'（刘敏）？"
    assert hints["en"][-1] == "did you mean 'liu.min' (刘敏)?"
    assert hints["en"][0] == text("finding.hint.add_person", "en")  # 'nobody' is close to no one


def test_counterparty_spellings_name_the_existing_one(copy_portfolio: Callable[[Path], Path], run_cli: Callable[..., CliResult]) -> None:
    root = copy_portfolio(INVALID / "pw337-counterparty-spelling")
    zh = _findings(root, "zh", "2026-11-27", run_cli)
    assert [f["hint"] for f in zh][-1] == "C-5（contracts/C-5.yaml）写作「华为技术有限公司」；同一相对方请用同一写法"
    en = _findings(root, "en", "2026-11-27", run_cli)
    assert en[0]["message"] == "the counterparty name 'acme  ltd' differs from 'ACME Ltd' only by spaces, full-width characters or case"
    assert spelling_key("ＡＣＭＥ　 Ltd") == spelling_key("acmeltd") != spelling_key("ACME Ltd.")


def test_plurals_in_english() -> None:
    one = text("finding.repeats_past_term", "en", milestone="M1", end="2027-12-31", count=1, first="2028-01-31")
    two = text("finding.repeats_past_term", "en", milestone="M1", end="2027-12-31", count=2, first="2028-01-31")
    assert one.endswith(": 1 occurrence from 2028-01-31 on") and two.endswith(": 2 occurrences from 2028-01-31 on")
    assert text("finding.far_dates", "en", date="2090-01-01", years=64, today="2026-11-27", count=1).endswith(
        "(and 1 more date in this file)"
    )


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_rule_findings_carry_an_id_and_facts(case: Path, copy_portfolio: Callable[[Path], Path]) -> None:
    """Not a sentence: what the rules find is worded only when it is shown (so both languages can be)."""
    from datetime import date

    from pactwatch.load.portfolio import load_portfolio
    from pactwatch.settings import SettingsError

    today = date.fromisoformat(str(_expected(case).get("today", "2026-11-27")))
    try:
        findings = load_portfolio(copy_portfolio(case), today, use_cache=False).findings
    except SettingsError as exc:  # the notify block's problems make pactwatch.yml unusable
        findings = tuple(exc.findings)
    ours = [f for f in findings if _ours({"code": f.code, "file": f.file})]
    assert ours
    for finding in ours:
        assert isinstance(finding.message, Msg) and finding.message.id in CATALOGUE, finding
        assert finding.hint == "" or (isinstance(finding.hint, Msg) and finding.hint.id in CATALOGUE), finding
