"""A full disk while writing (ENOSPC): one line naming the file, exit 1, the old file intact, no temporary left.

The disk is made full by a stand-in for the file object fileio writes through (no tmpfs in the test sandbox).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest

from pactwatch import fileio
from pactwatch.catalogue import text, word
from tests.conftest import REPO_ROOT, CliResult

Run = Callable[..., CliResult]


class _FullDisk:
    def __init__(self, handle: int) -> None:
        self.handle = handle

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        os.close(self.handle)

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


_fdopen = os.fdopen


def _open(handle: int, mode: str = "r", *args: Any) -> Any:
    """Writes (fileio's "wb") hit the full disk; reads go on as usual."""
    return _FullDisk(handle) if mode == "wb" else _fdopen(handle, mode, *args)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fileio.os, "fdopen", _open)


@pytest.fixture
def example(copy_portfolio: Callable[[Path], Path]) -> Path:
    return copy_portfolio(REPO_ROOT)


def _no_temporaries(folder: Path) -> bool:
    return not [p for p in folder.rglob("*.tmp")]


@pytest.mark.parametrize(("command", "name"), [("export", "ledger.csv"), ("report", "report.md")])
def test_export_and_report_keep_the_old_file(run_cli: Run, example: Path, tmp_path: Path, command: str, name: str, full_disk: None) -> None:
    out = tmp_path / name
    out.write_text("old\n")
    result = run_cli(command, "--root", example, "-o", out)
    said = text("error.cannot_write", "zh", path=str(out), reason=word("error.os.ENOSPC", "zh"))  # the example speaks zh
    assert (result.code, result.err) == (1, f"pactwatch: {said}\n")
    assert out.read_text() == "old\n" and _no_temporaries(tmp_path)


def test_new_leaves_no_contract_behind(run_cli: Run, example: Path, full_disk: None) -> None:
    result = run_cli("new", "sales", "--id", "S-FULL", "--root", example, "--lang", "en")
    assert result.code == 1
    assert result.err.startswith("pactwatch: cannot write ") and result.err.endswith("S-FULL.yaml: no space left on the disk\n")
    assert not list(example.rglob("S-FULL.yaml")) and _no_temporaries(example)
