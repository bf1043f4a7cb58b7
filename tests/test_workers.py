"""When steps fork: the item threshold, the EXPLAINER_JOBS override, and never beside other threads."""

from __future__ import annotations

import threading

import pytest

from generator import workers


def test_small_steps_stay_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXPLAINER_JOBS", raising=False)
    assert workers.jobs(workers.PARALLEL_FROM - 1, 8) == 1
    assert workers.jobs(workers.PARALLEL_FROM, 8) == min(workers.cpus(), 8)
    assert workers.jobs(10**6, 2) <= 2


@pytest.mark.parametrize(("wanted", "expected"), [("1", 1), ("3", 3), ("9", 4), ("0", 1), ("x", 1)])
def test_explainer_jobs_sets_the_count_up_to_the_cap(
    monkeypatch: pytest.MonkeyPatch, wanted: str, expected: int
) -> None:
    monkeypatch.setenv("EXPLAINER_JOBS", wanted)
    assert workers.jobs(10, 4) == expected


def test_no_fork_while_another_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs serve` has threads; a fork there could copy a lock held by one of them."""
    monkeypatch.setenv("EXPLAINER_JOBS", "4")
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert workers.jobs(10**6, 4) == 1
    finally:
        release.set()
        thread.join()
    assert workers.jobs(10**6, 4) == 4


def test_pool_workers_are_forked_processes() -> None:
    import os

    with workers.pool(2) as pool:
        pids = set(pool.map(_pid, range(8), chunksize=1))
    assert os.getpid() not in pids


def _pid(_: int) -> int:
    import os

    return os.getpid()
