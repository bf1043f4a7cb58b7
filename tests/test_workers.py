"""When steps fork: the item threshold, the EXPLAINER_JOBS override, and never in the live preview."""

from __future__ import annotations

import multiprocessing.pool
from pathlib import Path

import pytest

from generator import workers
from generator.pipeline import generate


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


def test_the_live_preview_never_forks(small_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-place runs serve `mkdocs serve`, whose threads a fork would copy mid-lock; atomic runs may fork."""
    monkeypatch.setenv("EXPLAINER_JOBS", "4")
    forks: list[int] = []
    real_pool = workers.pool

    def counted(count: int) -> multiprocessing.pool.Pool:
        forks.append(count)
        return real_pool(count)

    monkeypatch.setattr(workers, "pool", counted)
    generate(small_project, atomic=False)
    assert forks == []
    generate(small_project)
    assert forks  # the same content, from the command line, loads and renders in workers


def test_pool_workers_are_forked_processes() -> None:
    import os

    with workers.pool(2) as pool:
        pids = set(pool.map(_pid, range(8), chunksize=1))
    assert os.getpid() not in pids


def _pid(_: int) -> int:
    import os

    return os.getpid()
