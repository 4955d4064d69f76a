"""Output folders pactwatch writes and cleans (site/, .pactwatch-build/, the feeds folder): claimed first.

``build`` and ``feeds`` delete what they did not write this time, so the folder they write must be theirs:
- never the portfolio's own data or code, nor a folder holding it (``-o contracts``, ``-o .git``, ``-o .``);
- never a symbolic link, nor below one inside the portfolio (a committed ``site -> /home/me`` link);
- empty, new, or marked as pactwatch's: ``.pactwatch-output`` is written into every folder pactwatch
  makes, and a non-empty folder without it (in it or a folder above) is somebody else's.
Each refusal is one line and exit 2. A claimed folder is then locked (``flock`` on the marker) while the
command writes it: a second build or feeds into the same folder stops with one line instead of mixing two
sites. Holding the lock, links inside the folder are removed (unlinking a link never touches its target,
and nothing is then written through one) and so are ``fileio``'s temporary files older than five minutes: those
are left by a writer that was killed (``kill -9``, a full disk). Five minutes, not "not ours": the names carry
no process id and other writers (``serve``'s thread) do not take the lock, but no single file pactwatch writes
takes more than a second, so the next run after a kill finds them stale.
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pactwatch.catalogue import msg
from pactwatch.errors import PactwatchError, UsageError

MARKER = ".pactwatch-output"
PROTECTED = ("contracts", "people.yaml", "pactwatch.yml", "templates", "schema", ".git")
STALE_TEMP_SECONDS = 300
_TEMP = re.compile(r"^\..+\.[0-9a-f]{8}\.tmp$")  # fileio._new_temp's names: .<name>.<8 hex>.tmp
_MARKER_TEXT = b"pactwatch writes this folder and deletes files in it that it no longer produces.\n"
_OPEN = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; the other checks still hold
    fcntl = None  # type: ignore[assignment]


def check(folder: Path, root: Path) -> None:
    """Raise UsageError unless pactwatch may write and clean ``folder`` for the portfolio at ``root``."""
    path, base = Path(os.path.abspath(folder)), Path(os.path.abspath(root))
    real = path.resolve()
    for name in PROTECTED:
        for guarded in {base.resolve() / name, (base / name).resolve()}:
            if real == guarded or guarded in real.parents or real in guarded.parents:
                raise UsageError(msg("error.output.protected", folder=str(folder), name=name))
    _check_links(path, base, folder)
    if os.path.lexists(path) and not stat.S_ISDIR(os.lstat(path).st_mode):
        raise UsageError(msg("error.output.not_a_folder", folder=str(folder)))
    if path.is_dir() and any(path.iterdir()) and not _marked(path):
        raise UsageError(msg("error.output.not_ours", folder=str(folder), marker=MARKER))


def _check_links(path: Path, base: Path, shown: Path) -> None:
    """The folder, and every folder between the portfolio and it, must be real folders, not links."""
    steps = [path]  # outside the portfolio, the folders above it are the user's choice
    if base in path.parents:
        parts = path.relative_to(base).parts
        steps = [base.joinpath(*parts[: n + 1]) for n in range(len(parts))]
    for step in steps:
        if os.path.islink(step):
            raise UsageError(msg("error.output.link", folder=str(shown), step=str(step)))


def _marked(path: Path) -> bool:
    """``path`` or a folder above it carries pactwatch's marker (site/calendar lies inside site/)."""
    return any(os.path.isfile(folder / MARKER) and not os.path.islink(folder / MARKER) for folder in (path, *path.parents))


@contextmanager
def claim(folder: Path, root: Path) -> Iterator[Path]:
    """Check ``folder`` (``check``), make and mark it, hold its lock, remove links and stale temporary files."""
    check(folder, root)
    folder.mkdir(parents=True, exist_ok=True)
    handle = os.open(folder / MARKER, _OPEN, 0o666)
    try:
        _lock(handle, folder)
        if os.fstat(handle).st_size == 0:
            os.write(handle, _MARKER_TEXT)
        sweep(folder, time.time())
        yield folder
    finally:
        os.close(handle)  # releases the lock


def _lock(handle: int, folder: Path) -> None:
    if fcntl is None:
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise PactwatchError(msg("error.output.busy", folder=str(folder))) from None


def sweep(folder: Path, now: float) -> int:
    """Remove links (they are never followed, so never written through) and stale temporary files; -> how many."""
    removed = 0
    for directory, subdirs, files in os.walk(folder):
        for name in [d for d in subdirs if os.path.islink(os.path.join(directory, d))]:
            os.unlink(os.path.join(directory, name))
            subdirs.remove(name)
            removed += 1
        for name in files:
            path = os.path.join(directory, name)
            info = os.lstat(path)
            stale = _TEMP.match(name) is not None and info.st_mtime < now - STALE_TEMP_SECONDS
            if stat.S_ISLNK(info.st_mode) or stale:
                os.unlink(path)
                removed += 1
    return removed
