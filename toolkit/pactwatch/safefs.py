"""Reading files that arrive by pull request: regular files inside their folder, never through a link, bounded.

A committed symbolic link is the cheapest attack on a tool that reads a checkout: ``contracts/x.yaml ->
/proc/self/environ`` would print the environment in a finding, ``-> /dev/zero`` would read until memory runs
out, a link under ``templates/site/assets/`` would publish any file on the runner. So every file of the
portfolio is read here: no component below the folder may be a link (``lstat``), the file itself is opened
with ``O_NOFOLLOW`` and ``O_NONBLOCK`` (a named pipe must not block the open), it must be a regular file
(``fstat`` of what was opened), and at most ``limit + 1`` bytes are read (one more than allowed shows that
it is too big, whatever the size said). The folders are checked with ``lstat`` before the open: the threat is
what a pull request commits, not a process racing us on the runner.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from pactwatch.catalogue import Msg, msg

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # absent on Windows: the lstat below then covers the file too
_FLAGS = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class NotRegularFile(OSError):
    """The path is a symbolic link, lies below one, or is a special file (a pipe, a device, a socket)."""

    def __init__(self, path: str, why: str) -> None:
        super().__init__(errno.EPERM, why, path)


def refused(exc: NotRegularFile) -> Msg:
    """The one-line error for a portfolio's own template or site file that is not read: a link (the file, or
    a folder on its path: ``filename`` names the link) or a special file."""
    path = str(exc.filename or "")
    return msg("error.own_file.link" if os.path.islink(path) else "error.own_file.special", path=path)


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    kinds = ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"))
    return next((word for test, word in kinds if test(mode)), "a device or other special file")


def check_folders(base: str, rel: str) -> None:
    """Raise NotRegularFile when a folder between ``base`` and ``rel``'s last part is a link (``base`` is trusted)."""
    path = base
    for part in rel.replace("\\", "/").split("/")[:-1]:
        if part in ("", "."):
            continue
        path = os.path.join(path, part)
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            return  # the open says so
        if stat.S_ISLNK(mode):
            raise NotRegularFile(path, f"{part} on its path is a symbolic link")


def open_regular(base: str, rel: str) -> tuple[int, os.stat_result]:
    """A read-only descriptor of ``base/rel`` and its stat; NotRegularFile for a link or a special file."""
    check_folders(base, rel)
    path = os.path.join(base, rel)
    if not _NOFOLLOW and stat.S_ISLNK(os.lstat(path).st_mode):
        raise NotRegularFile(path, "is a symbolic link")
    try:
        handle = os.open(path, _FLAGS)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK) and os.path.islink(path):  # EMLINK: FreeBSD's word for it
            raise NotRegularFile(path, "is a symbolic link") from None
        raise
    info = os.fstat(handle)
    if not stat.S_ISREG(info.st_mode):
        os.close(handle)
        if stat.S_ISDIR(info.st_mode):  # a plain mistake, not an attack: as open() would say
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        raise NotRegularFile(path, f"is {kind_of(info.st_mode)}, not a regular file")
    return handle, info


def read_regular(base: str | Path, rel: str, limit: int) -> tuple[bytes, os.stat_result]:
    """At most ``limit + 1`` bytes of the regular file ``base/rel`` (more than ``limit`` means too big) and its stat."""
    handle, info = open_regular(os.fspath(base), rel)
    with os.fdopen(handle, "rb") as stream:
        return stream.read(limit + 1), info
