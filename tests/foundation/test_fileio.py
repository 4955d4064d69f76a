"""fileio, the one writer: atomic, exclusive when asked, nothing left behind, modes from the umask."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from pactwatch import fileio
from tests.foundation.conftest import MODES


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_and_folders_take_their_mode_from_the_umask(tmp_path: Path, umask: int) -> None:
    fileio.write_atomic(tmp_path / "new" / "deeper" / "a.txt", b"a")
    fileio.write_atomic_text(tmp_path / "new" / "b.txt", "b", exclusive=True)
    fileio.write_atomic(tmp_path / "new" / "c.txt", b"c", fsync=True)
    for name in ("deeper/a.txt", "b.txt", "c.txt"):
        assert _mode(tmp_path / "new" / name) == MODES[umask], name
    for folder in ("new", "new/deeper"):
        assert _mode(tmp_path / folder) == 0o777 & ~umask, folder


def test_a_replaced_file_gets_the_new_content_and_the_umask_mode(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    target.chmod(0o600)
    fileio.write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and _mode(target) == MODES[umask]


def test_exclusive_refuses_an_existing_file_and_leaves_it_intact(tmp_path: Path) -> None:
    target = tmp_path / "contracts" / "x.yaml"
    fileio.write_atomic_text(target, "first\n", exclusive=True)
    with pytest.raises(FileExistsError):
        fileio.write_atomic_text(target, "second\n", exclusive=True)
    assert target.read_text(encoding="utf-8") == "first\n"
    assert [p.name for p in target.parent.iterdir()] == ["x.yaml"]  # no temporary file left behind


def test_exclusive_without_hard_links_still_never_clobbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: int) -> None:
    def no_links(source: object, target: object) -> None:
        raise PermissionError(errno.EPERM, "hard links not supported")  # as on FAT or some network shares

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "x.yaml"
    fileio.write_atomic(target, b"first\n", exclusive=True)
    assert target.read_bytes() == b"first\n" and _mode(target) == MODES[umask]
    with pytest.raises(FileExistsError):
        fileio.write_atomic(target, b"second\n", exclusive=True)
    assert target.read_bytes() == b"first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.yaml"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")

    def full_disk(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError, match="no space left on the disk"):
        fileio.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_failed_sync_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(handle: int) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError, match="I/O error"):
        fileio.write_atomic(tmp_path / "state.json", b"{}", fsync=True)
    assert list(tmp_path.iterdir()) == []


def test_write_if_changed_leaves_an_unchanged_file_alone(tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    assert fileio.write_if_changed(target, b"text")
    inode = target.stat().st_ino
    assert not fileio.write_if_changed(target, b"text")
    assert target.stat().st_ino == inode  # not even renamed over
    assert fileio.write_if_changed(target, b"other") and target.read_bytes() == b"other"
