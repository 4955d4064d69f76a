"""A content-hash cache of per-file validation results.

Pickle files under ``.pactwatch-cache/`` (git-ignored), each keyed by the
package's code, the schemas and the default currency, so a change to any of
them starts afresh. Deleting the folder is always safe; each file is written
atomically and only when something in it changed.

- ``index.pickle``: each file's content digest and stat signature, and the
  findings of recent whole validations. Small: read on every run.
- ``results.pickle``: each file's result, pickled on its own, keyed by digest.
  Read only when some file is new or changed (or for ``validate FILE...``).
- ``snapshot.pickle``: the files split into 64 shards by path, each shard's
  results in one pickle, valid for one exact set of files and contents: a
  warm run of ten thousand contracts unpickles 64 times, not 10,000.
- ``parsed.pickle``: the settings and people last parsed without findings.

Like git's index, each entry keeps the file's stat signature (size, mtime,
ctime, inode) from when it was hashed: a file whose signature is unchanged is
not read again. A signature is kept only for a file last changed well before
it was read (see ``signature``), so an edit in the same clock tick as a read is
never mistaken for no change.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Collection
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from pactwatch import __version__
from pactwatch.fileio import write_atomic
from pactwatch.gcpause import paused
from pactwatch.resources import data_dir

if TYPE_CHECKING:
    from pactwatch.findings import Finding
    from pactwatch.load.portfolio import FileResult

CACHE_DIR = ".pactwatch-cache"
_INDEX, _RESULTS, _SNAPSHOT, _PARSED = "index.pickle", "results.pickle", "snapshot.pickle", "parsed.pickle"
_OLD_FILES = ("validate.pickle",)  # earlier layouts: removed when the cache is next written
_RUNS_KEPT = 8  # remembered whole-portfolio validations (they differ by day, people.yaml, file set)
_RACY_NS = 2_000_000_000  # a file changed less than this before it was read may change again unseen (coarse timestamps)
_BROKEN = (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError, KeyError)

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
def _code_fingerprint() -> str:
    """The package version, schemas and every module: results made by other code are never reused."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(__version__.encode())
    for path in sorted(data_dir("schema").glob("*.json")):
        digest.update(path.read_bytes())
    for module in sorted(Path(__file__).parent.parent.rglob("*.py")):
        digest.update(module.read_bytes())  # a code change invalidates results (cheap: ~100 small files)
    return digest.hexdigest()


def _fingerprint(currency: str) -> str:
    return hashlib.blake2b(f"{_code_fingerprint()}\0{currency}".encode(), digest_size=16).hexdigest()


def remembered_parse(root: Path, name: str, raw: bytes) -> object | None:
    """What parsing the small file ``name`` (pactwatch.yml, people.yaml) with exactly these bytes gave, if remembered.

    Warm runs then need neither the YAML parser nor the schemas, which are a
    good part of a command's start-up.
    """
    entry = _parsed(root).get(name)
    if not isinstance(entry, tuple) or len(entry) != 2 or entry[0] != _content_digest(raw):
        return None
    value: object = entry[1]
    return value


def remember_parse(root: Path, name: str, raw: bytes, value: object) -> None:
    """Remember ``value`` as what parsing ``name`` with these bytes gives (only findings-free parses are remembered)."""
    parsed = _parsed(root)
    parsed[name] = (_content_digest(raw), value)
    directory = root / CACHE_DIR
    try:
        directory.mkdir(exist_ok=True)
        (directory / ".gitignore").write_text("*\n", encoding="utf-8")
        _write_pickles(directory / _PARSED, (_code_fingerprint(), parsed))
    except OSError:
        pass  # a read-only checkout parses every time


def _parsed(root: Path) -> dict[str, object]:
    """The remembered parses, if made by this code."""
    try:
        with (root / CACHE_DIR / _PARSED).open("rb") as handle:
            key, parsed = pickle.load(handle), pickle.load(handle)
    except _BROKEN:
        return {}
    return parsed if key == _code_fingerprint() and isinstance(parsed, dict) else {}


def _content_digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def _write_pickles(path: Path, parts: tuple[object, ...]) -> None:
    """``parts`` as pickles one after another (read back with one pickle.load each), replacing ``path`` atomically."""
    write_atomic(path, b"".join(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL) for part in parts))


class ResultCache:
    """What earlier runs learnt about each file, and the results to reuse; see the module's docstring."""

    def __init__(self, root: Path, currency: str) -> None:
        self._dir = root / CACHE_DIR
        self._key = _fingerprint(currency)
        self._index: dict[str, tuple[str, Signature | None]] = {}  # source -> (digest, stat signature)
        self._runs: dict[str, tuple[Finding, ...]] = {}
        self._results: dict[str, tuple[str, bytes]] | None = None  # source -> (digest, pickled result); read when first needed
        self._shards: dict[int, tuple[str, bytes]] | None = None  # shard -> (content key, pickled results); read when needed
        self._dirty: set[str] = set()
        index = self._load(_INDEX, pickle.load)
        if isinstance(index, tuple) and len(index) == 2 and isinstance(index[0], dict) and isinstance(index[1], dict):
            self._index, self._runs = index

    def _load(self, name: str, read: Callable[[BinaryIO], Any]) -> Any:
        """What ``read`` makes of the file after its key, or None when the file is missing, damaged or for other code."""
        try:
            with (self._dir / name).open("rb") as handle, paused():
                if pickle.load(handle) != self._key:
                    return None
                return read(handle)
        except _BROKEN:
            return None

    def digest(self, source: str, stat: os.stat_result) -> str | None:
        """The content digest of ``source`` when its stat signature is the one hashed, else None."""
        entry = self._index.get(source)
        if entry is None or entry[1] is None:
            return None
        if entry[1] != (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino):
            return None
        return entry[0]

    def _each_result(self) -> dict[str, tuple[str, bytes]]:
        if self._results is None:
            results = self._load(_RESULTS, pickle.load)
            self._results = results if isinstance(results, dict) else {}
        return self._results

    def get(self, source: str, digest: str) -> FileResult | None:
        entry = self._each_result().get(source)
        if entry is None or entry[0] != digest:
            return None
        try:
            result: FileResult = pickle.loads(entry[1])
        except _BROKEN:
            return None
        return result

    def put(self, source: str, digest: str, pickled: bytes) -> None:
        self._each_result()[source] = (digest, pickled)
        self._dirty.add(_RESULTS)
        self.vouch(source, digest, None)

    def vouch(self, source: str, digest: str, signature: Signature | None) -> None:
        """Remember that the file whose stat is ``signature`` (None: not safe to say) has content ``digest``."""
        if self._index.get(source) != (digest, signature):
            self._index[source] = (digest, signature)
            self._dirty.add(_INDEX)

    def keep_only(self, sources: Collection[str]) -> None:
        """Forget files that are gone (renamed or deleted), so the cache does not grow with the repository's history.

        Per-file results are pruned when they were read anyway: reading them just for this would slow warm runs.
        """
        present = set(sources)
        if any(source not in present for source in self._index):
            self._index = {source: entry for source, entry in self._index.items() if source in present}
            self._dirty.add(_INDEX)
        if self._results is not None and any(source not in present for source in self._results):
            self._results = {source: entry for source, entry in self._results.items() if source in present}
            self._dirty.add(_RESULTS)

    def shard(self, index: int, content_key: str) -> list[FileResult] | None:
        """The results of one shard of the files, when its files and contents are those it was taken of.

        A warm run of ten thousand contracts unpickles 64 shards instead of
        10,000 entries (a quarter faster), and an edit rewrites one shard only.
        """
        entry = self._each_shard().get(index)
        if entry is None or entry[0] != content_key:
            return None
        try:
            with paused():
                results: list[FileResult] = pickle.loads(entry[1])
        except _BROKEN:
            return None
        return results

    def remember_shard(self, index: int, content_key: str, results: list[FileResult]) -> None:
        self._each_shard()[index] = (content_key, pickle.dumps(results, pickle.HIGHEST_PROTOCOL))
        self._dirty.add(_SNAPSHOT)

    def _each_shard(self) -> dict[int, tuple[str, bytes]]:
        if self._shards is None:
            shards = self._load(_SNAPSHOT, pickle.load)
            self._shards = shards if isinstance(shards, dict) else {}
        return self._shards

    def run(self, key: str) -> tuple[Finding, ...] | None:
        """The findings of a whole validation whose inputs hashed to ``key``, if remembered."""
        return self._runs.get(key)

    def remember_run(self, key: str, findings: tuple[Finding, ...]) -> None:
        self._runs.pop(key, None)
        self._runs[key] = findings
        while len(self._runs) > _RUNS_KEPT:
            del self._runs[next(iter(self._runs))]
        self._dirty.add(_INDEX)

    def save(self) -> None:
        if not self._dirty:
            return
        try:
            self._dir.mkdir(exist_ok=True)
            (self._dir / ".gitignore").write_text("*\n", encoding="utf-8")
            if _RESULTS in self._dirty:
                self._write(_RESULTS, self._each_result())
            if _SNAPSHOT in self._dirty:
                self._write(_SNAPSHOT, self._each_shard())
            if _INDEX in self._dirty:  # last: it vouches for what the others hold
                self._write(_INDEX, (self._index, self._runs))
            for name in _OLD_FILES:
                (self._dir / name).unlink(missing_ok=True)
        except OSError:
            pass  # a read-only checkout still validates, just without a cache
        self._dirty.clear()

    def _write(self, name: str, *parts: object) -> None:
        """The key, then ``parts``, as pickles one after another, replacing ``name`` atomically."""
        _write_pickles(self._dir / name, (self._key, *parts))
