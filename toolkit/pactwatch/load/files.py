"""Finding and reading a portfolio's files: contract paths under ``contracts/``, bytes with their stat."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

from pactwatch.catalogue import Msg, msg
from pactwatch.findings import Finding
from pactwatch.safefs import NotRegularFile, read_regular

PEOPLE_FILE = "people.yaml"
CONTRACTS_DIR = "contracts"
MAX_BYTES = 1024 * 1024  # any file the portfolio holds (contracts, people.yaml, pactwatch.yml)


def discover(root: Path) -> list[str]:
    """Contract files below ``contracts/``, as sorted POSIX paths relative to root."""
    base = root / CONTRACTS_DIR
    found: list[str] = []
    if os.path.islink(base):
        return [CONTRACTS_DIR]  # reading it says why: a linked contracts/ would have every file read elsewhere
    for directory, subdirs, files in os.walk(base):  # linked folders are listed in subdirs, never walked into
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        rel = Path(directory).relative_to(root).as_posix()
        found.extend(f"{rel}/{name}" for name in subdirs if os.path.islink(os.path.join(directory, name)))  # PW112
        found.extend(f"{rel}/{name}" for name in files if name.endswith((".yaml", ".yml")) and not name.startswith("."))
    return sorted(found)


def digest_of(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def read(root: Path, source: str) -> bytes | Finding:
    raw, _ = read_with_stat(root, source)
    return raw


def read_with_stat(root: Path, source: str) -> tuple[bytes | Finding, os.stat_result | None]:
    """The file's bytes and its stat taken before reading (a later edit shows as a newer mtime).

    Only a regular file inside the portfolio is read (``safefs``): a link or a special file is PW112, and
    a file over MAX_BYTES is PW102 without being read whole."""
    try:
        raw, stat = read_regular(root, source, MAX_BYTES)  # plain strings: 10,000 Path objects cost 0.3 s
    except NotRegularFile as exc:
        hint = msg("finding.file.regular_hint")
        return Finding("PW112", "error", source, 1, 1, "", _not_regular(root, source, exc), hint), None
    except OSError as exc:
        return Finding("PW001", "error", source, 1, 1, "", _unreadable(exc)), None
    if len(raw) > MAX_BYTES:
        return too_large(source, max(stat.st_size, len(raw))), None
    return raw, stat


def _not_regular(root: Path | str, source: str, exc: NotRegularFile) -> Msg:
    """The file is a link, a folder on its path is one (named), or it is a pipe, a socket or a device."""
    path = str(exc.filename or "")
    if path and os.path.islink(path):
        where = Path(os.path.relpath(path, root)).as_posix()
        return msg("finding.file.link") if where == source else msg("finding.file.linked_folder", path=where)
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        mode = 0
    return msg("finding.file." + ("pipe" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"))


_OS_ERRORS = {errno.EACCES: "denied", errno.EPERM: "denied", errno.ENOENT: "missing", errno.EISDIR: "is_folder"}


def _unreadable(exc: OSError) -> Msg:
    reason = _OS_ERRORS.get(exc.errno or 0)
    if reason is not None:
        return msg(f"finding.file.{reason}")
    return msg("finding.file.unreadable", code=errno.errorcode.get(exc.errno or 0, str(exc.errno)))


def too_large(source: str, size: int) -> Finding:
    message = msg("finding.file.too_large", size=f"{size:,}", limit=f"{MAX_BYTES:,}")
    return Finding("PW102", "error", source, 1, 1, "", message, msg("finding.file.too_large_hint"))
