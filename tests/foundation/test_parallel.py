"""The one parallel runner: input order for any number of jobs, failed batches redone, workers that die with their parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from pactwatch import parallel
from pactwatch.errors import UsageError

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")


def pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


@linux
@pytest.mark.parametrize("jobs", [1, 2, 3, 8])
def test_results_come_in_input_order_from_worker_processes(jobs: int) -> None:
    done: list[int] = []
    results = parallel.map_batches(pid_and_square, list(range(40)), jobs=jobs, seconds=10.0, done=done.append)
    assert [square for _, square in results] == [n * n for n in range(40)]
    assert done == list(range(40))
    workers = {pid for pid, _ in results}
    assert (os.getpid() in workers) == (jobs == 1)
    assert len(workers) <= jobs


def test_small_work_runs_here() -> None:
    results = parallel.map_batches(pid_and_square, [1, 2, 3], jobs=4, seconds=parallel.MIN_PARALLEL_SECONDS / 2)
    assert results == [(os.getpid(), 1), (os.getpid(), 4), (os.getpid(), 9)]


def test_no_fork_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not parallel.worth_parallel(4, 10, 10.0)
    finally:
        stop.set()
        thread.join()


@linux
def test_a_batch_whose_worker_died_is_redone_here() -> None:
    parent = os.getpid()

    def dies_in_a_worker(n: int) -> int:
        if os.getpid() != parent and n == 3:
            os._exit(9)
        return n + 1

    assert parallel.map_batches(dies_in_a_worker, list(range(8)), jobs=2, seconds=10.0) == list(range(1, 9))


@linux
def test_an_error_in_a_batch_is_raised_here() -> None:
    def fails(n: int) -> int:
        if n == 5:
            raise ValueError(f"bad batch {n}")
        return n

    with pytest.raises(ValueError, match="bad batch 5"):
        parallel.map_batches(fails, list(range(8)), jobs=2, seconds=10.0)


def test_jobs_from_the_option_then_the_environment_then_the_cores() -> None:
    assert parallel.jobs_for(3, {"PACTWATCH_JOBS": "5"}) == 3
    assert parallel.jobs_for(None, {"PACTWATCH_JOBS": " 5 "}) == 5
    assert parallel.jobs_for(None, {}) >= 1
    for bad in ("0", "two", "-1"):
        with pytest.raises(UsageError, match="PACTWATCH_JOBS"):
            parallel.jobs_for(None, {"PACTWATCH_JOBS": bad})


POOL_SCRIPT = """
import os, sys, time
from pactwatch.parallel import map_batches

def hang(n):
    with open(os.path.join(sys.argv[1], str(os.getpid())), "w"):
        pass
    time.sleep(120)
    return n

map_batches(hang, [1, 2], jobs=2, seconds=10.0)
"""


def alive(pid: int) -> bool:
    """Running, not merely a zombie waiting for a parent (in a container, pid 1 may never reap it)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@linux
def test_workers_die_when_their_parent_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "pool.py"
    script.write_text(textwrap.dedent(POOL_SCRIPT), encoding="utf-8")
    marks = tmp_path / "pids"
    marks.mkdir()
    parent = subprocess.Popen([sys.executable, str(script), str(marks)])
    try:
        deadline = time.monotonic() + 30
        while len(list(marks.iterdir())) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = [int(p.name) for p in marks.iterdir()]
        assert len(workers) == 2 and all(alive(pid) for pid in workers)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = [pid for pid in workers if alive(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)  # leave nothing behind, then fail
    assert survivors == []


_EVERY_WORKER_DIES = textwrap.dedent(
    """
    import os
    from pactwatch.parallel import map_batches

    parent = os.getpid()

    def work(batch):
        if os.getpid() != parent:
            os._exit(3)  # a worker killed at once, while the parent is still queueing batches
        return batch

    for _ in range(20):
        assert map_batches(work, list(range(2000)), jobs=2, seconds=100) == list(range(2000))
    print("ok")
    """
)


@linux
def test_workers_dying_while_batches_are_queued_neither_crash_nor_hang() -> None:
    """The pool breaks during submit (BrokenProcessPool escaped) or leaves futures pending forever (a hang)."""
    done = subprocess.run([sys.executable, "-c", _EVERY_WORKER_DIES], capture_output=True, text=True, timeout=240, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, "ok"), done.stderr[-2000:]
