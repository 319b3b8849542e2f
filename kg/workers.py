"""Worker processes: a pool that dies with its parent, and work handed back in order.

The build reads and maps with it, and the compiled validation engine checks a store with it;
neither needs the other to get a pool.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import TypeVar

__all__ = ["workers_pool", "in_order"]

_In = TypeVar("_In")
_Out = TypeVar("_Out")


def workers_pool(workers: int) -> Executor | None:
    """Worker processes for the build, or None to do the work in this process."""
    if workers <= 1:
        return None
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_die_with_parent)


def _die_with_parent() -> None:
    """A worker ends when the build that started it is killed (SIGKILL gives the build no chance
    to stop its workers; without this they would wait for work for ever), and leaves a Ctrl-C to it:
    the terminal sends SIGINT to every process of the group, and the build stops its workers itself
    (each worker would otherwise print the traceback of its KeyboardInterrupt).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):  # Linux only: prctl(PR_SET_PDEATHSIG, SIGKILL)
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
    if os.getppid() == 1:  # the build died before the line above ran
        os._exit(1)


def in_order(pool: Executor | None, work: Callable[[_In], _Out], items: Iterable[_In], window: int = 6) -> Iterator[_Out]:
    """``work`` done on each item, by the pool's workers (at most ``window`` items in flight)
    or here; the results come in the order of ``items``.
    """
    if pool is None:
        yield from map(work, items)
        return
    pending: deque[Future[_Out]] = deque()
    for item in items:
        pending.append(pool.submit(work, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
