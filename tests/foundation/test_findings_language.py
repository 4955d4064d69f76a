"""Findings of reading and checking files speak the run's language (--lang zh / en), and full-width
punctuation gets a finding at the character itself with a hint to type the ASCII one."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pactwatch.catalogue import Msg, text
from pactwatch.findings import Finding
from pactwatch.load import schema
from pactwatch.load.yaml import Document, load_bytes
from pactwatch.settings import SettingsError, load_settings

if TYPE_CHECKING:
    from conftest import CliResult

    RunCli = Callable[..., CliResult]

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
INVALID = sorted(p for p in (EXAMPLES / "invalid").iterdir() if p.is_dir())

# The codes this layer words (reading, YAML, schema, people, settings); the rules' codes are worded in rules/.
LOADER_CODES = {f"PW{n}" for n in ("001", *range(101, 113), *range(201, 208), 319, 353, 354, 355)}
SETTINGS_CODES = {"PW312"}  # only as pactwatch.yml's finding: a contract's PW312 is a rule's
SCHEMA_CASES = {"pw350-due-and-due-after"}  # PW350 from the schema (both due and due_after), not from the rules

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _ours(case: Path, finding: dict[str, object]) -> bool:
    code = finding["code"]
    return code in LOADER_CODES or (code in SETTINGS_CODES and finding["file"] == "pactwatch.yml") or case.name in SCHEMA_CASES


def _users_text(case: Path) -> str:
    """Everything the case's author typed: keys, values and file names may appear in a finding as they are."""
    return " ".join(p.read_bytes().decode("utf-8", "replace") for p in case.rglob("*") if p.is_file())


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_every_finding_of_the_loader_in_both_languages(case: Path, copy_portfolio: Callable[[Path], Path], run_cli: RunCli) -> None:
    """The same findings, located the same, worded in each language (the catalogue's tests hold the words themselves)."""
    root = copy_portfolio(case)
    users = _users_text(case)
    by_language = {}
    for language in ("zh", "en"):
        result = run_cli("validate", "--root", root, "--today", "2026-11-27", "--format", "json", "--lang", language)
        by_language[language] = [f for f in json.loads(result.out)["findings"] if _ours(case, f)]
    zh, en = by_language["zh"], by_language["en"]
    assert [(f["code"], f["line"], f["column"], f["pointer"]) for f in zh] == [
        (f["code"], f["line"], f["column"], f["pointer"]) for f in en
    ]
    for chinese, english in zip(zh, en, strict=True):
        assert chinese["message"] != english["message"] and _CJK.search(str(chinese["message"])), chinese
        assert bool(chinese["hint"]) == bool(english["hint"]), (chinese, english)
        assert not chinese["hint"] or (_CJK.search(str(chinese["hint"])) and chinese["hint"] != english["hint"]), chinese
        for sentence in (english["message"], english["hint"]):
            assert not [c for c in _CJK.findall(str(sentence)) if c not in users], f"Chinese in {sentence!r}"


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_the_loader_findings_carry_catalogue_messages(case: Path) -> None:
    """Every finding of reading, YAML and the schema is a Msg (an id and facts), never a finished English sentence."""
    found: list[Finding] = []
    for path in sorted(case.rglob("*.y*ml")):
        if path.name == "expected.yaml" or path.is_symlink() or not path.is_file():
            continue
        loaded = load_bytes(path.name, path.read_bytes())
        if isinstance(loaded, Finding):
            found.append(loaded)
        elif isinstance(loaded.data, dict):
            found += schema.check(loaded, {"people.yaml": "people", "pactwatch.yml": "settings"}.get(path.name, "contract"))
    try:
        load_settings(case)
    except SettingsError as exc:
        found += [f for f in exc.findings if f.code in LOADER_CODES | SETTINGS_CODES]
    for finding in found:
        assert isinstance(finding.message, Msg), finding
        assert isinstance(finding.hint, Msg) or finding.hint == "", finding


def refuse(source: str) -> Finding:
    loaded = load_bytes("x.yaml", source.encode("utf-8"))
    assert isinstance(loaded, Finding), loaded
    return loaded


@pytest.mark.parametrize(
    ("source", "line", "column", "kind"),
    [
        ("id: C-1\ntitle：合同\nstatus: active\n", 2, 6, "colon"),  # libyaml: "could not find expected ':'" on line 3
        ("title：合同\n", 1, 6, "colon"),  # alone, it would parse as one text: the file is no mapping (PW108)
        ("id: C-1\nterms:\n  payment_days：30\n", 3, 15, "colon"),  # parses: terms would be the text 'payment_days：30'
        ("milestones:\n  - id：M1\n", 2, 7, "colon"),
        ("tags: [硬件，软件]\n", 1, 10, "comma"),  # parses: one item '硬件，软件'
        ("owner: {id: a，name: b}\n", 1, 14, "comma"),
        ("terms:\n\u3000\u3000payment_days: 30\n", 2, 1, "space"),  # parses: a key named '　　payment_days'
        ("id: C-1\ntitle\u3000: 合同\n", 2, 6, "space"),
        ("status: \u3000active\n", 1, 9, "space"),
        ("id: C-1\ntitle:\u3000合同\nstatus: active\n", 2, 7, "colon_space"),
        ("tags: \uff3b硬件, 软件\uff3d\n", 1, 7, "bracket"),
        ("id: C-1\ntitle: \u201c合同: 甲\u201d\n", 2, 8, "quote"),
    ],
)
def test_full_width_punctuation_is_found_at_the_character(source: str, line: int, column: int, kind: str) -> None:
    finding = refuse(source)
    assert (finding.code, finding.line, finding.column) == ("PW104", line, column), finding.message
    assert isinstance(finding.message, Msg) and finding.message.id == f"finding.fullwidth.{kind}"
    assert finding.source == source.splitlines()[line - 1]


def test_the_colon_hint_in_both_languages() -> None:
    finding = refuse("title：合同\n")
    assert finding.hint_text("zh") == "把全角冒号「：」改成英文冒号「:」，后面加一个空格"
    assert finding.hint_text("en") == "use the ASCII colon ':' followed by a space"


@pytest.mark.parametrize(
    "source",
    [
        'title: "合同：甲"\n',  # quoted: the author's text
        "title: 合同：甲方\n",  # a value after its key: text
        "note: Phase 1：delivery\n",
        "title: 【重要】合同\n",
        'tags: ["硬件，软件", 维护]\n',
        "evidence: |\n  备注：见附件，共 3 页\n  payment_days：见第 5 条\n",  # a block of text is text
        "counterparty: {name: 甲方（北京）有限公司}\n",
        "# 注释：全角冒号，逗号\nid: C-1\n",
        '"\u3000": null\n',  # a quoted key is what its author typed (found by test_properties)
    ],
)
def test_full_width_punctuation_inside_text_is_allowed(source: str) -> None:
    assert isinstance(load_bytes("x.yaml", source.encode("utf-8")), Document)


def test_chinese_words_for_choices_hint_the_format_value(run_cli: RunCli, copy_portfolio: Callable[[Path], Path]) -> None:
    root = copy_portfolio(EXAMPLES / "invalid/pw204-chinese-words")
    hints = {}
    for language in ("zh", "en"):
        result = run_cli("validate", "--root", root, "--format", "json", "--lang", language)
        hints[language] = {f["pointer"]: f["hint"] for f in json.loads(result.out)["findings"]}
    assert hints["zh"]["/status"] == "'执行中' 应写作 'active'"
    assert hints["en"]["/status"] == "write 'active' for 执行中"
    assert hints["zh"]["/milestones/0/kind"] == "'付款' 应写作 'payment'"
    assert hints["en"]["/milestones/0/status"] == "write 'done' for 已完成"  # a milestone's 已完成 is done; a contract's, completed
    assert hints["en"]["/type"] == "write 'purchase' for 采购"


def test_a_typo_in_a_choice_keeps_did_you_mean(run_cli: RunCli, copy_portfolio: Callable[[Path], Path]) -> None:
    root = copy_portfolio(EXAMPLES / "invalid/pw204-enum")
    result = run_cli("validate", "--root", root, "--format", "json", "--lang", "zh")
    hints = {f["pointer"]: f["hint"] for f in json.loads(result.out)["findings"]}
    assert hints["/type"] == "您是不是想写 'sales'？"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "1 contract file checked: 1 error, 0 warnings."),
        ("zh", "已检查 1 个合同文件：1 个错误，0 个警告。"),
    ],
)
def test_the_summary_in_each_language(language: str, expected: str, run_cli: RunCli, copy_portfolio: Callable[[Path], Path]) -> None:
    root = copy_portfolio(EXAMPLES / "invalid/pw105-duplicate-key")
    result = run_cli("validate", "--root", root, "--lang", language)
    assert result.err.strip() == expected
    error = text("finding.severity.error", language)
    assert f"{error} PW105 {text('finding.yaml.duplicate_key', language, key='owner')}" in result.out or f"{error} PW105" in result.out
    assert text("finding.hint", language, hint=text("finding.yaml.duplicate_key_hint", language)) in result.out


def test_plural_counts_in_english() -> None:
    assert text("validate.errors", "en", count=2) == "2 errors" and text("validate.warnings", "en", count=1) == "1 warning"
    assert text("validate.files", "en", count=12) == "12 contract files checked"


def test_github_annotations_speak_the_run_language(run_cli: RunCli, copy_portfolio: Callable[[Path], Path]) -> None:
    root = copy_portfolio(EXAMPLES / "invalid/pw104-fullwidth-colon")
    result = run_cli("validate", "--root", root, "--format", "github", "--lang", "zh")
    assert result.out.startswith("::error file=contracts/C-1.yaml,line=2,col=6,title=PW104::")
    assert text("finding.fullwidth.colon", "zh") in result.out and text("finding.fullwidth.colon_hint", "zh") in result.out


def test_unusable_settings_speak_their_own_language(run_cli: RunCli, copy_portfolio: Callable[[Path], Path]) -> None:
    root = copy_portfolio(EXAMPLES / "invalid/pw319-bad-timezone")
    (root / "pactwatch.yml").write_text("language: zh\ntimezone: Europe/Atlantis\n", encoding="utf-8")
    chinese = run_cli("validate", "--root", root)
    assert chinese.code == 2
    assert text("finding.settings.timezone", "zh", name="Europe/Atlantis") in chinese.err
    english = run_cli("validate", "--root", root, "--lang", "en")
    assert "error PW319 unknown time zone 'Europe/Atlantis'" in english.err


def test_check_shows_findings_in_the_run_language(run_cli: RunCli, copy_portfolio: Callable[[Path], Path]) -> None:
    root = copy_portfolio(EXAMPLES / "invalid/pw204-chinese-words")
    for language in ("zh", "en"):
        result = run_cli("check", "--root", root, "--today", "2026-11-27", "--lang", language, "--format", "json")
        hints = [f["hint"] for f in json.loads(result.out)["findings"] if f["pointer"] == "/status"]
        assert hints == [text("finding.schema.write_as", language, value="执行中", suggestion="active")]
