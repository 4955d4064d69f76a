"""Rendering the events of a large portfolio on several cores.

Rendering is embarrassingly parallel: the occurrences are cut into contiguous
slices, forked children render all but the first, which the parent renders
itself (then works out the feeds' metadata), and the slices are joined back in
order, so the bytes are the same for any number of jobs. Children are forked,
so they inherit the evaluation instead of receiving it pickled; each sends its
rendered events back through a pipe, read only once the parent's own share is
done (no helper thread competes with the parent for the GIL). A child that
fails is simply redone here. Where fork is not the safe default (macOS,
Windows), with other threads running, or for small portfolios, everything
runs in this process.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Sequence

from pactwatch.engine import Occurrence
from pactwatch.gcpause import paused
from pactwatch.ical.events import occurrence_events
from pactwatch.ical.feeds import Layout, Placer, feed_metas, sort_key
from pactwatch.ical.records import CalendarMeta, EventRecord
from pactwatch.ical.writer import render_event

Rendered = tuple[str, bytes, tuple[str, ...]]  # (sort key, event bytes, the feeds listing it)
PARALLEL_MIN = 20_000  # occurrences: below this, forking costs more than it saves
BATCH = 512  # occurrences made into records before they are rendered
PARENT_SHARE = 0.8  # the parent's slice, relative to a child's: it also works out the metadata and joins the feeds


def rendered(plan: Layout, occurrences: Sequence[Occurrence], stamp: str) -> list[Rendered]:
    """Every event placed and rendered: the hot loop of a build, written out without a generator in between.

    Records are made a batch at a time and then rendered (measured ~10% faster than alternating, as each
    loop stays warm in the caches). Without reminder events, events come in occurrence order already and
    every sort key is "".
    """
    placer, ctx, keyed = Placer(plan), plan.ctx, plan.ctx.settings.reminder_events
    result: list[Rendered] = []
    for start in range(0, len(occurrences), BATCH):
        batch: list[tuple[str, EventRecord, tuple[str, ...]]] = []
        for occurrence in occurrences[start : start + BATCH]:
            where = placer.where(occurrence)
            if where is not None:
                records = occurrence_events(occurrence, placer.facts_of(occurrence), ctx)
                batch.extend((sort_key(r, occurrence, rank) if keyed else "", r, where) for rank, r in enumerate(records))
        result.extend([(key, render_event(record, stamp), where) for key, record, where in batch])
    return result


def slices(total: int, jobs: int) -> list[tuple[int, int]]:
    """Contiguous [start, stop) slices covering ``total``; the first (the parent's) a little smaller."""
    weights = [PARENT_SHARE] + [1.0] * (jobs - 1)
    bounds, start, acc = [], 0, 0.0
    for weight in weights:
        acc += weight
        stop = round(total * acc / sum(weights))
        bounds.append((start, stop))
        start = stop
    return bounds


def _fork(plan: Layout, occurrences: Sequence[Occurrence], stamp: str, bounds: tuple[int, int]) -> tuple[int, int]:
    """Start a child rendering ``occurrences[start:stop]``; returns (pid, read end of its pipe)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: render, send, and leave without running the parent's exit handlers
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as pipe:
                pickle.dump(rendered(plan, occurrences[bounds[0] : bounds[1]], stamp), pipe, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _collect(pid: int, read: int) -> list[Rendered] | None:
    """The child's events, or None when it failed."""
    with os.fdopen(read, "rb") as pipe:
        try:
            part: list[Rendered] | None = pickle.load(pipe)
        except (EOFError, pickle.UnpicklingError):
            part = None
    _, status = os.waitpid(pid, 0)
    return part if os.waitstatus_to_exitcode(status) == 0 else None


def render_all(plan: Layout, occurrences: Sequence[Occurrence], stamp: str, jobs: int) -> tuple[list[Rendered], dict[str, CalendarMeta]]:
    """Every event rendered, in occurrence order (on ``jobs`` processes when that pays off), and the feeds' metadata."""
    with paused():  # no cycles are made here: the collector would only walk the evaluation again and again
        parallel = jobs > 1 and len(occurrences) >= PARALLEL_MIN and sys.platform == "linux" and threading.active_count() == 1
        if not parallel:
            return rendered(plan, occurrences, stamp), feed_metas(plan)
        bounds = slices(len(occurrences), jobs)
        children = [(_fork(plan, occurrences, stamp, b), b) for b in bounds[1:]]
        result = rendered(plan, occurrences[bounds[0][0] : bounds[0][1]], stamp)
        metas = feed_metas(plan)
        for (pid, read), (start, stop) in children:
            part = _collect(pid, read)
            result.extend(part if part is not None else rendered(plan, occurrences[start:stop], stamp))
        return result, metas
