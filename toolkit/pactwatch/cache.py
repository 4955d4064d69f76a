"""A content-hash cache of per-file validation results.

One pickle file under ``.pactwatch-cache/`` (git-ignored), keyed by the
package version, the schemas' hash and the default currency, so a change to
any of them starts afresh. Deleting the folder is always safe. The file is
written atomically and only when something changed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pactwatch import __version__
from pactwatch.gcpause import paused
from pactwatch.resources import data_dir

if TYPE_CHECKING:
    from pactwatch.portfolio import FileResult

CACHE_DIR = ".pactwatch-cache"
_FILE = "validate.pickle"


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
    def __init__(self, root: Path, currency: str) -> None:
        self._path = root / CACHE_DIR / _FILE
        self._key = _fingerprint(currency)
        self._entries: dict[str, FileResult] = self._read()
        self._dirty = False

    def _read(self) -> dict[str, Any]:
        try:
            with self._path.open("rb") as handle, paused():
                key, entries = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            return {}
        return entries if key == self._key and isinstance(entries, dict) else {}

    def get(self, source: str, digest: str) -> FileResult | None:
        entry = self._entries.get(source)
        return entry if entry is not None and entry.digest == digest else None

    def put(self, result: FileResult) -> None:
        self._entries[result.source] = result
        self._dirty = True

    def save(self) -> None:
        if not self._dirty:
            return
        try:
            self._path.parent.mkdir(exist_ok=True)
            (self._path.parent / ".gitignore").write_text("*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((self._key, self._entries), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self._path)
        except OSError:
            pass  # a read-only checkout still validates, just without a cache
