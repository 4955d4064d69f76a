"""Acceptance tests of `pactwatch validate` through pactwatch.cli.main: exit codes, formats, options."""

from __future__ import annotations

import json
import os
import time
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pactwatch.commands.common import resolve_today
from pactwatch.model import Settings

if TYPE_CHECKING:
    from conftest import CliResult

    RunCli = Callable[..., CliResult]
    WritePortfolio = Callable[..., Path]

REPO_ROOT = Path(__file__).resolve().parents[2]
PEOPLE = "people:\n  - {id: ann, name: Ann}\n  - {id: bo, name: 王博, manager: ann}\n"
SETTINGS = "timezone: Asia/Shanghai\ncurrency: CNY\n"
JSON_KEYS = ["code", "severity", "file", "line", "column", "pointer", "message", "hint"]


def contract(cid: str, extra: str = "", milestone: str = "") -> str:
    return (
        f"id: {cid}\ntitle: 测试合同 {cid}\ntype: sales\nstatus: active\nowner: ann\ncounterparty: {{name: ACME}}\n{extra}"
        f"milestones:\n  - id: M1\n    title: Delivery\n    kind: delivery\n    due: 2026-12-01\n    owner: bo\n{milestone}"
    )


@pytest.fixture
def portfolio(write_portfolio: WritePortfolio) -> Path:
    """Two good contracts in subfolders, one with a duplicate key, one with an out-of-term (warning) milestone."""
    return write_portfolio(
        {
            "pactwatch.yml": SETTINGS,
            "people.yaml": PEOPLE,
            "contracts/a/A-1.yaml": contract("A-1"),
            "contracts/b/B-1.yaml": contract("B-1"),
            "contracts/b/BAD.yaml": contract("BAD") + "owner: bo\n",
        }
    )


@pytest.fixture
def warning_only(write_portfolio: WritePortfolio, tmp_path: Path) -> Path:
    files = {
        "pactwatch.yml": SETTINGS,
        "people.yaml": PEOPLE,
        "contracts/W-1.yaml": contract("W-1", "term: {start: 2026-01-01, end: 2026-06-30}\n"),
    }
    return write_portfolio(files, tmp_path / "warnings")


# --- the example portfolio -------------------------------------------------------------------


def test_repository_portfolio_validates_cleanly(run_cli: RunCli) -> None:
    result = run_cli("validate", "--root", REPO_ROOT, "--no-cache", "--today", "2026-11-27", "--format", "json")
    assert (result.code, json.loads(result.out)) == (0, {"findings": []})


def test_repository_portfolio_is_silent_on_success_and_verbose_with_v(run_cli: RunCli) -> None:
    quiet = run_cli("validate", "--root", REPO_ROOT, "--no-cache")
    assert (quiet.code, quiet.out, quiet.err) == (0, "", "")
    loud = run_cli("validate", "--root", REPO_ROOT, "--no-cache", "-v")
    count = len(list((REPO_ROOT / "contracts").rglob("*.yaml")))
    assert (loud.code, loud.out) == (0, "")
    assert loud.err.strip() == f"已检查 {count} 个合同文件：0 个错误，0 个警告。"  # the example portfolio speaks zh


# --- exit codes ---------------------------------------------------------------------------------


def test_exit_1_and_text_report_with_caret_and_hint(portfolio: Path, run_cli: RunCli) -> None:
    result = run_cli("validate", "--root", portfolio)
    assert result.code == 1
    assert result.out.splitlines() == [
        "contracts/b/BAD.yaml:13:1: error PW105 duplicate key 'owner'",
        "    owner: bo",
        "    ^",
        "    hint: each key may appear once in a mapping; remove or rename one",
    ]
    assert result.err.strip() == "3 contract files checked: 1 error, 0 warnings."


def test_warnings_pass_unless_strict(warning_only: Path, run_cli: RunCli) -> None:
    relaxed = run_cli("validate", "--root", warning_only)
    assert relaxed.code == 0
    assert "warning PW314" in relaxed.out
    assert run_cli("validate", "--root", warning_only, "--strict").code == 1


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "--format", "xml"),
        ("validate", "--no-such-option"),
        ("validate", "--today", "2026-02-30"),
        ("validate", "--today", "tomorrow"),
        ("no-such-command",),
    ],
)
def test_usage_problems_exit_2(args: tuple[str, ...], portfolio: Path, run_cli: RunCli) -> None:
    result = run_cli(*args[:1], "--root", portfolio, *args[1:]) if args[0] == "validate" else run_cli(*args)
    assert result.code == 2
    assert result.out == ""
    assert "Traceback" not in result.err


def test_root_that_is_not_a_portfolio_exits_2(tmp_path: Path, run_cli: RunCli) -> None:
    missing = run_cli("validate", "--root", tmp_path / "nowhere")
    assert missing.code == 2
    assert "is not a directory" in missing.err
    empty = run_cli("validate", "--root", tmp_path)
    assert empty.code == 2
    assert "is not a pactwatch portfolio" in empty.err


def test_bad_settings_exit_2_with_located_findings(write_portfolio: WritePortfolio, run_cli: RunCli) -> None:
    root = write_portfolio({"pactwatch.yml": "timezone: Europe/Atlantis\n", "people.yaml": PEOPLE, "contracts/A.yaml": contract("A")})
    result = run_cli("validate", "--root", root)
    assert result.code == 2
    assert result.out == ""
    assert "pactwatch.yml:1:11: error PW319 unknown time zone 'Europe/Atlantis'" in result.err


@pytest.mark.parametrize("fmt", ["json", "github"])
def test_bad_settings_in_machine_formats(fmt: str, write_portfolio: WritePortfolio, run_cli: RunCli) -> None:
    root = write_portfolio({"pactwatch.yml": "language: fr\n", "people.yaml": PEOPLE})
    result = run_cli("validate", "--root", root, "--format", fmt)
    assert result.code == 2
    if fmt == "json":
        [finding] = json.loads(result.out)["findings"]
        assert (finding["code"], finding["file"], finding["line"], finding["column"]) == ("PW204", "pactwatch.yml", 1, 11)
    else:
        assert result.out.startswith("::error file=pactwatch.yml,line=1,col=11,title=PW204::")


def test_github_paths_are_relative_to_the_repository(portfolio: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(portfolio.parent)
    result = run_cli("validate", "--root", portfolio.name, "--format", "github")
    assert result.out.startswith(f"::error file={portfolio.name}/contracts/b/BAD.yaml,line=13,col=1,title=PW105::")
    text = run_cli("validate", "--root", portfolio.name)
    assert text.out.startswith("contracts/b/BAD.yaml:13:1:")  # findings themselves name files from the portfolio root


def test_unreadable_settings_exit_2(write_portfolio: WritePortfolio, run_cli: RunCli) -> None:
    root = write_portfolio({"people.yaml": PEOPLE})
    (root / "pactwatch.yml").mkdir()
    result = run_cli("validate", "--root", root)
    assert result.code == 2
    assert "pactwatch.yml:1:1: error PW001 cannot read file" in result.err


# --- formats ------------------------------------------------------------------------------------


def test_json_format_shape(portfolio: Path, run_cli: RunCli) -> None:
    result = run_cli("validate", "--root", portfolio, "--format", "json")
    assert result.code == 1
    assert result.err == ""
    document = json.loads(result.out)
    assert list(document) == ["findings"]
    [finding] = document["findings"]
    assert list(finding) == JSON_KEYS
    assert finding == {
        "code": "PW105",
        "severity": "error",
        "file": "contracts/b/BAD.yaml",
        "line": 13,
        "column": 1,
        "pointer": "",
        "message": "duplicate key 'owner'",
        "hint": "each key may appear once in a mapping; remove or rename one",
    }


def test_json_keeps_chinese_readable(write_portfolio: WritePortfolio, run_cli: RunCli) -> None:
    root = write_portfolio({"pactwatch.yml": SETTINGS, "people.yaml": PEOPLE, "contracts/合同-1.yaml": contract("合同-1")})
    result = run_cli("validate", "--root", root, "--format", "json")
    files = {f["file"] for f in json.loads(result.out)["findings"]}
    assert files == {"contracts/合同-1.yaml"}
    assert "合同-1" in result.out


def test_json_with_no_findings(warning_only: Path, run_cli: RunCli) -> None:
    (warning_only / "contracts/W-1.yaml").write_text(contract("W-1"), encoding="utf-8")
    result = run_cli("validate", "--root", warning_only, "--format", "json")
    assert (result.code, json.loads(result.out), result.err) == (0, {"findings": []}, "")


def test_github_format_annotations(portfolio: Path, warning_only: Path, run_cli: RunCli) -> None:
    error = run_cli("validate", "--root", portfolio, "--format", "github")
    assert error.code == 1
    assert error.out.splitlines() == [
        "::error file=contracts/b/BAD.yaml,line=13,col=1,title=PW105::duplicate key 'owner'"
        " (hint: each key may appear once in a mapping; remove or rename one)"
    ]
    warning = run_cli("validate", "--root", warning_only, "--format", "github")
    assert warning.code == 0
    assert warning.out.startswith("::warning file=contracts/W-1.yaml,line=12,col=10,title=PW314::milestone 'M1' is due 2026-12-01")
    clean = run_cli("validate", "--root", REPO_ROOT, "--no-cache", "--format", "github")
    assert (clean.code, clean.out) == (0, "")


def test_caret_sits_under_the_offending_text_after_cjk(write_portfolio: WritePortfolio, run_cli: RunCli) -> None:
    text = contract("C-1").replace("counterparty: {name: ACME}", "counterparty: {name: 上海某某科技有限公司, 名称: x, name: y}")
    root = write_portfolio({"people.yaml": PEOPLE, "contracts/C-1.yaml": text})
    result = run_cli("validate", "--root", root)
    finding, source, caret = result.out.splitlines()[:3]
    assert finding == "contracts/C-1.yaml:6:41: error PW105 duplicate key 'name'"
    assert source == "    counterparty: {name: 上海某某科技有限公司, 名称: x, name: y}"
    before = source[4:][:40]  # the 40 characters before column 41
    width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in before)
    assert caret == "    " + " " * width + "^"
    assert width == 40 + 10 + 2  # ten CJK characters in the name, two in the key: two columns each


# --- today -------------------------------------------------------------------------------------


@pytest.fixture
def future_completion(write_portfolio: WritePortfolio) -> Path:
    done = "    status: done\n    completed_on: 2026-12-03\n"
    return write_portfolio({"pactwatch.yml": SETTINGS, "people.yaml": PEOPLE, "contracts/T-1.yaml": contract("T-1", milestone=done)})


def test_today_from_environment_then_option(future_completion: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACTWATCH_TODAY", "2026-12-02")
    assert "PW311" in run_cli("validate", "--root", future_completion).out
    monkeypatch.setenv("PACTWATCH_TODAY", "2026-12-03")
    assert run_cli("validate", "--root", future_completion).code == 0
    assert run_cli("validate", "--root", future_completion, "--today", "2026-12-01").code == 1  # the option wins
    monkeypatch.setenv("PACTWATCH_TODAY", "someday")
    bad = run_cli("validate", "--root", future_completion)
    assert bad.code == 2
    assert "PACTWATCH_TODAY 'someday' is not a date" in bad.err


@pytest.mark.parametrize(
    ("zone", "expected"),
    [("Asia/Shanghai", date(2026, 11, 28)), ("UTC", date(2026, 11, 27)), ("America/Los_Angeles", date(2026, 11, 27))],
)
def test_today_defaults_to_the_date_in_the_portfolio_time_zone(zone: str, expected: date) -> None:
    now = datetime(2026, 11, 27, 17, 30, tzinfo=UTC)  # 01:30 the next day in Shanghai
    assert resolve_today(None, Settings(timezone=zone), {}, now) == expected
    assert resolve_today(None, Settings(timezone=zone), {"PACTWATCH_TODAY": " 2026-01-02 "}, now) == date(2026, 1, 2)
    assert resolve_today("2026-03-04", Settings(timezone=zone), {"PACTWATCH_TODAY": "2026-01-02"}, now) == date(2026, 3, 4)


# --- paths as pre-commit passes them ------------------------------------------------------------


def test_given_files_only_are_checked(portfolio: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(portfolio)
    good = run_cli("validate", "-v", "contracts/a/A-1.yaml")
    assert (good.code, good.out) == (0, "")
    assert good.err.startswith("1 contract file checked")
    bad = run_cli("validate", "contracts/a/A-1.yaml", "contracts/b/BAD.yaml", "README.md")
    assert bad.code == 1
    assert bad.out.startswith("contracts/b/BAD.yaml:13:1: error PW105")


def test_absolute_paths_and_root_option_together(portfolio: Path, run_cli: RunCli) -> None:
    result = run_cli("validate", "--root", portfolio, "-v", portfolio / "contracts/b/B-1.yaml")
    assert result.code == 0
    assert result.err.startswith("1 contract file checked")


def test_people_file_given_rechecks_every_contract(portfolio: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(portfolio)
    (portfolio / "people.yaml").write_text("people:\n  - {id: ann, name: Ann}\n", encoding="utf-8")
    (portfolio / "contracts/b/BAD.yaml").unlink()
    result = run_cli("validate", "people.yaml", "--format", "json")
    assert result.code == 1
    owners = sorted((f["code"], f["file"]) for f in json.loads(result.out)["findings"])
    assert owners == [("PW304", "contracts/a/A-1.yaml"), ("PW304", "contracts/b/B-1.yaml")]


def test_folders_stand_for_the_contracts_in_them(portfolio: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(portfolio)
    only_a = run_cli("validate", "-v", "contracts/a")
    assert (only_a.code, only_a.err.split(":")[0]) == (0, "1 contract file checked")
    with_b = run_cli("validate", "-v", "contracts/b/", "contracts/a")
    assert (with_b.code, with_b.err.splitlines()[-1].split(":")[0]) == (1, "3 contract files checked")
    everything = run_cli("validate", "-v", "contracts")
    assert (everything.code, everything.err.splitlines()[-1].split(":")[0]) == (1, "3 contract files checked")


def test_files_outside_contracts_check_no_contract(portfolio: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(portfolio)
    (portfolio / "notes.yaml").write_text("not: [a contract\n", encoding="utf-8")
    result = run_cli("validate", "-v", "notes.yaml", "/etc/hostname")
    assert result.code == 0
    assert result.err.startswith("0 contract files checked")


def test_duplicate_id_reported_for_the_given_file_only(write_portfolio: WritePortfolio, run_cli: RunCli) -> None:
    root = write_portfolio(
        {"pactwatch.yml": SETTINGS, "people.yaml": PEOPLE, "contracts/a/D-1.yaml": contract("D-1"), "contracts/b/D-1.yaml": contract("D-1")}
    )
    result = run_cli("validate", "--root", root, "--format", "json", root / "contracts/b/D-1.yaml")
    found = [(f["code"], f["file"], f["line"], f["column"]) for f in json.loads(result.out)["findings"]]
    assert found == [("PW302", "contracts/b/D-1.yaml", 1, 5)]


# --- files that cannot be read ------------------------------------------------------------------


def test_oversized_contract_is_a_located_finding(write_portfolio: WritePortfolio, run_cli: RunCli) -> None:
    padding = "# " + "x" * 98 + "\n"
    big = contract("BIG") + padding * (1024 * 1024 // len(padding) + 1)
    root = write_portfolio({"pactwatch.yml": SETTINGS, "people.yaml": PEOPLE, "contracts/BIG.yaml": big})
    result = run_cli("validate", "--root", root, "--format", "json")
    assert result.code == 1
    [finding] = json.loads(result.out)["findings"]
    assert (finding["code"], finding["line"], finding["column"]) == ("PW102", 1, 1)
    assert f"{len(big.encode()):,} bytes" in finding["message"]


def test_unreadable_contract_is_a_finding(write_portfolio: WritePortfolio, run_cli: RunCli) -> None:
    root = write_portfolio({"pactwatch.yml": SETTINGS, "people.yaml": PEOPLE})
    os.symlink(root / "missing-target.yaml", root / "contracts/GONE.yaml")  # a link, broken or not, is never read
    result = run_cli("validate", "--root", root, "--format", "json")
    assert result.code == 1
    assert [(f["code"], f["file"]) for f in json.loads(result.out)["findings"]] == [("PW112", "contracts/GONE.yaml")]


def test_missing_people_file(write_portfolio: WritePortfolio, run_cli: RunCli) -> None:
    root = write_portfolio({"pactwatch.yml": SETTINGS, "contracts/A.yaml": contract("A")})
    result = run_cli("validate", "--root", root)
    assert result.code == 1
    assert result.out.startswith("people.yaml:1:1: error PW001 people.yaml is missing")


# --- the cache ----------------------------------------------------------------------------------


def _cache(portfolio: Path) -> Path:
    from pactwatch.load.store import cache_dir

    return cache_dir(portfolio, os.environ)


def test_cache_follows_edits_and_survives_corruption(portfolio: Path, run_cli: RunCli) -> None:
    first = run_cli("validate", "--root", portfolio, "--format", "json")
    assert _cache(portfolio).is_dir()
    assert not (portfolio / ".pactwatch-cache").exists()  # nothing in the checkout
    bad = portfolio / "contracts/b/BAD.yaml"
    bad.write_text(contract("BAD"), encoding="utf-8")
    assert run_cli("validate", "--root", portfolio, "--format", "json").code == 0
    bad.write_text(contract("BAD") + "owner: bo\n", encoding="utf-8")
    assert run_cli("validate", "--root", portfolio, "--format", "json").out == first.out
    for garbage in (b"", b"not a cache file", b"\x80\x05K\x01."):
        for cached in _cache(portfolio).glob("*.msgpack"):
            cached.write_bytes(garbage)
        assert run_cli("validate", "--root", portfolio, "--format", "json").out == first.out


def test_no_cache_writes_nothing(portfolio: Path, run_cli: RunCli) -> None:
    run_cli("validate", "--root", portfolio, "--no-cache")
    assert not _cache(portfolio).exists()


def test_cache_key_includes_the_default_currency(write_portfolio: WritePortfolio, run_cli: RunCli) -> None:
    milestone = "    amount: 10\n    currency: CNY\n"
    root = write_portfolio(
        {"people.yaml": PEOPLE, "pactwatch.yml": "currency: CNY\n", "contracts/C.yaml": contract("C", milestone=milestone)}
    )
    assert run_cli("validate", "--root", root).code == 0
    (root / "pactwatch.yml").write_text("currency: USD\n", encoding="utf-8")
    assert "PW316" in run_cli("validate", "--root", root).out


def test_remembered_run_notices_today_people_and_new_files(future_completion: Path, run_cli: RunCli) -> None:
    def codes(*args: str | Path) -> list[str]:
        result = run_cli("validate", "--root", future_completion, "--format", "json", *args)
        return [f["code"] for f in json.loads(result.out)["findings"]]

    assert codes("--today", "2026-12-03") == []
    assert codes("--today", "2026-12-03") == []  # remembered
    assert codes("--today", "2026-12-02") == ["PW311"]  # another day, another answer
    people = future_completion / "people.yaml"
    people.write_text("people:\n  - {id: ann, name: Ann}\n", encoding="utf-8")
    assert codes("--today", "2026-12-03") == ["PW304"]
    people.write_text(PEOPLE, encoding="utf-8")
    assert codes("--today", "2026-12-03") == []
    (future_completion / "contracts/copy").mkdir()
    (future_completion / "contracts/copy/T-1.yaml").write_bytes((future_completion / "contracts/T-1.yaml").read_bytes())
    assert codes("--today", "2026-12-03") == ["PW302", "PW302"]
    assert codes("--today", "2026-12-03", future_completion / "contracts/T-1.yaml") == ["PW302"]


def test_findings_only_agrees_with_the_whole_load(portfolio: Path) -> None:
    from pactwatch.load.portfolio import load_portfolio

    today = date(2026, 11, 27)
    expected = load_portfolio(portfolio, today, use_cache=False)
    for _ in range(2):  # cold, then remembered
        checked = load_portfolio(portfolio, today, findings_only=True)
        assert (checked.findings, checked.files) == (expected.findings, expected.files)
    only = ["contracts/b/BAD.yaml"]
    checked = load_portfolio(portfolio, today, only=only, findings_only=True)
    assert (checked.findings, checked.files) == (load_portfolio(portfolio, today, only=only, use_cache=False).findings, 1)
    assert load_portfolio(portfolio, today).findings == expected.findings  # from the cache, decoded


def _spy_on_reads(monkeypatch: pytest.MonkeyPatch, seconds_later: int = 0) -> list[str]:
    """Record which contract files the loader reads, with the clock ``seconds_later`` (past the racy window)."""
    from pactwatch.load import files
    from pactwatch.load import portfolio as module

    read: list[str] = []
    real = files.read_with_stat
    spy = lambda root, source: read.append(source) or real(root, source)  # noqa: E731
    monkeypatch.setattr(files, "read_with_stat", spy)
    monkeypatch.setattr(module, "read_with_stat", spy)
    now = module.time.time_ns() + seconds_later * 1_000_000_000
    monkeypatch.setattr(module.time, "time_ns", lambda: now)
    return read


def _contract_files(read: list[str]) -> list[str]:
    return sorted(source for source in read if source.startswith("contracts/"))


ALL_CONTRACTS = ["contracts/a/A-1.yaml", "contracts/b/B-1.yaml", "contracts/b/BAD.yaml"]


def test_cache_skips_reading_files_whose_stat_is_unchanged(portfolio: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pactwatch.load.portfolio import load_portfolio

    today = date(2026, 11, 27)
    expected = load_portfolio(portfolio, today, use_cache=False)
    with monkeypatch.context() as later:
        read = _spy_on_reads(later, seconds_later=60)
        assert load_portfolio(portfolio, today).findings == expected.findings  # hashes every file, keeps their stat
        assert _contract_files(read) == ALL_CONTRACTS
    with monkeypatch.context() as later:
        read = _spy_on_reads(later, seconds_later=120)
        again = load_portfolio(portfolio, today)
        assert _contract_files(read) == []
    assert again.findings == expected.findings
    assert again.portfolio == expected.portfolio


def test_a_warm_validate_remembers_the_stat_of_files_that_were_new(portfolio: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files validated just after they were written are read again once, then their stat vouches for them.

    The warm validate answers from the remembered findings without the per-file pass; it used to keep the
    files' "too new to trust the stat" mark for ever, so every warm run re-read them (0.15 s -> 0.39 s on
    10,000 contracts freshly generated).
    """
    from pactwatch.load.portfolio import load_portfolio

    today = date(2026, 11, 27)
    expected = load_portfolio(portfolio, today, findings_only=True)  # now: every file is too new for its stat
    with monkeypatch.context() as later:
        read = _spy_on_reads(later, seconds_later=60)
        assert load_portfolio(portfolio, today, findings_only=True).findings == expected.findings
        assert _contract_files(read) == ALL_CONTRACTS  # read again, and their stat remembered this time
    with monkeypatch.context() as later:
        read = _spy_on_reads(later, seconds_later=120)
        assert load_portfolio(portfolio, today, findings_only=True).findings == expected.findings
        assert _contract_files(read) == []


def test_cache_notices_an_edit_that_keeps_size_and_mtime(portfolio: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A same-size edit with the mtime put back still changes ctime: the file is read and checked again."""
    from pactwatch.load.portfolio import load_portfolio

    path = portfolio / "contracts/a/A-1.yaml"
    today = date(2026, 11, 27)
    with monkeypatch.context() as later:
        _spy_on_reads(later, seconds_later=60)
        assert [c.title for c in load_portfolio(portfolio, today).portfolio.contracts if c.id == "A-1"] == ["测试合同 A-1"]
    before = path.stat()
    time.sleep(0.01)  # a ctime tick apart, even on coarse clocks' fine-grained file systems
    path.write_text(contract("A-1").replace("测试合同", "修改合同"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    with monkeypatch.context() as later:
        read = _spy_on_reads(later, seconds_later=120)
        assert [c.title for c in load_portfolio(portfolio, today).portfolio.contracts if c.id == "A-1"] == ["修改合同 A-1"]
        assert _contract_files(read) == ["contracts/a/A-1.yaml"]


def test_recently_edited_files_are_always_hashed(portfolio: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit within the racy window could hide in one timestamp tick: such a file is read on every run."""
    from pactwatch.load.portfolio import load_portfolio

    today = date(2026, 11, 27)
    load_portfolio(portfolio, today)
    read = _spy_on_reads(monkeypatch)
    load_portfolio(portfolio, today)
    assert _contract_files(read) == ALL_CONTRACTS


def test_the_portfolio_loads_from_snapshot_shards_and_an_edit_reloads_one_shard(portfolio: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pactwatch.load.portfolio import load_portfolio
    from pactwatch.load.store import ResultCache

    today = date(2026, 11, 27)
    expected = load_portfolio(portfolio, today, use_cache=False)
    load_portfolio(portfolio, today)  # fills the per-file entries and the shards
    file_by_file: list[str] = []
    real_get = ResultCache.get
    monkeypatch.setattr(ResultCache, "get", lambda self, source, digest: file_by_file.append(source) or real_get(self, source, digest))
    again = load_portfolio(portfolio, today)
    assert (again.portfolio, again.findings) == (expected.portfolio, expected.findings)
    assert file_by_file == []
    (portfolio / "contracts/a/A-1.yaml").rename(portfolio / "contracts/a/A-one.yaml")  # shards are by path: another shard
    moved = load_portfolio(portfolio, today)
    assert sorted(c.source for c in moved.portfolio.contracts) == ["contracts/a/A-one.yaml", "contracts/b/B-1.yaml"]
    assert file_by_file == ["contracts/a/A-one.yaml"]  # the other files' shards were unchanged
    file_by_file.clear()
    (portfolio / "contracts/b/B-1.yaml").write_text(contract("B-1").replace("测试合同", "改过的合同"), encoding="utf-8")
    edited = load_portfolio(portfolio, today)
    assert [c.title for c in edited.portfolio.contracts if c.id == "B-1"] == ["改过的合同 B-1"]
    assert file_by_file == ["contracts/b/B-1.yaml"]
    file_by_file.clear()
    assert load_portfolio(portfolio, today).portfolio == edited.portfolio
    assert file_by_file == []  # every shard remembered again


def test_remembered_settings_and_people_follow_their_files(portfolio: Path, run_cli: RunCli) -> None:
    from pactwatch.settings import load_settings

    assert load_settings(portfolio, remember=True).timezone == "Asia/Shanghai"
    assert (_cache(portfolio) / "parsed.msgpack").exists()
    assert load_settings(portfolio, remember=True).timezone == "Asia/Shanghai"  # remembered
    (portfolio / "pactwatch.yml").write_text("timezone: UTC\ncurrency: CNY\n", encoding="utf-8")
    assert load_settings(portfolio, remember=True).timezone == "UTC"

    def owner_names() -> set[str]:
        result = run_cli("status", "--root", portfolio, "--today", "2026-11-27", "--all")
        return {line.split(" (")[0] for line in result.out.splitlines() if not line.startswith(" ")}

    for _ in range(2):  # parsed, then remembered
        assert owner_names() == {"王博"}
    (portfolio / "people.yaml").write_text(PEOPLE.replace("王博", "王小博"), encoding="utf-8")
    assert owner_names() == {"王小博"}


def test_the_cache_forgets_files_that_are_gone(portfolio: Path) -> None:
    import msgspec

    from pactwatch.load.portfolio import load_portfolio

    def cached_sources() -> set[str]:
        _key, (index, _runs) = msgspec.msgpack.decode((_cache(portfolio) / "index.msgpack").read_bytes())
        return set(index)

    today = date(2026, 11, 27)
    load_portfolio(portfolio, today)
    assert cached_sources() == {"contracts/a/A-1.yaml", "contracts/b/B-1.yaml", "contracts/b/BAD.yaml"}
    (portfolio / "contracts/b/BAD.yaml").unlink()
    (portfolio / "contracts/a/A-1.yaml").rename(portfolio / "contracts/a/A-2.yaml")
    load_portfolio(portfolio, today)
    assert cached_sources() == {"contracts/a/A-2.yaml", "contracts/b/B-1.yaml"}
