"""The one command runtime: root discovery like git, one load sequence, one error policy per command."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pactwatch.cli import COMMANDS
from pactwatch.commands.runtime import Needs, OnErrors, find_root
from pactwatch.errors import UsageError

if TYPE_CHECKING:
    from conftest import CliResult

    RunCli = Callable[..., CliResult]

REPO_ROOT = Path(__file__).resolve().parents[2]
COMMANDS_DIR = REPO_ROOT / "toolkit" / "pactwatch" / "commands"


@pytest.fixture
def example(copy_portfolio: Callable[[Path], Path]) -> Path:
    return copy_portfolio(REPO_ROOT)


def test_a_command_run_in_a_subfolder_finds_its_portfolio(example: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = run_cli("status", "--root", example, "--format", "json")
    monkeypatch.chdir(example / "contracts" / "sales")
    assert run_cli("status", "--format", "json") == expected
    assert run_cli("validate").code == 0


def test_outside_a_portfolio_every_command_says_so(tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("validate", "status", "check", "report", "feeds", "export", "codeowners"):
        result = run_cli(name)
        assert result.code == 2, name
        assert "not inside a pactwatch portfolio" in result.err, name
        assert "start one with `pactwatch init`, or use --root DIR" in result.err, name  # what a new user does next


def test_new_list_works_outside_a_portfolio_and_adds_a_portfolios_own_inside(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    outside = run_cli("new", "--list")
    assert outside.code == 0, outside.err
    assert [line.split()[:2] for line in outside.out.splitlines()][:2] == [["framework", "shipped"], ["lease", "shipped"]]
    assert all(line.split()[1] == "shipped" for line in outside.out.splitlines())
    own = tmp_path / "templates" / "contracts"  # a stray templates/ folder outside any portfolio is nobody's
    own.mkdir(parents=True)
    (own / "consulting.yaml.j2").write_text("{# Our consulting #}\nid: {{ id }}\n", encoding="utf-8")
    assert run_cli("new", "--list").out == outside.out
    (tmp_path / "pactwatch.yml").write_text("language: en\n", encoding="utf-8")
    monkeypatch.chdir(own)  # inside the portfolio now, from a subfolder
    inside = run_cli("new", "--list")
    assert inside.code == 0 and "consulting   portfolio Our consulting" in inside.out
    assert set(outside.out.splitlines()) < set(inside.out.splitlines())
    (tmp_path / "other").mkdir()
    elsewhere = run_cli("new", "--list", "--root", tmp_path / "other")
    assert elsewhere.code == 2 and "not a pactwatch portfolio" in elsewhere.err and "pactwatch init DIR" in elsewhere.err


def test_settings_mark_the_root_before_a_nearer_contracts_folder(tmp_path: Path) -> None:
    (tmp_path / "pactwatch.yml").write_text("language: zh\n", encoding="utf-8")
    nested = tmp_path / "archive" / "contracts" / "old"
    nested.mkdir(parents=True)
    assert find_root(None, nested).resolve() == tmp_path.resolve()
    bare = tmp_path / "bare"
    (bare / "contracts" / "x").mkdir(parents=True)
    (tmp_path / "pactwatch.yml").unlink()
    assert find_root(None, bare / "contracts" / "x").resolve() == bare.resolve()


def test_an_explicit_root_must_be_a_portfolio(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is not a directory"):
        find_root(tmp_path / "missing", tmp_path)
    with pytest.raises(UsageError, match="is not a pactwatch portfolio"):
        find_root(tmp_path, tmp_path)


def _imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


LOAD_SEQUENCE = {"pactwatch.load.portfolio.load_portfolio", "pactwatch.settings.load_settings", "pactwatch.engine.evaluate"}


@pytest.mark.parametrize("module", sorted(p.name for p in COMMANDS_DIR.glob("*.py") if p.name not in ("runtime.py", "__init__.py")))
def test_commands_load_only_through_the_runtime(module: str) -> None:
    assert not _imported_names(COMMANDS_DIR / module) & LOAD_SEQUENCE


def _needs(name: str) -> Needs | None:
    module = importlib.import_module(f"pactwatch.commands.{COMMANDS[name][0]}")
    needs = getattr(module, "NEEDS", None)
    assert needs is None or isinstance(needs, Needs)
    return needs


def test_every_command_that_loads_contracts_declares_its_error_policy() -> None:
    declared = {name: needs.on_errors for name in COMMANDS if (needs := _needs(name)) is not None}
    assert declared == {
        "validate": OnErrors.REPORT,
        "check": OnErrors.REPORT,
        "status": OnErrors.WARN,
        "report": OnErrors.WARN,
        "remind": OnErrors.WARN,
        "feeds": OnErrors.REFUSE,
        "alerts": OnErrors.REFUSE,
        "codeowners": OnErrors.REFUSE,
        "export": OnErrors.REFUSE,
        "build": OnErrors.REPORT,
        "serve": OnErrors.REPORT,
        "done": OnErrors.WARN,  # the other files' errors do not stop a change to one milestone; its own file is validated
        "ack": OnErrors.WARN,
        "reschedule": OnErrors.WARN,
        "waive": OnErrors.WARN,
        "chatops": OnErrors.WARN,
        "pr-comment": OnErrors.REPORT,
        "announce": OnErrors.WARN,
    }
    refusals = [_needs(name) for name, policy in declared.items() if policy is OnErrors.REFUSE]
    assert all(needs is not None and needs.refusal for needs in refusals)


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (("status",), 0, "6 data errors in 1 file (contracts/broken.yaml); run `pactwatch validate`"),
        (("report",), 0, "6 data errors in 1 file (contracts/broken.yaml)"),
        (("check",), 1, "contracts/broken.yaml:1:1: error PW201"),
        (("validate",), 1, "6 errors, 0 warnings"),
        (("feeds", "-o", "{tmp}/feeds"), 1, "feeds not written"),
        (("codeowners", "--output", "{tmp}/CODEOWNERS"), 1, "CODEOWNERS is left as it is"),
        (("export", "-o", "{tmp}/ledger.xlsx"), 1, "nothing exported"),
        (("alerts", "--dry-run", "--repo", "acme/contracts"), 1, "issues are left as they are"),
    ],
)
def test_each_policy_on_a_portfolio_with_a_broken_file(
    args: tuple[str, ...], code: int, says: str, example: Path, run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACTWATCH_LANG", "en")  # the English sentences (tests/commands/test_voice.py: both languages)
    (example / "contracts" / "broken.yaml").write_text("id: broken\n", encoding="utf-8")
    result = run_cli(*(arg.format(tmp=tmp_path) for arg in args), "--root", example)
    assert result.code == code, result.err
    assert says in result.out + result.err
    if code == 1 and args[0] not in ("check", "validate"):
        assert "contracts/broken.yaml:1:1" in result.err  # a refusal shows what to fix
        assert not any(tmp_path.glob("feeds/*")) and not (tmp_path / "CODEOWNERS").exists() and not (tmp_path / "ledger.xlsx").exists()


def test_a_warm_status_needs_neither_the_parser_nor_the_rules(example: Path, tmp_path: Path) -> None:
    """What keeps `status` and `check` fast on 10,000 contracts: the cache answers, so nothing parses (no timing here)."""
    import os
    import subprocess
    import sys

    probe = (
        "import io, sys\n"
        "from pactwatch.cli import main\n"
        "sys.stdout = io.TextIOWrapper(io.BytesIO())\n"
        "main(['status', '--root', sys.argv[1], '--format', 'json'])\n"
        "sys.stderr.write(' '.join(sorted(m for m in sys.modules if m in ('yaml', 'jsonschema') or m.startswith('pactwatch.rules'))))\n"
    )
    env = {**os.environ, "PACTWATCH_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-c", probe, str(example)]
    runs = [subprocess.run(command, check=True, env=env, capture_output=True, text=True) for _ in range(2)]
    assert "pactwatch.rules" in runs[0].stderr  # cold: parsed and checked
    assert runs[1].stderr == ""  # warm: nothing of the kind imported
