"""Writing files safely, the one writer: never half-written, never clobbering when told not to, modes as an editor's.

Every write goes to a new temporary file in the target's folder, then is renamed
over the target (``os.replace``) or, with ``exclusive``, linked to a name that
must not exist yet. The temporary file is created with mode 0o666 and the kernel
applies the umask (and a folder's default ACL), so files come out as an editor
would make them: 0644 under umask 022, 0640 under 027. Not reading the umask
ourselves matters: the only way is to set it and set it back, which races with
any thread creating files meanwhile (``serve`` rebuilds in a thread). Folders
are made by ``mkdir``, which applies the umask the same way (0o777 & ~umask).
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from pactwatch.errors import CannotWrite

_TRIES = 100  # random temporary names that may be taken before giving up (as tempfile.TMP_MAX)
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)  # O_BINARY: no newline translation on Windows


def write_atomic(path: Path, data: bytes, *, exclusive: bool = False, fsync: bool = False) -> None:
    """Write ``data`` to ``path``: readers see the old file or the new one, never half.

    ``exclusive``: never replace an existing file; raise FileExistsError and leave it as it is.
    ``fsync``: the data and the new name are on disk when this returns (for state that must survive a crash).
    Any other failure (a full disk) is CannotWrite naming ``path``: one line for the user, the old file intact.
    """
    try:
        _write(path, data, exclusive=exclusive, fsync=fsync)
    except FileExistsError:
        raise
    except OSError as exc:
        raise CannotWrite(path, exc) from exc


def _write(path: Path, data: bytes, *, exclusive: bool, fsync: bool) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:  # a file where a folder must be (-o report.md/x.csv): not "the target exists"
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path.parent)) from exc
    handle, temp = _new_temp(path)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if fsync:
                out.flush()
                os.fsync(out.fileno())
        if exclusive:
            _place_new(temp, path, data, fsync)
        else:
            os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if fsync:
        _sync_folder(path.parent)


def write_atomic_text(path: Path, text: str, *, exclusive: bool = False, fsync: bool = False) -> None:
    """``write_atomic`` for text: UTF-8, line ends exactly as given (LF stays LF on every platform)."""
    write_atomic(path, text.encode("utf-8"), exclusive=exclusive, fsync=fsync)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` unless the file already holds exactly it (its time then stays); True when written."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True


def _new_temp(path: Path) -> tuple[int, Path]:
    """A new, empty file beside ``path``, open for writing; mode 0o666 less the umask (mkstemp would force 0600)."""
    for _ in range(_TRIES):
        temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(temp, _FLAGS, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


def _place_new(temp: Path, path: Path, data: bytes, fsync: bool) -> None:
    """Give ``temp``'s content the name ``path`` unless that name is taken (FileExistsError); ``temp`` goes."""
    try:
        os.link(temp, path)  # atomic, and fails when the name is taken
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system: an exclusive create, then the bytes
        out = open(path, "xb")  # noqa: SIM115 - opened apart so a taken name (FileExistsError) is never removed below
        try:
            with out:
                out.write(data)
                if fsync:
                    out.flush()
                    os.fsync(out.fileno())
        except BaseException:
            path.unlink(missing_ok=True)  # never leave half a file under the new name
            raise
    temp.unlink()


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entries, so the rename survives a crash (POSIX; Windows cannot open a folder)."""
    if os.name == "nt":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
