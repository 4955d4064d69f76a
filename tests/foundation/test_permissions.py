"""Every command that writes files writes them as an editor would: 0o666 less the umask (0644 under 022, 0640 under
027), and its folders 0o777 less the umask. Each command runs in-process on a copy of the example portfolio, with
the cache in the same temporary folder; every file and folder it created or replaced there is checked, found by
comparing the tree before and after."""

from __future__ import annotations

import shutil
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, CliResult
from tests.foundation.conftest import MODES
from tests.notify.portfolios import example_settings_without_notify
from tests.notify.robots import RobotServer

Run = Callable[..., CliResult]
LEDGER = REPO_ROOT / "tests" / "ledger" / "data" / "contract-ledger-2026.xlsx"
Snapshot = dict[str, tuple[int, int]]


def _snapshot(root: Path) -> Snapshot:
    """Every path under ``root`` -> (inode, mtime): a path whose pair changed was written."""
    return {p.relative_to(root).as_posix(): (s.st_ino, s.st_mtime_ns) for p in root.rglob("*") if (s := p.lstat())}


def _written(root: Path, before: Snapshot) -> dict[str, int]:
    """Files and folders created or replaced since ``before`` -> their permission bits."""
    after = _snapshot(root)
    return {path: stat.S_IMODE((root / path).lstat().st_mode) for path, key in after.items() if before.get(path) != key}


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    """The example portfolio with a notify block that only posts to a local Slack stand-in."""
    root = tmp_path / "portfolio"
    root.mkdir()
    for name in ("people.yaml", "contracts", "schema"):
        (shutil.copytree if (REPO_ROOT / name).is_dir() else shutil.copy2)(REPO_ROOT / name, root / name)
    notify = "\nnotify:\n  webhooks:\n    - {type: slack, url_env: SLACK_WEBHOOK}\n"
    (root / "pactwatch.yml").write_text(example_settings_without_notify() + notify, encoding="utf-8")
    return root


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PACTWATCH_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def slack(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with RobotServer() as robots:
        monkeypatch.setenv("SLACK_WEBHOOK", robots.env()["SLACK_WEBHOOK"])
        yield


def _import(run: Run, root: Path) -> CliResult:
    shutil.rmtree(root / "contracts")
    (root / "contracts").mkdir()
    return run("import", LEDGER, "--root", root, "--add-people")


# command -> (how to run it on the portfolio, paths it must have written among others, relative to the portfolio)
COMMANDS: dict[str, tuple[Callable[[Run, Path], CliResult], tuple[str, ...]]] = {
    "new": (lambda run, root: run("new", "service", "--id", "S-2099-001", "--root", root), ("contracts/service/S-2099-001.yaml",)),
    "import": (_import, ("people.yaml", "contracts")),
    "export-xlsx": (lambda run, root: run("export", "--root", root, "-o", root / "out" / "ledger.xlsx"), ("out", "out/ledger.xlsx")),
    "export-csv": (lambda run, root: run("export", "--root", root, "-o", root / "out" / "ledger.csv"), ("out/ledger.csv",)),
    "report": (lambda run, root: run("report", "--root", root, "-o", root / "out" / "report.md"), ("out/report.md",)),
    "feeds": (lambda run, root: run("feeds", "--root", root, "-o", root / "out" / "calendar"), ("out/calendar/all.ics",)),
    "build": (
        lambda run, root: run("build", "--root", root),
        ("site/index.html", "site/calendar/all.ics", ".pactwatch-build/mkdocs.yml", ".pactwatch-build/docs/index.md"),
    ),
    "codeowners": (lambda run, root: run("codeowners", "--root", root), (".github", ".github/CODEOWNERS")),
    "remind": (
        lambda run, root: run("remind", "--root", root, "--state", root / "state" / "remind.json", "--retry-wait", "0", "--pace", "0"),
        ("state/remind.json",),
    ),
    "validate (cache)": (lambda run, root: run("validate", "--root", root), ("../cache",)),
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_file_a_command_writes_respects_the_umask(
    command: str, run_cli: Run, portfolio: Path, cache: Path, slack: None, umask: int, tmp_path: Path
) -> None:
    run, expected = COMMANDS[command]
    before = _snapshot(tmp_path)
    result = run(run_cli, portfolio)
    assert result.code == 0, result.out + result.err
    written = _written(tmp_path, before)
    assert {(portfolio / path).resolve().relative_to(tmp_path).as_posix() for path in expected} <= set(written), sorted(written)
    files = {path: mode for path, mode in written.items() if (tmp_path / path).is_file()}
    assert files, f"{command} wrote no file"
    assert {path: oct(mode) for path, mode in files.items() if mode != MODES[umask]} == {}
    # a folder that only gained files keeps its mode; a new one is 0o777 less the umask, but for the cache's own
    # folder, which the cache makes private (0o700) on purpose
    new_folders = {path: mode for path, mode in written.items() if (tmp_path / path).is_dir() and path not in before}
    assert {path: oct(mode) for path, mode in new_folders.items() if not path.startswith("cache/") and mode != 0o777 & ~umask} == {}
