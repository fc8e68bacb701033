"""Worker processes that die with the build: the pools the analysis, the exports and the
merge windows run on."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, suppress
from typing import Callable, Iterator


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
    initializer(*initargs)


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


