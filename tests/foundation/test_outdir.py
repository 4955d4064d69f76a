"""Output folders (pactwatch/outdir.py): `build` and `feeds` write and clean only folders that are theirs.

Each test is an attack or an accident that used to empty or overwrite something: `-o contracts`, `-o .git`,
a committed `site` link, a committed `.pactwatch-build/docs` link, somebody's non-empty folder, two builds
at once, and temporary files left by a writer killed with `kill -9`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from pactwatch.catalogue import text
from pactwatch.errors import PactwatchError
from pactwatch.outdir import MARKER, STALE_TEMP_SECONDS, claim
from pactwatch.site.build import BUILD_DIR, build_site
from tests.conftest import REPO_ROOT, CliResult

Run = Callable[..., CliResult]


@pytest.fixture
def example(copy_portfolio: Callable[[Path], Path]) -> Path:
    return copy_portfolio(REPO_ROOT)


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("command", ["build", "feeds"])
@pytest.mark.parametrize("target", ["contracts", "contracts/sales", ".git", ".", "templates"])
def test_the_portfolio_is_never_an_output_folder(run_cli: Run, example: Path, command: str, target: str) -> None:
    (example / ".git").mkdir()
    (example / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    before = _tree(example)
    result = run_cli(command, "--root", example, "-o", example / target, "--lang", "en")
    assert result.code == 2, result.err
    assert result.err.count("\n") == 1 and "would overwrite the portfolio's" in result.err
    assert _tree(example) == before


@pytest.mark.parametrize("command", ["build", "feeds"])
def test_somebody_elses_folder_is_refused(run_cli: Run, example: Path, tmp_path: Path, command: str) -> None:
    theirs = tmp_path / "Documents"
    theirs.mkdir()
    (theirs / "thesis.ics").write_bytes(b"keep")
    result = run_cli(command, "--root", example, "-o", theirs, "--lang", "en")
    assert result.code == 2
    assert "is not empty and pactwatch did not make it" in result.err
    assert _tree(theirs) == {"thesis.ics": b"keep"}


def test_a_committed_site_link_is_refused(run_cli: Run, example: Path, tmp_path: Path) -> None:
    outside = tmp_path / "home"
    outside.mkdir()
    (outside / MARKER).write_text("")  # even one that looks like ours
    (outside / "notes.txt").write_text("keep")
    os.symlink(outside, example / "site")
    result = run_cli("build", "--root", example)
    assert result.code == 2
    assert result.err == f"pactwatch: {text('error.output.link', 'zh', folder=str(example / 'site'), step=str(example / 'site'))}\n"
    assert _tree(outside) == {MARKER: b"", "notes.txt": b"keep"}


def test_links_inside_the_build_folder_are_removed_not_followed(example: Path, tmp_path: Path) -> None:
    """A committed .pactwatch-build (marker and all) whose docs/ or a page in it is a link to elsewhere."""
    outside = tmp_path / "elsewhere"
    (outside / "docs").mkdir(parents=True)
    (outside / "docs" / "precious.md").write_text("keep")
    (outside / "index.md").write_text("keep")
    build = example / BUILD_DIR
    build.mkdir()
    (build / MARKER).write_text("")
    os.symlink(outside / "docs", build / "docs")
    before = _tree(outside)
    build_site(example, date(2026, 11, 27), run=False, jobs=1)
    assert _tree(outside) == before
    assert not (build / "docs").is_symlink() and (build / "docs" / "index.md").is_file()
    (build / "docs" / "index.md").unlink()
    os.symlink(outside / "index.md", build / "docs" / "index.md")
    build_site(example, date(2026, 11, 27), run=False, jobs=1)
    assert _tree(outside) == before


def test_a_second_writer_stops_with_one_line(run_cli: Run, example: Path, tmp_path: Path) -> None:
    out = tmp_path / "feeds"
    with claim(out, example):  # a build or feeds in progress holds the folder's lock
        result = run_cli("feeds", "--root", example, "-o", out)
        assert result.code == 1
        assert result.err == f"pactwatch: {text('error.output.busy', 'zh', folder=str(out))}\n"  # the example speaks zh
        with pytest.raises(PactwatchError, match="another pactwatch is writing"):
            build_site(example, date(2026, 11, 27), out=out, run=False)
    assert run_cli("feeds", "--root", example, "-o", out).code == 0


def test_temporary_files_of_a_killed_writer_are_swept(run_cli: Run, example: Path, tmp_path: Path) -> None:
    """`kill -9` between fileio's temporary write and its rename leaves .<name>.<hex>.tmp behind."""
    out = tmp_path / "feeds"
    assert run_cli("feeds", "--root", example, "-o", out).code == 0
    stale, fresh, other = out / "people" / ".a.ics.0123abcd.tmp", out / ".all.ics.89abcdef.tmp", out / ".notes.tmp"
    for path in (stale, fresh, other):
        path.write_bytes(b"half")
    old = os.stat(stale).st_mtime - STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    assert run_cli("feeds", "--root", example, "-o", out).code == 0
    assert not stale.exists()
    assert fresh.exists() and other.exists()  # a writer may still be busy with a fresh one; not our name pattern
