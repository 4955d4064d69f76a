"""Finding and reading a portfolio's files: contract paths under ``contracts/``, bytes with their stat."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

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
        hint = "commit the file itself: pactwatch reads only regular files inside the portfolio"
        return Finding("PW112", "error", source, 1, 1, "", f"{exc.strerror}", hint), None
    except OSError as exc:
        return Finding("PW001", "error", source, 1, 1, "", f"cannot read file: {exc.strerror}"), None
    if len(raw) > MAX_BYTES:
        return too_large(source, max(stat.st_size, len(raw))), None
    return raw, stat


def too_large(source: str, size: int) -> Finding:
    message = f"file is {size:,} bytes; the limit is {MAX_BYTES:,}"
    return Finding("PW102", "error", source, 1, 1, "", message, "split the contract or move attachments out of the YAML")
