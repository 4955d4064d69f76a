"""write_feeds: only changed files are rewritten, atomically; stale feeds it owns are removed, nothing else."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pactwatch.errors import PactwatchError
from pactwatch.ical.output import MANIFEST, owned_feeds, write_feeds

FILES = {"all.ics": b"A", "people/ann.ics": b"P", "contracts/C-1.ics": b"C", "counterparties/cp-1.ics": b"X"}


def test_first_write_then_nothing_changes(tmp_path: Path) -> None:
    first = write_feeds(FILES, tmp_path)
    assert first.written == tuple(sorted(FILES))
    assert {p: (tmp_path / p).read_bytes() for p in FILES} == FILES
    inodes = {p: (tmp_path / p).stat().st_ino for p in FILES}
    second = write_feeds(FILES, tmp_path)
    assert (second.written, second.unchanged, second.removed) == ((), 4, ())
    assert {p: (tmp_path / p).stat().st_ino for p in FILES} == inodes  # untouched, not rewritten


def test_only_the_changed_file_is_replaced(tmp_path: Path) -> None:
    write_feeds(FILES, tmp_path)
    before = {p: (tmp_path / p).stat().st_ino for p in FILES}
    result = write_feeds({**FILES, "people/ann.ics": b"Q"}, tmp_path)
    assert result.written == ("people/ann.ics",)
    assert (tmp_path / "people/ann.ics").read_bytes() == b"Q"
    after = {p: (tmp_path / p).stat().st_ino for p in FILES}
    assert [p for p in FILES if before[p] != after[p]] == ["people/ann.ics"]  # replaced by rename, atomically
    assert oct((tmp_path / "people/ann.ics").stat().st_mode & 0o777) == oct(0o644)


def test_same_size_different_content_is_rewritten(tmp_path: Path) -> None:
    write_feeds(FILES, tmp_path)
    assert write_feeds({**FILES, "all.ics": b"B"}, tmp_path).written == ("all.ics",)


def test_stale_feeds_go_and_other_files_stay(tmp_path: Path) -> None:
    write_feeds(FILES, tmp_path)
    (tmp_path / "people" / "notes.txt").write_text("keep")
    (tmp_path / "index.html").write_text("keep")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.ics").write_text("keep")
    smaller = {p: d for p, d in FILES.items() if p != "people/ann.ics"}
    result = write_feeds(smaller, tmp_path)
    assert result.removed == ("people/ann.ics",)
    assert not (tmp_path / "people/ann.ics").exists()
    assert (tmp_path / "people/notes.txt").exists()
    assert (tmp_path / "index.html").exists()
    assert (tmp_path / "other/x.ics").exists()
    assert owned_feeds(tmp_path) == set(smaller)


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    write_feeds(FILES, tmp_path)
    write_feeds({p: d + b"!" for p, d in FILES.items()}, tmp_path)
    leftovers = [name for _, _, names in os.walk(tmp_path) for name in names if name.startswith(".") and name != MANIFEST]
    assert leftovers == []


@pytest.mark.parametrize(
    "path", ["../evil.ics", "/abs.ics", "people/../../x.ics", "people/a/b.ics", "notes.txt", "x.ics", "people/.hidden.ics"]
)
def test_paths_outside_the_layout_are_refused(tmp_path: Path, path: str) -> None:
    with pytest.raises(ValueError, match="not a feed path"):
        write_feeds({path: b"x"}, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(PactwatchError, match="cannot write feeds"):
        write_feeds(FILES, blocker)


def test_only_feeds_it_wrote_are_removed(tmp_path: Path) -> None:
    """`feeds -o ~/calendars` must not delete the .ics files somebody else keeps there."""
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "holidays.ics").write_bytes(b"mine")
    (tmp_path / "all.ics").write_bytes(b"theirs")  # overwritten: written by this run, then listed
    write_feeds(FILES, tmp_path)
    result = write_feeds({"all.ics": b"A"}, tmp_path)
    assert sorted(result.removed) == ["contracts/C-1.ics", "counterparties/cp-1.ics", "people/ann.ics"]
    assert (tmp_path / "people" / "holidays.ics").read_bytes() == b"mine"
    assert (tmp_path / MANIFEST).read_text() == "all.ics\n"


def test_a_hostile_manifest_deletes_nothing_outside_the_feeds(tmp_path: Path) -> None:
    out, victim = tmp_path / "out", tmp_path / "victim.ics"
    victim.write_bytes(b"keep")
    out.mkdir()
    (out / MANIFEST).write_text("../victim.ics\n/etc/passwd\npeople/../../victim.ics\n")
    assert write_feeds({"all.ics": b"A"}, out).removed == ()
    assert victim.read_bytes() == b"keep"
