"""Rebuilding a site in place: mkdocs renders only the pages whose source changed, and the result is the
same, byte for byte, as a clean build of the same portfolio.

The generated tree keeps the times of files it did not rewrite (``tree``), so mkdocs' dirty mode renders
only pages whose Markdown is newer than their HTML. That is only right while everything else a page is
made of is the same as last time: the mkdocs.yml of the build (navigation, theme, site name), the versions
of pactwatch, mkdocs and mkdocs-material, and the theme overrides. Their fingerprint is stamped in the build
folder after a good build and removed before mkdocs starts, so a failed or interrupted build, or any change
in them, makes the next build a clean one. Two things mkdocs' dirty mode leaves wrong are put right here:
the HTML of pages whose Markdown was removed is deleted, and the search index (which then holds only the
pages rendered this time) is merged with the previous one in the order a clean build writes it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath
from typing import Any

from pactwatch.fileio import write_atomic
from pactwatch.resources import data_dir

STAMP = "site.stamp"  # in the build folder
SEARCH_INDEX = "search/search_index.json"


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def fingerprint(config_file: Path, site_dir: Path) -> str:
    """What every page depends on besides its own Markdown."""
    digest = hashlib.sha256()
    for part in (str(site_dir.resolve()), *(_version(p) for p in ("pactwatch", "mkdocs", "mkdocs-material"))):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(config_file.read_bytes() + b"\0")
    theme = data_dir("templates") / "site" / "theme"
    for path in sorted(theme.rglob("*")) if theme.is_dir() else ():
        if path.is_file():
            digest.update(path.relative_to(theme).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def reusable(build_dir: Path, site_dir: Path, stamp: str) -> bool:
    """The site folder holds a good build made with the same fingerprint."""
    try:
        return (build_dir / STAMP).read_text(encoding="utf-8") == stamp and (site_dir / SEARCH_INDEX).is_file()
    except (OSError, UnicodeDecodeError):
        return False


def forget(build_dir: Path) -> None:
    (build_dir / STAMP).unlink(missing_ok=True)


def remember(build_dir: Path, stamp: str) -> None:
    write_atomic(build_dir / STAMP, stamp.encode("utf-8"))


def output_of(doc: str) -> str:
    """The site file a docs file becomes (use_directory_urls is off: ``a/b.md`` -> ``a/b.html``)."""
    path = PurePosixPath(doc)
    return str(path.with_suffix(".html")) if path.suffix == ".md" else doc


def remove_outputs(site_dir: Path, removed_docs: Iterable[str]) -> None:
    """Delete what removed docs files had become (a deleted contract's page)."""
    for doc in removed_docs:
        target = site_dir / output_of(doc)
        if target.is_file() and not os.path.islink(target):
            target.unlink()


def merge_index(previous: bytes, current: bytes, order: list[str], rendered: set[str]) -> bytes:
    """The search index of a clean build from the previous one and the one of a dirty build.

    ``order`` holds every page's URL in mkdocs' order, ``rendered`` the URLs rendered this time: their entries
    come from ``current``, the others' from ``previous``. Serialised as mkdocs-material's search plugin does."""
    old: dict[str, Any] = json.loads(previous)
    new: dict[str, Any] = json.loads(current)

    def by_page(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for entry in docs:
            out.setdefault(str(entry["location"]).partition("#")[0], []).append(entry)
        return out

    before, now = by_page(old["docs"]), by_page(new["docs"])
    docs = [entry for url in order for entry in (now if url in rendered else before).get(url, [])]
    return compact_json_of({"config": new["config"], "docs": docs})


def compact_json_of(value: Any) -> bytes:
    """JSON as the site writes its search index: UTF-8, no spaces."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def compact_json(data: bytes) -> bytes:
    return compact_json_of(json.loads(data))
