"""Calendar feeds (iCalendar, RFC 5545/7986) that owners subscribe to.

    from pactwatch.ical import build_feeds, write_feeds
    files = build_feeds(evaluation, public=False)   # {"all.ics": b"...", "people/zhang.wei.ics": ...}
    write_feeds(files, Path("site/calendar"))        # rewrites changed files only, removes stale ones

Modules: text (escaping, folding), writer (fast string building), records,
labels, events (occurrence -> event records), slug, feeds, workers, output.
The icalendar reference they are tested against is tests/ical/reference.py.
"""

from __future__ import annotations

from pactwatch.ical.feeds import ALL_FEED, FEED_DIRS, build_feeds
from pactwatch.ical.output import WriteResult, write_feeds

__all__ = ["ALL_FEED", "FEED_DIRS", "WriteResult", "build_feeds", "write_feeds"]
