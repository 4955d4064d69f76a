"""The site's size against its budget: what ``build`` prints after every build, and the check behind ``--max-size``.

GitHub Pages publishes at most 1 GB; calendar clients give up on subscriptions of more than a few MB. The
build measures the folder it wrote (every file, the feeds included) and names the largest pages and feeds,
so a portfolio sees what grows long before a limit is hit.
"""

from __future__ import annotations

import heapq
import os
import re
from dataclasses import dataclass
from pathlib import Path

PAGES_LIMIT = 1_000_000_000  # GitHub Pages: a published site of at most 1 GB
SHOWN = 3  # the largest pages and feeds named
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*$", re.IGNORECASE)
_UNITS = {"": 1_000_000, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}  # a bare number is megabytes


@dataclass(frozen=True, slots=True)
class SiteSize:
    total: int  # bytes
    files: int
    pages: tuple[tuple[str, int], ...]  # the largest .html files: (path in the site, bytes), largest first
    feeds: tuple[tuple[str, int], ...]  # the largest .ics files
    over_feeds: tuple[tuple[str, int], ...] = ()  # aggregate feeds over ``feed_limit``: their overdue events alone are


def parse_size(value: str) -> int:
    """``1GB``, ``800MB``, ``500k`` or a bare number of megabytes -> bytes (decimal units, as GitHub counts)."""
    match = _SIZE.match(value)
    if match is None or float(match.group(1)) <= 0:
        raise ValueError(f"not a size: {value!r} (write e.g. 1GB, 800MB or 250)")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def human(size: int) -> str:
    """Decimal megabytes (kilobytes below one), as GitHub states its limits."""
    return f"{size / 1e6:.1f} MB" if size >= 1_000_000 else f"{size / 1e3:.0f} KB"


def measure(site_dir: Path, feed_limit: int | None = None) -> SiteSize:
    """Every regular file below ``site_dir`` (links are not followed, and pactwatch's dot files are counted too).

    ``feed_limit`` (bytes, ``feeds: max_mb``): the aggregate feeds in ``calendar/`` above it are listed; the feed
    builder narrows every one it can (pactwatch.ical.horizon), so these are the ones its overdue events fill."""
    total = files = 0
    pages: list[tuple[int, str]] = []
    feeds: list[tuple[int, str]] = []
    over: list[tuple[str, int]] = []
    for directory, _, names in os.walk(site_dir):
        for name in names:
            path = os.path.join(directory, name)
            size = os.lstat(path).st_size
            total, files = total + size, files + 1
            rel = Path(path).relative_to(site_dir).as_posix()
            if name.endswith(".html"):
                pages.append((size, rel))
            elif name.endswith(".ics"):
                feeds.append((size, rel))
                if feed_limit is not None and size > feed_limit and _windowed(rel):
                    over.append((rel, size))
    return SiteSize(total, files, _largest(pages), _largest(feeds), tuple(sorted(over)))


def _windowed(rel: str) -> bool:
    from pactwatch.ical.output import windowed

    folder, _, feed = rel.partition("/")
    return folder == "calendar" and windowed(feed)


def _largest(items: list[tuple[int, str]]) -> tuple[tuple[str, int], ...]:
    return tuple((path, size) for size, path in heapq.nlargest(SHOWN, items, key=lambda item: (item[0], item[1])))


def listing(items: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{path} {human(size)}" for path, size in items) or "—"
