"""The one parallel runner: a function mapped over batches on worker processes, results in input order.

    results = map_batches(render, pieces, jobs=jobs, seconds=len(ids) * PAGE_SECONDS)

Workers are forked, so they inherit what the function closes over (an evaluation
of 10,000 contracts) instead of receiving it pickled; only each batch's index
goes to a worker and only its result comes back. One policy decides when it is
worth it, for every caller: more than one job, Linux (where fork is the safe
default and children can be tied to their parent; macOS and Windows spawn), no other
thread running (forking then can copy a lock some other thread holds, as in
``serve`` with its HTTP thread), and at least ``MIN_PARALLEL_SECONDS`` of work
estimated, below which starting processes costs more than it saves. Otherwise
everything runs here, with the same results. Workers die with their parent
(``PR_SET_PDEATHSIG``): a killed ``pactwatch`` leaves no process behind.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from pactwatch.catalogue import msg
from pactwatch.errors import UsageError

B = TypeVar("B")
R = TypeVar("R")
JOBS_ENV = "PACTWATCH_JOBS"
MIN_PARALLEL_SECONDS = 0.25  # estimated serial work below which starting a pool (forks, pipes, results sent back) does not pay
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def jobs_for(option: int | None, environ: Mapping[str, str]) -> int:
    """Worker processes: ``--jobs``, else $PACTWATCH_JOBS, else one per core this process may use."""
    if option is not None:
        return max(1, option)
    text = environ.get(JOBS_ENV, "").strip()
    if text:
        if not text.isdigit() or int(text) < 1:
            raise UsageError(msg("error.env.jobs", name=JOBS_ENV, value=text))
        return int(text)
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def default_jobs(option: int | None = None) -> int:
    """``jobs_for`` with this process's environment (the effects edge)."""
    return jobs_for(option, os.environ)


def worth_parallel(jobs: int, batches: int, seconds: float) -> bool:
    """The one threshold policy (see the module docstring)."""
    return (
        jobs > 1 and batches > 1 and seconds >= MIN_PARALLEL_SECONDS and sys.platform.startswith("linux") and threading.active_count() == 1
    )


def map_batches(
    func: Callable[[B], R],
    batches: Sequence[B],
    *,
    jobs: int,
    seconds: float,
    done: Callable[[int], None] | None = None,
) -> list[R]:
    """``[func(b) for b in batches]``, on up to ``jobs`` processes when ``seconds`` of work make that pay.

    ``done(i)`` is called as batch i's result is taken, in input order. A batch that failed in a worker
    (an exception, a worker killed or out of memory) is redone here: its result, or its exception, is
    then exactly the serial one.
    """
    if not worth_parallel(jobs, len(batches), seconds):
        results = []
        for index, batch in enumerate(batches):
            results.append(func(batch))
            if done is not None:
                done(index)
        return results
    # imported here: concurrent.futures.process pulls in multiprocessing's machinery (~30 ms)
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    workers = min(jobs, len(batches))
    # fork passes initargs without pickling: func and batches are inherited, only indexes and results travel
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(os.getpid(), func, batches)) as pool:
        futures = _submit_all(pool, len(batches))
        results = []
        for index in range(len(batches)):
            future = futures[index] if index < len(futures) else None
            try:
                if future is None:
                    raise LookupError("never submitted: the pool broke first")
                results.append(_result(pool, future))
            except Exception:  # noqa: BLE001 - redone here, where a real error is raised again with its own traceback
                results.append(func(batches[index]))
            if done is not None:
                done(index)
    return results


def _result(pool: Any, future: Any) -> Any:
    """The future's result; an exception when its pool broke, even if the pool never completes the future.

    A worker dying while work is being queued can leave some futures pending forever (a race in
    concurrent.futures), so the wait is in short steps that look at the pool's own broken flag.
    """
    from concurrent.futures.process import BrokenProcessPool

    while True:
        try:
            return future.result(timeout=0.5)
        except TimeoutError:
            if getattr(pool, "_broken", False):
                raise BrokenProcessPool("a worker died") from None


def _submit_all(pool: Any, count: int) -> list[Any]:
    """A future per batch, as far as the pool takes them: a worker that dies while we submit breaks the pool,
    and the batches not yet submitted are then done in the parent like the failed ones."""
    from concurrent.futures.process import BrokenProcessPool

    futures = []
    for index in range(count):
        try:
            futures.append(pool.submit(_call, index))
        except BrokenProcessPool:
            break
    return futures


_JOB: tuple[Callable[[Any], Any], Sequence[Any]] | None = None  # set once in each worker by _start


def _start(parent: int, func: Callable[[Any], Any], batches: Sequence[Any]) -> None:
    global _JOB  # noqa: PLW0603 - the worker's own copy of the job (the pool initializer pattern)
    die_with_parent(parent)
    # What the worker inherited is the parent's and lives as long as the worker: frozen, the collector never walks
    # it, so its pages stay shared with the parent instead of being copied as the walk touches them (at 50,000
    # contracts a worker otherwise grew to the parent's size). What the worker builds is collected as usual.
    gc.freeze()
    gc.enable()  # a worker is short-lived but builds a lot: let it collect even if forked while the parent paused
    _JOB = (func, batches)


def _call(index: int) -> Any:
    assert _JOB is not None
    func, batches = _JOB
    return func(batches[index])


def die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when ``parent`` dies; exit now if it has died already."""
    if not sys.platform.startswith("linux"):
        return  # no prctl; and worth_parallel never forks there
    libc = ctypes.CDLL(None, use_errno=True)  # the running program's symbols, libc's prctl among them
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before prctl: no signal will come
        os._exit(1)
