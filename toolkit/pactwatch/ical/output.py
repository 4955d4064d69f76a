"""Writing feeds to a folder (the effects edge): only changed files are rewritten, atomically; stale feeds go.

Rewriting only what changed keeps file times (and so HTTP caches, ``mkdocs
build --dirty`` and ``pactwatch serve``) quiet. Each write goes to a temporary
file in the same folder and is renamed over the old one, so a web server never
serves half a feed. Only files this module wrote are ever removed: each write
lists its feeds in ``.pactwatch-feeds`` (the manifest, in the folder), and a
feed the last manifest lists that is not in the new set is removed; a file it
never wrote (someone's ``holidays.ics`` in ``-o ~/calendars``) is never touched.
A manifest line that is not a feed path (``../x``, ``/etc/passwd``) is ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pactwatch.catalogue import msg
from pactwatch.errors import OSFailure
from pactwatch.fileio import write_if_changed
from pactwatch.safefs import read_regular

ALL_FEED = "all.ics"
MANIFEST = ".pactwatch-feeds"
_MANIFEST_LIMIT = 64 * 1024 * 1024  # a line per feed: 100,000 feeds take ~4 MB
FEED_DIRS = ("people", "contracts", "counterparties")


@dataclass(frozen=True, slots=True)
class WriteResult:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


def windowed(path: str) -> bool:
    """An aggregate feed (all, a person's, a counterparty's): windowed and held to the size budget; a contract's
    own feed is complete."""
    return not path.startswith("contracts/")


def over_budget(sizes: Iterable[tuple[str, int]], limit: int) -> list[tuple[str, int]]:
    """The aggregate feeds (path, bytes) over ``limit``: the builder narrows every feed it can, so these are
    the ones their overdue events alone hold over it (all kept: the warning says so)."""
    return [(path, size) for path, size in sorted(sizes) if windowed(path) and size > limit]


def _check(path: str) -> None:
    parts = PurePosixPath(path).parts
    owned = parts == (ALL_FEED,) or (len(parts) == 2 and parts[0] in FEED_DIRS)
    if not owned or not path.endswith(".ics") or parts[-1].startswith("."):
        raise ValueError(f"not a feed path: {path!r}")


def _is_feed(path: str) -> bool:
    try:
        _check(path)
    except ValueError:
        return False
    return True


def owned_feeds(out_dir: Path) -> set[str]:
    """The feeds the last write listed in ``out_dir``'s manifest: the only files this module may remove."""
    try:
        raw, _ = read_regular(out_dir, MANIFEST, _MANIFEST_LIMIT)
    except OSError:
        return set()  # none yet (or not a file we wrote): nothing is removed
    return {line for line in raw.decode("utf-8", "replace").splitlines() if _is_feed(line)}


def write_feeds(files: Mapping[str, bytes], out_dir: Path) -> WriteResult:
    """Write ``files`` (relative path -> bytes) under ``out_dir``; remove owned feeds that are no longer built."""
    for path in files:
        _check(path)
    written: list[str] = []
    try:
        for path in sorted(files):
            if write_if_changed(out_dir / path, files[path]):
                written.append(path)
        stale = sorted(owned_feeds(out_dir) - set(files))
        for path in stale:
            (out_dir / path).unlink(missing_ok=True)
        write_if_changed(out_dir / MANIFEST, "".join(f"{path}\n" for path in sorted(files)).encode("utf-8"))
    except OSError as exc:
        raise OSFailure(msg("error.feeds.cannot_write", path=str(out_dir)), exc) from exc
    return WriteResult(tuple(written), len(files) - len(written), tuple(stale))
