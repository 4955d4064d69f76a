"""The size budget of an aggregate feed (``feeds: {max_mb: 3}``): its window narrows until the feed fits.

Google Calendar and Outlook fetch a subscription from their own servers and give up on feeds of more than a
few MB, so a windowed feed (all, a person, a counterparty) that would be larger than the budget holds less:
its window narrows a day at a time, the day farthest from today going first, distance measured against its
own side of the window (``future_days`` is usually 400 to the past's 60, so the future end moves about seven
days for each day of the past end), a future day before a past day at the same distance. Overdue items are
never dropped, whatever their age: when they alone are over the budget, all of them are kept and the build's
size report names the feed (pactwatch.site.budget). Pure and deterministic: the same items give the same cut.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import NamedTuple

ONE_DAY = timedelta(days=1)


class Item(NamedTuple):
    """One rendered event of a feed, with what the cut needs to know of it."""

    due: date  # its occurrence's due day (a reminder event goes with its occurrence)
    pinned: bool  # overdue: kept whatever the budget
    data: bytes


@dataclass(frozen=True, slots=True)
class Horizon:
    """What a windowed feed holds besides every overdue item: the items due from ``start`` to ``end``."""

    start: date
    end: date
    shortened: bool = False  # narrowed to fit the budget
    empty: bool = False  # narrowed to nothing: only the overdue items are left


def _reach(day: date, window: Horizon, today: date) -> tuple[Fraction, bool]:
    """How far out ``day`` lies on its side of the window (0 today, 1 at the window's end), and whether it is ahead."""
    if day >= today:
        return Fraction((day - today).days, max((window.end - today).days, 1)), True
    return Fraction((today - day).days, max((today - window.start).days, 1)), False


def fit(items: Sequence[Item], window: Horizon, today: date, budget: int, frame: Callable[[Horizon], int]) -> tuple[Horizon, list[bytes]]:
    """The horizon that keeps the feed within ``budget`` bytes, and the items it holds (in their order).

    ``frame(horizon)`` is the size of the feed without its events (header and end), which says the horizon.
    """
    sizes: dict[date, int] = {}
    for item in items:
        if not item.pinned:
            sizes[item.due] = sizes.get(item.due, 0) + len(item.data)
    size = sum(len(item.data) for item in items)
    horizon = window
    drops = sorted(sizes, key=lambda day: _reach(day, window, today), reverse=True)
    for dropped, day in enumerate(drops):
        if size + frame(horizon) <= budget:
            break
        size -= sizes[day]
        if day >= today:
            horizon = Horizon(horizon.start, min(horizon.end, day - ONE_DAY), shortened=True)
        else:
            horizon = Horizon(max(horizon.start, day + ONE_DAY), horizon.end, shortened=True)
        if dropped == len(drops) - 1:
            horizon = Horizon(horizon.start, horizon.end, shortened=True, empty=True)
    kept = [item.data for item in items if item.pinned or (not horizon.empty and horizon.start <= item.due <= horizon.end)]
    return horizon, kept
