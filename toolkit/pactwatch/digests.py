"""What a build's outputs are made of, as digests: a rebuild reuses what an unchanged digest vouches for.

The site's contract pages (site/page_keys.py) and the rendered calendar events (ical/reuse.py) are kept
from the last build when their digest is the same. Both depend on pactwatch itself: its code, shipped
templates and catalogue, which a development checkout changes without a new version, and the libraries
whose data changes results (``holidays``: the working days behind due dates). ``repr`` of the frozen
model records is their content (no field is hidden from it), so a contract's digest covers every field.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pactwatch.resources import data_dir

_PACKAGE = Path(__file__).resolve().parent  # toolkit/pactwatch (or site-packages/pactwatch)
_LIBRARIES = ("holidays", "jinja2", "markupsafe", "mkdocs", "mkdocs-material")


def tree_digest(folders: Iterable[Path], suffixes: tuple[str, ...] = ()) -> bytes:
    """Names and bytes of every file below ``folders`` (of these suffixes, if given), in a fixed order."""
    digest = hashlib.sha256()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink() and (not suffixes or path.suffix in suffixes):
                digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


@cache
def code_digest() -> bytes:
    """pactwatch's own code and shipped templates, and the versions of the libraries outputs depend on."""
    versions = "\0".join(f"{name}={_version(name)}" for name in _LIBRARIES).encode("utf-8")
    return hashlib.sha256(tree_digest((_PACKAGE,), (".py",)) + tree_digest((data_dir("templates"),)) + versions).digest()


def digest_of(*parts: bytes | str) -> bytes:
    """One digest of several parts (strings as UTF-8), each ended so that no two splits collide."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update((part.encode("utf-8") if isinstance(part, str) else part) + b"\0\1")
    return digest.digest()
