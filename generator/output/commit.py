"""Swap finished trees into place as one set: signals held off, and a journal that a killed run is finished from.

Why a journal: a build replaces `generated/` and `site/`, two swaps. Each swap is
atomic (`staging.commit_tree`), but a SIGKILL between them would leave new pages
beside the old site. The journal, written once both trees are complete, names
each staged tree by its inode; the next command that takes the project lock
rolls the set forward (`recover`), so the project always holds one build.
Why block SIGINT/SIGTERM: Ctrl-C during the swaps waits the few milliseconds
they take instead of stopping between them.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

from .staging import _alive, commit_tree, sweep_stale

KILL_AT = "EXPLAINER_KILL_AT"
"""Test hook: `swap` makes the process SIGKILL itself between two swaps (the kill tests' hardest point)."""
_HELD = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Defer Ctrl-C, SIGTERM and SIGHUP until the block ends (they are delivered then)."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _journal(state: Path) -> Path:
    return state / f"commit-{os.getpid()}.json"


def swap_in(pairs: list[tuple[Path, Path]], state: Path) -> None:
    """Replace each destination by its staged tree, all or (after a kill, by `recover`) all."""
    state.mkdir(parents=True, exist_ok=True)
    journal = _journal(state)
    entries = [{"staged": str(staged), "dest": str(dest), "inode": staged.stat().st_ino} for staged, dest in pairs]
    temporary = journal.with_suffix(".tmp")
    temporary.write_text(json.dumps(entries), encoding="utf-8")
    with signals_held():
        os.replace(temporary, journal)
        for number, (staged, dest) in enumerate(pairs):
            if number and os.environ.get(KILL_AT) == "swap":
                os.kill(os.getpid(), signal.SIGKILL)
            commit_tree(staged, dest)
        journal.unlink()


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except OSError:
        return None


def recover(state: Path) -> list[Path]:
    """Finish the swaps of commands that were killed in the middle of `swap_in`; returns the trees put in place.

    Call it holding the project lock, before anything sweeps staging folders (the staged trees are among them).
    """
    done = []
    for journal in sorted(state.glob("commit-*.json")):
        pid = journal.stem.removeprefix("commit-")
        if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
            continue
        try:
            entries = json.loads(journal.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = []
        for entry in entries:
            staged, dest = Path(entry["staged"]), Path(entry["dest"])
            if _inode(dest) != entry["inode"] and _inode(staged) == entry["inode"]:
                commit_tree(staged, dest)
                done.append(dest)
            sweep_stale(dest)  # what the dead run staged beside it, now empty or holding the old tree
        journal.unlink()
    return done


__all__ = ["KILL_AT", "recover", "signals_held", "swap_in"]
