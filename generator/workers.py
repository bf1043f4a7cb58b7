"""When to spread a step over forked worker processes, and how many.

Why processes: loading and rendering are pure Python, so threads would share
one core. Why fork: workers inherit what the parent already built (parsed
files, validated content, templates) instead of receiving it pickled.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import signal

PARALLEL_FROM = 1000
"""Items (content files or records) from which a step is spread over processes.

Below it the gain is small (the real content, 337 records, renders in 0.6 s in one process and 0.5 s in
two), and one process keeps small runs simple.
"""


def cpus() -> int:
    """CPUs this process may run on (a container's limit, not the host's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def jobs(items: int, most: int) -> int:
    """How many processes a step over `items` items should use, at most `most`.

    `EXPLAINER_JOBS` sets the count (1 turns parallel work off); otherwise one per CPU
    from PARALLEL_FROM items on. Callers that may run beside other threads (the live
    preview inside `mkdocs serve`) do not ask: a fork copies locks another thread may hold.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    wanted = os.environ.get("EXPLAINER_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        count = int(wanted)
    elif items < PARALLEL_FROM:
        count = 1
    else:
        count = cpus()
    return max(1, min(count, most))


def _quiet_signals() -> None:
    """In a worker: Ctrl-C is the parent's to handle, and SIGTERM (the pool's own stop) just ends it.

    Why: the whole process group receives Ctrl-C; workers printed a traceback each.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def pool(count: int) -> multiprocessing.pool.Pool:
    """A pool of `count` forked workers (use it in a `with` block)."""
    return multiprocessing.get_context("fork").Pool(count, initializer=_quiet_signals)


__all__ = ["PARALLEL_FROM", "cpus", "jobs", "pool"]
