"""Writing feeds to a folder (the effects edge): only changed files are rewritten, atomically; stale feeds go.

Rewriting only what changed keeps file times (and so HTTP caches, ``mkdocs
build --dirty`` and ``pactwatch serve``) quiet. Each write goes to a temporary
file in the same folder and is renamed over the old one, so a web server never
serves half a feed. The ``.ics`` files this module owns (``all.ics`` and those
directly in ``people/``, ``contracts/`` and ``counterparties/``) that are not in
the new set are removed; nothing else in the folder is touched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pactwatch.errors import PactwatchError
from pactwatch.fileio import write_if_changed

ALL_FEED = "all.ics"
FEED_DIRS = ("people", "contracts", "counterparties")


@dataclass(frozen=True, slots=True)
class WriteResult:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


def _check(path: str) -> None:
    parts = PurePosixPath(path).parts
    owned = parts == (ALL_FEED,) or (len(parts) == 2 and parts[0] in FEED_DIRS)
    if not owned or not path.endswith(".ics") or parts[-1].startswith("."):
        raise ValueError(f"not a feed path: {path!r}")


def owned_feeds(out_dir: Path) -> set[str]:
    """The feed files present in ``out_dir`` that this module manages."""
    found = {ALL_FEED} if (out_dir / ALL_FEED).is_file() else set()
    for folder in FEED_DIRS:
        if (out_dir / folder).is_dir():
            found.update(f"{folder}/{p.name}" for p in (out_dir / folder).iterdir() if p.suffix == ".ics" and p.is_file())
    return found


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
    except OSError as exc:
        raise PactwatchError(f"cannot write feeds to {out_dir}: {exc.strerror or exc}") from exc
    return WriteResult(tuple(written), len(files) - len(written), tuple(stale))
