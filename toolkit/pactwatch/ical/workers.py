"""Rendering the events of a large portfolio on several cores.

Rendering is embarrassingly parallel: the occurrences are cut into contiguous
slices, rendered by the one parallel runner (``pactwatch.parallel``: forked
workers that inherit the evaluation instead of receiving it pickled, used only
where that pays off), and joined back in order, so the bytes are the same for
any number of jobs.
"""

from __future__ import annotations

from collections.abc import Sequence

from pactwatch.engine import Occurrence
from pactwatch.ical.events import LeanEvent, lean_events, occurrence_events
from pactwatch.ical.feeds import Layout, Placer, Rendered, feed_metas, render_variants, reused, sort_key
from pactwatch.ical.records import CalendarMeta, EventRecord
from pactwatch.ical.reuse import Events, stored
from pactwatch.parallel import map_batches

EVENT_SECONDS = 0.000019  # one occurrence's events placed and rendered (bench_feeds, 1 job: ~19 µs): workers pay from ~13,000
BATCH = 512  # occurrences made into records before they are rendered
SLICES_PER_JOB = 4

Batch = list[tuple[str, Occurrence, tuple[str, ...], EventRecord, LeanEvent | None] | Rendered]


def rendered(
    plan: Layout, occurrences: Sequence[Occurrence], stamp: str, events: Events | None = None, valid: frozenset[str] = frozenset()
) -> list[Rendered]:
    """Every event placed and rendered: the hot loop of a build, written out without a generator in between.

    Records are made a batch at a time and then rendered (measured ~10% faster than alternating, as each
    loop stays warm in the caches). Without reminder events, events come in occurrence order already and
    every sort key is "". Occurrences in the window get the aggregate feeds' variants too (events.py). The events of the
    contracts in ``valid`` are taken from ``events`` (the last build's, reuse.py) instead of rendered.
    """
    placer, ctx, keyed = Placer(plan), plan.ctx, plan.ctx.settings.reminder_events
    result: list[Rendered] = []
    for start in range(0, len(occurrences), BATCH):
        batch: Batch = []
        for occurrence in occurrences[start : start + BATCH]:
            where = placer.where(occurrence)
            if where is None:
                continue
            kept = stored(events, occurrence.contract.id, occurrence.key) if events and occurrence.contract.id in valid else None
            if kept is not None:
                batch.extend(reused(occurrence, where, record) for record in kept)
                continue
            facts = placer.facts_of(occurrence)
            own = occurrence_events(occurrence, facts, ctx)
            lean: list[LeanEvent] | list[None] = lean_events(occurrence, facts, ctx) if len(where) > 1 else [None] * len(own)
            for rank, (record, shared) in enumerate(zip(own, lean, strict=True)):
                batch.append((sort_key(record, occurrence, rank) if keyed else "", occurrence, where, record, shared))
        result.extend([item if isinstance(item, Rendered) else render_variants(*item, stamp) for item in batch])
    return result


def slices(total: int, jobs: int) -> list[tuple[int, int]]:
    """``jobs`` contiguous [start, stop) slices of about equal size covering ``total``, in order."""
    return [(total * k // jobs, total * (k + 1) // jobs) for k in range(jobs)]


def render_all(
    plan: Layout,
    occurrences: Sequence[Occurrence],
    stamp: str,
    jobs: int,
    events: Events | None = None,
    valid: frozenset[str] = frozenset(),
) -> tuple[list[Rendered], dict[str, CalendarMeta]]:
    """Every event rendered (or reused: ``rendered``), in occurrence order (on ``jobs`` processes when that
    pays off), and the feeds' metadata."""

    def render(bounds: tuple[int, int]) -> list[Rendered]:
        return rendered(plan, occurrences[bounds[0] : bounds[1]], stamp, events, valid)

    # reused events cost next to nothing here, while a worker's would still travel back through a pipe
    fresh = sum(1 for o in occurrences if o.contract.id not in valid) if valid else len(occurrences)
    # four slices a worker: each sends its events back as soon as they are made, so a worker holds a quarter of
    # its share at a time (a worker holding half of 650,000 rendered events, and their pickle, was 3 GB)
    parts = map_batches(render, slices(len(occurrences), jobs * SLICES_PER_JOB), jobs=jobs, seconds=fresh * EVENT_SECONDS)
    return [event for part in parts for event in part], feed_metas(plan)
