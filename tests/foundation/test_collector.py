"""The cyclic collector (gcpause): paused while a batch command runs, skipped when the executable exits."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, CliResult


@pytest.mark.parametrize("command", ["build", "feeds"])
def test_a_batch_command_runs_with_the_collector_paused_and_leaves_it_on(
    command: str,
    monkeypatch: pytest.MonkeyPatch,
    run_cli: Callable[..., CliResult],
    copy_portfolio: Callable[[Path], Path],
    tmp_path: Path,
) -> None:
    module = __import__(f"pactwatch.commands.{command}", fromlist=["prepare"])
    original = module.prepare
    seen: list[bool] = []

    def watched(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr(module, "prepare", watched)
    root = copy_portfolio(REPO_ROOT)
    assert gc.isenabled()
    result = run_cli(command, "--root", root, "--today", "2026-11-27", "--output", tmp_path / "out")
    assert result.code == 0, result.err
    assert seen == [False]  # paused while the command ran
    assert gc.isenabled()  # and on again after it


def test_the_executable_ends_with_main_s_code_and_its_heap_frozen() -> None:
    # run() is what the `pactwatch` script and `python -m pactwatch` call; main is replaced by one returning 3
    program = (
        "import atexit, gc\n"
        "import pactwatch.cli as cli\n"
        "cli.main = lambda: 3\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0))\n"
        "cli.run()\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 3, done.stderr
    assert done.stdout.strip() == "frozen True"


def test_the_installed_script_and_python_m_run_the_same_entry() -> None:
    text = (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'pactwatch = "pactwatch.cli:run"' in text
    assert "run()" in (REPO_ROOT / "toolkit" / "pactwatch" / "__main__.py").read_text(encoding="utf-8")
