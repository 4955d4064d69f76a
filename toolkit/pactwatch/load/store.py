"""A content-hash cache of per-file validation results, in a format that cannot run code.

The cache holds data only: msgpack read by msgspec into the exact record types
it expects, so a crafted file can at worst fail to decode, never execute (the
pickles of v1 ran whatever a pull request put in ``.pactwatch-cache/``). It
lives in the user's cache folder, not in the checkout, so a checkout cannot
bring one along at all (see ``cache_dir``). Anything unexpected (garbage, a
truncated or empty file, wrong types, another version, a link, a file owned by
someone else) is ignored and rebuilt, with a one-line notice for ``-v``.

- ``index.msgpack``: each file's content digest and stat signature, and the
  findings of recent whole validations. Small: read on every run.
- ``results.msgpack``: each file's result, encoded on its own, keyed by digest.
  Read only when some file is new or changed (or for ``validate FILE...``).
- ``snapshot.msgpack``: the files split into shards by path, each shard's
  results encoded together, valid for one exact set of files and contents: a
  warm run of ten thousand contracts decodes 64 pieces, not 10,000.
- ``parsed.msgpack``: the settings and people last parsed without findings.

Like git's index, each entry keeps the file's stat signature (size, mtime,
ctime, inode) from when it was hashed: a file whose signature is unchanged is
not read again. A signature is kept only for a file last changed well before
it was read (see ``signature``), so an edit in the same clock tick as a read is
never mistaken for no change.
"""

from __future__ import annotations

import hashlib
import os
import stat as stat_module
from collections.abc import Collection, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from pactwatch import __version__
from pactwatch.fileio import write_atomic
from pactwatch.findings import Finding
from pactwatch.resources import data_dir
from pactwatch.safefs import NotRegularFile, read_regular

if TYPE_CHECKING:
    from pactwatch.load.portfolio import FileResult

CACHE_ENV = "PACTWATCH_CACHE_DIR"  # the folder holding every portfolio's cache (default: $XDG_CACHE_HOME/pactwatch)
FORMAT = 2  # the layout of the files below; v1 (pickles in the checkout) is never read
_INDEX, _RESULTS, _SNAPSHOT, _PARSED = "index.msgpack", "results.msgpack", "snapshot.msgpack", "parsed.msgpack"
_RUNS_KEPT = 8  # remembered whole-portfolio validations (they differ by day, people.yaml, file set)
_RACY_NS = 2_000_000_000  # a file changed less than this before it was read may change again unseen (coarse timestamps)
_MAX_BYTES = 1 << 30  # a cache file larger than this is not ours (10,000 contracts take ~20 MB)

Signature = tuple[int, int, int, int]
T = TypeVar("T")

_Index = tuple[dict[str, tuple[str, Signature | None]], dict[str, tuple[Finding, ...]]]
_Blobs = dict[str, tuple[str, bytes]]  # name -> (what it was made of, encoded value)
_Shards = dict[int, tuple[str, bytes]]


def cache_dir(root: Path, environ: Mapping[str, str]) -> Path:
    """Where the cache of the portfolio at ``root`` lives: one folder per portfolio in the user's cache folder."""
    base = environ.get(CACHE_ENV) or os.path.join(environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "pactwatch")
    portfolio = hashlib.blake2b(str(root.resolve()).encode(), digest_size=10).hexdigest()
    return Path(base) / portfolio


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
    """The format, package version, schemas and every module: results made by other code are never reused."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT}\0{__version__}".encode())
    for path in sorted(data_dir("schema").glob("*.json")):
        digest.update(path.read_bytes())
    for module in sorted(Path(__file__).parent.parent.rglob("*.py")):
        digest.update(module.read_bytes())  # a code change invalidates results (cheap: ~150 small files)
    return digest.hexdigest()


def content_digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


_encoder = msgspec.msgpack.Encoder()


def encode(value: object) -> bytes:
    return _encoder.encode(value)


_decoders: dict[object, msgspec.msgpack.Decoder[Any]] = {}  # one per type: building one walks the type's fields


def decode(data: bytes, kind: Any) -> Any:
    """``data`` as a ``kind`` (a type or a type expression), or None when it is anything else.

    The decoder checks every field's type on the way: a value of the wrong shape is refused, not half-built.
    """
    decoder = _decoders.get(kind)
    if decoder is None:
        decoder = _decoders[kind] = msgspec.msgpack.Decoder(kind)
    try:
        value = decoder.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError, TypeError, OverflowError, RecursionError):
        return None
    return value


def read_private(path: Path) -> bytes | str:
    """The bytes of a cache file, or why it is not trusted: only a regular file of ours (safefs: never through a link)."""
    try:
        data, info = read_regular(path.parent, path.name, _MAX_BYTES)
    except FileNotFoundError:
        return ""  # simply not there yet: nothing to say
    except NotRegularFile as exc:
        return f"it {exc.strerror}"
    except OSError as exc:
        return f"cannot open it ({exc.strerror})"
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return "it belongs to another user"
    if len(data) > _MAX_BYTES:
        return "it is too large"
    return data


def remembered_parse(root: Path, name: str, raw: bytes, kind: type[T], environ: Mapping[str, str] | None = None) -> T | None:
    """What parsing ``name`` with exactly these bytes gave, if remembered (see ``ResultCache.remembered_parse``)."""
    return ResultCache.for_portfolio(root, "", os.environ if environ is None else environ).remembered_parse(name, raw, kind)


def remember_parse(root: Path, name: str, raw: bytes, value: object, environ: Mapping[str, str] | None = None) -> None:
    ResultCache.for_portfolio(root, "", os.environ if environ is None else environ).remember_parse(name, raw, value)


class ResultCache:
    """What earlier runs learnt about each file, and the results to reuse; see the module's docstring."""

    def __init__(self, directory: Path, currency: str) -> None:
        self._dir = directory
        self._key = hashlib.blake2b(f"{_code_fingerprint()}\0{currency}".encode(), digest_size=16).hexdigest()
        self.notices: list[str] = []  # why a cache file was ignored, for -v
        self._index: dict[str, tuple[str, Signature | None]] = {}  # source -> (digest, stat signature)
        self._runs: dict[str, tuple[Finding, ...]] = {}
        self._results: _Blobs | None = None  # source -> (digest, encoded result); read when first needed
        self._shards: _Shards | None = None  # shard -> (content key, encoded results); read when needed
        self._dirty: set[str] = set()
        self._index_read = False

    def _read_index(self) -> None:
        if not self._index_read:
            self._index_read = True
            index = self._load(_INDEX, _Index)
            if index is not None:
                self._index, self._runs = index

    @classmethod
    def for_portfolio(cls, root: Path, currency: str, environ: Mapping[str, str]) -> ResultCache:
        return cls(cache_dir(root, environ), currency)

    def _load(self, name: str, kind: Any) -> Any:
        """The file's content as a ``kind``, or None when it is missing, damaged, untrusted or made by other code."""
        data = read_private(self._dir / name)
        if isinstance(data, str):
            if data:
                self.notices.append(f"cache file {self._dir / name} ignored and rebuilt: {data}")
            return None
        framed = decode(data, tuple[str, msgspec.Raw])
        if framed is None:
            self.notices.append(f"cache file {self._dir / name} ignored and rebuilt: not a pactwatch cache file")
            return None
        if framed[0] != self._key:
            return None  # made by another version or for another default currency: silently replaced
        value = decode(framed[1], kind)
        if value is None:
            self.notices.append(f"cache file {self._dir / name} ignored and rebuilt: its content has the wrong shape")
        return value

    def digest(self, source: str, stat: os.stat_result) -> str | None:
        """The content digest of ``source`` when its stat signature is the one hashed, else None."""
        self._read_index()
        entry = self._index.get(source)
        if entry is None or entry[1] is None:
            return None
        if tuple(entry[1]) != (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino):
            return None
        return entry[0]

    def _each_result(self) -> _Blobs:
        if self._results is None:
            self._results = self._load(_RESULTS, _Blobs) or {}
        return self._results

    def get(self, source: str, digest: str) -> FileResult | None:
        from pactwatch.load.portfolio import FileResult

        entry = self._each_result().get(source)
        if entry is None or entry[0] != digest:
            return None
        result: FileResult | None = decode(entry[1], FileResult)
        return result

    def put(self, source: str, digest: str, encoded: bytes) -> None:
        """Remember ``source``'s result, already ``encode``d (a worker process encodes it once for the trip and the cache)."""
        self._each_result()[source] = (digest, encoded)
        self._dirty.add(_RESULTS)
        self.vouch(source, digest, None)

    def vouch(self, source: str, digest: str, signature: Signature | None) -> None:
        """Remember that the file whose stat is ``signature`` (None: not safe to say) has content ``digest``."""
        self._read_index()
        if self._index.get(source) != (digest, signature):
            self._index[source] = (digest, signature)
            self._dirty.add(_INDEX)

    def keep_only(self, sources: Collection[str]) -> None:
        """Forget files that are gone (renamed or deleted), so the cache does not grow with the repository's history.

        Per-file results are pruned when they were read anyway: reading them just for this would slow warm runs.
        """
        present = set(sources)
        self._read_index()
        if any(source not in present for source in self._index):
            self._index = {source: entry for source, entry in self._index.items() if source in present}
            self._dirty.add(_INDEX)
        if self._results is not None and any(source not in present for source in self._results):
            self._results = {source: entry for source, entry in self._results.items() if source in present}
            self._dirty.add(_RESULTS)

    def shard(self, index: int, content_key: str) -> list[FileResult] | None:
        """The results of one shard of the files, when its files and contents are those it was taken of.

        A warm run of ten thousand contracts decodes 64 shards instead of
        10,000 entries, and an edit rewrites one shard only.
        """
        from pactwatch.load.portfolio import FileResult

        entry = self._each_shard().get(index)
        if entry is None or entry[0] != content_key:
            return None
        results: list[FileResult] | None = decode(entry[1], list[FileResult])
        return results

    def remember_shard(self, index: int, content_key: str, results: list[FileResult]) -> None:
        try:
            self._each_shard()[index] = (content_key, encode(results))
        except (OverflowError, TypeError):
            return  # a value the format cannot hold: this shard is simply read file by file next time
        self._dirty.add(_SNAPSHOT)

    def _each_shard(self) -> _Shards:
        if self._shards is None:
            self._shards = self._load(_SNAPSHOT, _Shards) or {}
        return self._shards

    def run(self, key: str) -> tuple[Finding, ...] | None:
        """The findings of a whole validation whose inputs hashed to ``key``, if remembered."""
        self._read_index()
        return self._runs.get(key)

    def remember_run(self, key: str, findings: tuple[Finding, ...]) -> None:
        self._read_index()
        self._runs.pop(key, None)
        self._runs[key] = findings
        while len(self._runs) > _RUNS_KEPT:
            del self._runs[next(iter(self._runs))]
        self._dirty.add(_INDEX)

    def remembered_parse(self, name: str, raw: bytes, kind: type[T]) -> T | None:
        """What parsing the small file ``name`` (pactwatch.yml, people.yaml) with exactly these bytes gave, if remembered.

        Warm runs then need neither the YAML parser nor the schemas, which are a
        good part of a command's start-up.
        """
        entry = (self._load(_PARSED, _Blobs) or {}).get(name)
        if entry is None or entry[0] != content_digest(raw):
            return None
        value: T | None = decode(entry[1], kind)
        return value

    def remember_parse(self, name: str, raw: bytes, value: object) -> None:
        """Remember ``value`` as what parsing ``name`` with these bytes gives (only findings-free parses are remembered)."""
        parsed = self._load(_PARSED, _Blobs) or {}
        parsed[name] = (content_digest(raw), encode(value))
        if self._prepare():
            self._write(_PARSED, parsed)

    def read_entry(self, name: str, kind: Any) -> Any:
        """Another module's cache file ``name`` (``history.msgpack``) as a ``kind``, or None; same checks as ours."""
        return self._load(name, kind)

    def write_entry(self, name: str, value: object) -> None:
        """Replace another module's cache file ``name`` with ``value`` (data only; a value it cannot hold is not kept)."""
        if self._prepare():
            try:
                self._write(name, value)
            except (OverflowError, TypeError):
                self.notices.append(f"cache file {self._dir / name} not written: a value the format cannot hold")

    def save(self) -> None:
        if not self._dirty or not self._prepare():
            self._dirty.clear()
            return
        if _RESULTS in self._dirty:
            self._write(_RESULTS, self._each_result())
        if _SNAPSHOT in self._dirty:
            self._write(_SNAPSHOT, self._each_shard())
        if _INDEX in self._dirty:  # last: it vouches for what the others hold
            self._write(_INDEX, (self._index, self._runs))
        self._dirty.clear()

    def _prepare(self) -> bool:
        """Whether the cache folder exists (made if need be) as a real folder of ours; never write through a link."""
        try:
            self._dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            info = os.lstat(self._dir)
        except OSError as exc:
            self.notices.append(f"cache folder {self._dir} not written: {exc.strerror}")
            return False
        if not stat_module.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
            self.notices.append(f"cache folder {self._dir} not written: it is a link or belongs to another user")
            return False
        return True

    def _write(self, name: str, value: object) -> None:
        """The key and ``value``, replacing ``name`` atomically; a cache that cannot be written is only slower."""
        try:
            write_atomic(self._dir / name, encode((self._key, msgspec.Raw(encode(value)))))
        except OSError as exc:
            self.notices.append(f"cache file {self._dir / name} not written: {exc.strerror}")
