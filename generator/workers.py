"""Local worker processes: a pool whose workers die with the build, and the merge windows
clustered in such a pool.

Both the analysis (build.py) and the merge (`PoolMapper`) fork their workers, so what they
work on is inherited rather than pickled; only the tasks' positions go out and the results
come back.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

from .chronology.windows import WindowResult, WindowTask, balanced_chunks, map_here, window_clusters
from .options import PARALLEL_MIN_WINDOW_ITEMS

CHUNKS_PER_WORKER = 4  # runs of windows per worker: enough to even out busy months


@contextmanager
def worker_pool(workers: int, context, initializer: Callable[..., None], initargs: tuple) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers die with the build: each asks the kernel to kill it when
    the build's process dies (even by SIGKILL), and leaving the block by an error or an
    interruption kills them at once rather than waiting for their current task."""
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker,
                               initargs=(os.getpid(), initializer, initargs))
    try:
        yield pool
    except BaseException:
        _kill_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>: the signal a process gets when its parent dies


def _start_worker(parent: int, initializer: Callable[..., None], initargs: tuple) -> None:
    """In each worker, before its first task: die with the parent, leave Ctrl+C and SIGTERM
    to the parent (which stops the pool), then the pool's own initializer."""
    if sys.platform.startswith("linux"):  # where the pool forks: the build is the parent
        with suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the build died before the request above was in place
            os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # What the worker inherited (the timeline, the page maker: hundreds of MB on a big
    # archive) goes out of the cycle collector's sight: a collection walking it would
    # write to every object's header, copying each page the fork shares, in every worker.
    gc.freeze()
    initializer(*initargs)


def release_free_memory() -> None:
    """Hand the free parts of the heap back to the system. glibc keeps what a process
    freed for its next allocations: the build server, after its workers sent their event
    cards back (tens of MB received, unpickled, freed), stayed 60 MB bigger than it needed."""
    if sys.platform.startswith("linux"):
        with suppress(OSError, AttributeError):
            ctypes.CDLL(None).malloc_trim(0)


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Kill a pool's worker processes now. The executor has no public way before Python
    3.14 (terminate_workers); its process table is the documented-by-use way until then."""
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    for process in list(getattr(pool, "_processes", {}).values()):
        with suppress(Exception):
            process.kill()


def worker_context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else methods[0])


# Per worker process: the windows its tasks cluster, inherited through fork from the
# PoolMapper that made the pool. Never read in the parent.
_WINDOW_TASKS: dict[str, Sequence[WindowTask]] = {}


def _set_window_tasks(tasks: Sequence[WindowTask]) -> None:
    _WINDOW_TASKS["tasks"] = tasks


def _cluster_run(positions: list[int]) -> list[WindowResult]:
    tasks = _WINDOW_TASKS["tasks"]
    return [window_clusters(tasks[k]) for k in positions]


@dataclass
class PoolMapper:
    """Merge windows in forked worker processes (chronology.windows.WindowMapper), when the
    windows to cluster hold at least ``min_items`` items; fewer, and in this process."""

    workers: int
    min_items: int = PARALLEL_MIN_WINDOW_ITEMS

    def __call__(self, tasks: Sequence[WindowTask], meanwhile: Callable[[], None]) -> tuple[str, list[WindowResult]]:
        runs = balanced_chunks(tasks, self.workers * CHUNKS_PER_WORKER)
        if (self.workers < 2 or len(runs) < 2 or sum(len(t.items) for t in tasks) < self.min_items
                or "fork" not in multiprocessing.get_all_start_methods()):
            return map_here(tasks)
        results: list[WindowResult] = []
        with worker_pool(min(self.workers, len(runs)), worker_context(), _set_window_tasks, (tasks,)) as pool:
            parts = pool.map(_cluster_run, runs)  # every run is submitted here
            meanwhile()
            for part in parts:
                results += part
        return "pool", results


def default_workers(jobs: int | None) -> int:
    return jobs if jobs is not None else (os.cpu_count() or 1)
