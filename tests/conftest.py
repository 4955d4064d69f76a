"""Fixtures shared by the whole suite.

- Every test sees ``PACTWATCH_TODAY=2026-11-27`` (the demo day) unless it sets
  its own, so no test depends on the real clock, ``NO_COLOR`` is set so
  reporters print plain text, and ``PACTWATCH_CACHE_DIR`` is a fresh folder.
- ``run_cli("validate", "--root", ...)`` runs ``pactwatch.cli.main`` in-process
  and returns the exit code with what it printed.
- ``write_portfolio({path: text or bytes})`` writes a portfolio under tmp_path;
  ``copy_portfolio(src)`` copies an existing one there (so caches and outputs
  never land in the repository).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = REPO_ROOT / "tests" / "examples"
TODAY = date(2026, 11, 27)
PORTFOLIO_FILES = ("pactwatch.yml", "people.yaml", "contracts")


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    monkeypatch.setenv("PACTWATCH_TODAY", TODAY.isoformat())
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("PACTWATCH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))  # never the user's own cache
    yield


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    from pactwatch.cli import main

    def run(*args: str | Path) -> CliResult:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def write_portfolio(tmp_path: Path) -> Callable[[Mapping[str, str | bytes]], Path]:
    def write(files: Mapping[str, str | bytes], root: Path | None = None) -> Path:
        base = root or tmp_path / "portfolio"
        for rel, content in files.items():
            path = base / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        (base / "contracts").mkdir(parents=True, exist_ok=True)
        return base

    return write


@pytest.fixture
def copy_portfolio(tmp_path: Path) -> Callable[[Path], Path]:
    def copy(source: Path) -> Path:
        target = tmp_path / source.name
        target.mkdir()
        for name in PORTFOLIO_FILES:
            if (source / name).is_dir():
                shutil.copytree(source / name, target / name, symlinks=True)  # links stay links (tests/examples/invalid/pw112-*)
            elif (source / name).exists():
                shutil.copy2(source / name, target / name)
        return target

    return copy
