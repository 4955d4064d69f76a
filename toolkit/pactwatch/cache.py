"""A content-hash cache of per-file validation results.

One pickle file under ``.pactwatch-cache/`` (git-ignored), keyed by the
package version, the schemas' hash and the default currency, so a change to
any of them starts afresh. Deleting the folder is always safe. The file is
written atomically and only when something changed.

Like git's index, each entry also keeps the file's stat signature (size,
mtime, ctime, inode) from when it was hashed: a file whose signature is
unchanged is not read again. A signature is kept only for a file last changed
well before it was read (see ``signature``), so an edit in the same clock tick
as a read is never mistaken for no change.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pactwatch import __version__
from pactwatch.gcpause import paused
from pactwatch.resources import data_dir

if TYPE_CHECKING:
    from pactwatch.findings import Finding
    from pactwatch.portfolio import FileResult

CACHE_DIR = ".pactwatch-cache"
_FILE = "validate.pickle"
_RUNS_KEPT = 8  # remembered whole-portfolio validations (they differ by day, people.yaml, file set)
_RACY_NS = 2_000_000_000  # a file changed less than this before it was read may change again unseen (coarse timestamps)

Signature = tuple[int, int, int, int]


def signature(stat: os.stat_result, read_from_ns: int) -> Signature | None:
    """What identifies this version of a file without reading it, or None when that is not safe.

    ``read_from_ns`` is a wall-clock time before the file was read: a file
    modified within _RACY_NS of it could be modified again within the same
    timestamp tick, so only its content hash can vouch for it.
    """
    if stat.st_mtime_ns > read_from_ns - _RACY_NS or stat.st_ctime_ns > read_from_ns - _RACY_NS:
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


@cache
def _fingerprint(currency: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(__version__.encode())
    for path in sorted(data_dir("schema").glob("*.json")):
        digest.update(path.read_bytes())
    for module in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(module.read_bytes())  # a code change invalidates results (cheap: ~100 small files)
    digest.update(currency.encode())
    return digest.hexdigest()


class ResultCache:
    """source -> (content digest, pickled FileResult, stat signature), plus the findings of recent whole validations.

    Results stay pickled until asked for, so checking one file (the pre-commit
    hook) does not unpickle ten thousand contracts, and saving writes the bytes
    the workers produced without pickling anything again.
    """

    def __init__(self, root: Path, currency: str) -> None:
        self._path = root / CACHE_DIR / _FILE
        self._key = _fingerprint(currency)
        self._entries: dict[str, tuple[str, bytes, Signature | None]] = {}
        self._runs: dict[str, tuple[Finding, ...]] = {}
        self._snapshot: tuple[str, bytes] | None = None  # (content key, every file's result pickled as one list)
        self._read()
        self._dirty = False

    def _read(self) -> None:
        try:
            with self._path.open("rb") as handle, paused():
                key, entries, runs, snapshot = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError, KeyError):
            return
        if key != self._key or not isinstance(entries, dict) or not isinstance(runs, dict):
            return
        self._entries, self._runs = entries, runs
        if isinstance(snapshot, tuple) and len(snapshot) == 2:
            self._snapshot = snapshot

    def digest(self, source: str, stat: os.stat_result) -> str | None:
        """The content digest of ``source`` when its stat signature is the one hashed, else None."""
        entry = self._entries.get(source)
        if entry is None or entry[2] is None:
            return None
        if entry[2] != (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino):
            return None
        return entry[0]

    def get(self, source: str, digest: str) -> FileResult | None:
        entry = self._entries.get(source)
        if entry is None or entry[0] != digest:
            return None
        try:
            result: FileResult = pickle.loads(entry[1])
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError, KeyError):
            return None
        return result

    def put(self, source: str, digest: str, pickled: bytes) -> None:
        self._entries[source] = (digest, pickled, None)
        self._dirty = True

    def vouch(self, source: str, digest: str, signature: Signature | None) -> None:
        """Remember that the file whose stat is ``signature`` has content ``digest``."""
        entry = self._entries.get(source)
        if entry is not None and entry[0] == digest and entry[2] != signature:
            self._entries[source] = (digest, entry[1], signature)
            self._dirty = True

    def snapshot(self, content_key: str) -> list[FileResult] | None:
        """Every file's result at once, when the files are exactly those the snapshot was taken of.

        One unpickling instead of one per file: a quarter faster on 10,000 contracts.
        """
        if self._snapshot is None or self._snapshot[0] != content_key:
            return None
        try:
            with paused():
                results: list[FileResult] = pickle.loads(self._snapshot[1])
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError, KeyError):
            return None
        return results

    def remember_snapshot(self, content_key: str, results: list[FileResult]) -> None:
        self._snapshot = (content_key, pickle.dumps(results, pickle.HIGHEST_PROTOCOL))
        self._dirty = True

    def run(self, key: str) -> tuple[Finding, ...] | None:
        """The findings of a whole validation whose inputs hashed to ``key``, if remembered."""
        return self._runs.get(key)

    def remember_run(self, key: str, findings: tuple[Finding, ...]) -> None:
        self._runs.pop(key, None)
        self._runs[key] = findings
        while len(self._runs) > _RUNS_KEPT:
            del self._runs[next(iter(self._runs))]
        self._dirty = True

    def save(self) -> None:
        if not self._dirty:
            return
        try:
            self._path.parent.mkdir(exist_ok=True)
            (self._path.parent / ".gitignore").write_text("*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((self._key, self._entries, self._runs, self._snapshot), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self._path)
        except OSError:
            pass  # a read-only checkout still validates, just without a cache
