"""Rendering the events of a large portfolio on several cores.

Rendering is embarrassingly parallel: the occurrences are cut into contiguous
slices, the parent renders the first and forked workers the others, and the
slices are joined back in order, so the bytes are the same for any number of
jobs. Workers are forked, so they inherit the evaluation instead of receiving
it pickled; only the rendered bytes travel back. Where fork is not the safe
default (macOS, Windows), or the portfolio is small, everything runs here.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from pactwatch.engine import Occurrence
from pactwatch.ical.feeds import Layout, placed_events
from pactwatch.ical.writer import render_event

Rendered = tuple[str, bytes, tuple[str, ...]]  # (sort key, event bytes, the feeds listing it)
PARALLEL_MIN = 20_000  # occurrences: below this, starting workers costs more than it saves

_inherited: tuple[Layout, Sequence[Occurrence], str] | None = None  # set in forked workers only


def rendered(plan: Layout, occurrences: Sequence[Occurrence], stamp: str) -> list[Rendered]:
    return [(key, render_event(record, stamp), where) for key, record, where in placed_events(plan, occurrences)]


def _adopt(plan: Layout, occurrences: Sequence[Occurrence], stamp: str) -> None:
    global _inherited  # noqa: PLW0603 - the worker process's own copy, set once at start
    _inherited = (plan, occurrences, stamp)


def _render_slice(bounds: tuple[int, int]) -> list[Rendered]:
    assert _inherited is not None
    plan, occurrences, stamp = _inherited
    return rendered(plan, occurrences[bounds[0] : bounds[1]], stamp)


def render_all(plan: Layout, occurrences: Sequence[Occurrence], stamp: str, jobs: int) -> list[Rendered]:
    """Every event rendered, in occurrence order; on ``jobs`` processes when that pays off."""
    if jobs <= 1 or len(occurrences) < PARALLEL_MIN or sys.platform != "linux":
        return rendered(plan, occurrences, stamp)
    size = -(-len(occurrences) // jobs)
    bounds = [(start, min(start + size, len(occurrences))) for start in range(0, len(occurrences), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(len(bounds) - 1, mp_context=context, initializer=_adopt, initargs=(plan, occurrences, stamp)) as pool:
        later = pool.map(_render_slice, bounds[1:])
        result = rendered(plan, occurrences[bounds[0][0] : bounds[0][1]], stamp)
        for part in later:
            result.extend(part)
    return result
