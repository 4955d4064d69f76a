"""Every command (cli.COMMANDS) on every minimal portfolio a company has in its first hour: never a traceback.

Each command gets the least it needs to run (alerts --dry-run --offline, remind --dry-run, import of a
tiny CSV, new --list, ...), and each portfolio lacks one thing: settings, people, contracts, active
contracts, milestones, open work, a site_url, a git repository, or the history a shallow clone cuts.
The answer is 0 or 1 with a message, 2 only for a genuine usage problem, never 3 (a bug) or a traceback.
"""

from __future__ import annotations

import subprocess
import time
import types
from collections.abc import Callable
from pathlib import Path

import pytest

from pactwatch.cli import COMMANDS
from tests.conftest import CliResult

Cli = Callable[..., CliResult]

SETTINGS = "timezone: Asia/Shanghai\nlanguage: en\ncurrency: CNY\nrepository: acme/contracts\nsite_url: https://contracts.example.com/\n"
PEOPLE = "people:\n  - {id: zhang.wei, name: 张伟, email: zhang.wei@example.com, github: zhangwei-acme}\n"
CONTRACT = """\
id: C-1
title: Support agreement
type: service
status: {status}
owner: zhang.wei
counterparty: {{name: Globex Ltd}}
value: {{amount: 12000.00, currency: CNY}}
term: {{start: 2026-01-01, end: 2026-12-31}}
milestones:
{milestones}"""
OPEN = (
    "  - {id: M1, title: Kick-off, kind: service, due: 2026-02-01, owner: zhang.wei, status: done, completed_on: 2026-02-01}\n"
    "  - {id: M2, title: Fee, kind: payment, due: 2026-11-01, owner: zhang.wei, amount: 6000.00}\n"
    "  - {id: M3, title: Review, kind: acceptance, due: 2026-12-10, owner: zhang.wei}\n"
)
DONE = (
    "  - {id: M1, title: Kick-off, kind: service, due: 2026-02-01, owner: zhang.wei, status: done, completed_on: 2026-02-01}\n"
    "  - {id: M2, title: Fee, kind: payment, due: 2026-11-01, owner: zhang.wei, amount: 6000.00, status: done, completed_on: 2026-11-02}\n"
)

# name -> what to change in the base portfolio (files to drop or replace), and how git holds it
PORTFOLIOS: dict[str, dict[str, str | None]] = {
    "no-settings": {"pactwatch.yml": None},
    "no-people": {"people.yaml": None},
    "empty-contracts": {"contracts/C-1.yaml": None},
    "only-drafts": {"contracts/C-1.yaml": CONTRACT.format(status="draft", milestones=OPEN)},
    "no-milestones": {
        "contracts/C-1.yaml": CONTRACT.format(status="active", milestones="  []\n").replace("milestones:\n  []", "milestones: []")
    },
    "all-completed": {"contracts/C-1.yaml": CONTRACT.format(status="completed", milestones=DONE)},
    "no-site-url": {"pactwatch.yml": SETTINGS.replace("site_url: https://contracts.example.com/\n", "")},
    "no-git": {},
    "shallow-clone": {},
}

# what each command is given besides --root: the minimal valid arguments (ROOT and OUT are filled in)
ARGUMENTS: dict[str, tuple[str, ...]] = {
    "build": ("-o", "OUT/site"),
    "serve": ("--port", "0"),
    "feeds": ("-o", "OUT/feeds"),
    "validate": (),
    "status": (),
    "check": (),
    "report": (),
    "alerts": ("--dry-run", "--offline"),
    "codeowners": ("--output", "OUT/CODEOWNERS"),
    "approvals": ("--base", "HEAD"),
    "diff": ("HEAD",),
    "pr-comment": ("--base", "HEAD", "--pr", "1", "--dry-run"),
    "announce": ("--since", "HEAD~1", "--dry-run"),
    "remind": ("--dry-run",),
    "import": ("OUT/ledger.csv", "--dry-run"),
    "export": ("-o", "OUT/ledger.xlsx"),
    "new": ("--list",),
    "done": ("C-1", "M3", "--dry-run"),
    "ack": ("C-1", "M2", "--until", "2027-01-31", "--dry-run"),
    "reschedule": ("C-1", "M3", "--to", "2026-12-20", "--reason", "later", "--dry-run"),
    "waive": ("C-1", "M3", "--reason", "dropped", "--dry-run"),
    "chatops": ("--event", "OUT/event.json"),  # a comment that is no command: nothing to do, no token needed
    "init": ("OUT/new-repository", "--language", "en", "--timezone", "Asia/Shanghai", "--currency", "CNY", "--name", "Acme"),
}
NO_ROOT = frozenset({"init"})  # makes a portfolio rather than reading one


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, env=_GIT_ENV)


_GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_SYSTEM": "/dev/null",
    "PATH": "/usr/bin:/bin",
}


def _portfolio(tmp_path: Path, name: str) -> Path:
    root = tmp_path / "base"
    files: dict[str, str | None] = {
        "pactwatch.yml": SETTINGS,
        "people.yaml": PEOPLE,
        "contracts/C-1.yaml": CONTRACT.format(status="active", milestones=OPEN),
    }
    files.update(PORTFOLIOS[name])
    (root / "contracts").mkdir(parents=True)
    for rel, text in files.items():
        if text is not None:
            (root / rel).write_text(text, encoding="utf-8")
    if name == "no-git":
        return root
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "first")
    (root / "README.md").write_text("contracts\n", encoding="utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "second")
    if name != "shallow-clone":
        return root
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{root}", str(clone))
    return clone


def _stop_serving(monkeypatch: pytest.MonkeyPatch) -> None:
    """serve runs until Ctrl-C: its first tick of the watch loop is the Ctrl-C."""
    from pactwatch.commands import serve

    def interrupt(seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(serve, "time", types.SimpleNamespace(sleep=interrupt, perf_counter=time.perf_counter))


def test_every_command_has_minimal_arguments() -> None:
    assert set(ARGUMENTS) == set(COMMANDS), "give a new command its minimal arguments here"


@pytest.mark.parametrize("portfolio", list(PORTFOLIOS))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_on_every_first_hour_portfolio(
    command: str, portfolio: str, tmp_path: Path, run_cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _portfolio(tmp_path, portfolio)
    out = tmp_path / "out"
    out.mkdir()
    (out / "ledger.csv").write_text("合同编号,合同名称,客户,负责人\nC-9,Licence,Initech,张伟\n", encoding="utf-8")
    (out / "event.json").write_text('{"action": "created", "issue": {"number": 1}, "comment": {"id": 1, "body": "thanks"}}')
    monkeypatch.chdir(tmp_path)  # no portfolio is found upwards from here: only --root names one
    for name in ("GITHUB_TOKEN", "GITHUB_REPOSITORY", "GITHUB_API_URL", "PACTWATCH_BOT_LOGIN"):
        monkeypatch.delenv(name, raising=False)
    if command == "serve":
        _stop_serving(monkeypatch)
    args = [arg.replace("OUT", str(out)) for arg in ARGUMENTS[command]]
    result = run_cli(command, *args, *(() if command in NO_ROOT else ("--root", root)))
    said = result.out + result.err
    assert "Traceback" not in said, said
    assert result.code in (0, 1), f"exit {result.code}: {said}"
    if result.code == 1:
        assert result.err.strip(), "a failure says why on stderr"


def test_approvals_outside_git_says_so(tmp_path: Path, run_cli: Cli) -> None:
    result = run_cli("approvals", "--base", "HEAD", "--root", _portfolio(tmp_path, "no-git"))
    assert result.code == 1 and "is not in a git repository" in result.err  # not "git ref 'HEAD' not found"


def test_export_of_an_empty_portfolio(tmp_path: Path, run_cli: Cli) -> None:
    result = run_cli("export", "-o", tmp_path / "ledger.xlsx", "--root", _portfolio(tmp_path, "empty-contracts"))
    assert result.code == 0, result.err  # was a ValueError from openpyxl: the colour rules' range A2:X1
    assert (tmp_path / "ledger.xlsx").stat().st_size > 0
