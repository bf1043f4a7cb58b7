"""One writer of `generated/` and `site/` at a time: a lock file in the project, said plainly.

Why `flock`: the kernel drops the lock when its process ends, however it ends
(SIGKILL, a closed laptop), so a stale lock can never block anyone; the file
only tells a waiting command who holds it ("the build started at 10:42 by pid
1234"). Git, cargo and pip's cache take the same road.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from ..problems import LockedError

STATE = ".explainer"
"""The project's git-ignored folder for the tool's own state: locks, the commit journal, build logs, previews."""


def holder(lock_file: Path) -> str:
    """Who holds the lock, in words: 'the build started at 10:42 by pid 1234' (or 'another command')."""
    try:
        info = json.loads(lock_file.read_text(encoding="utf-8"))
        started = time.strftime("%H:%M", time.localtime(float(info["started"])))
        return f"the {info['command']} started at {started} by pid {int(info['pid'])}"
    except (OSError, ValueError, KeyError, TypeError):
        return "another explainer command"


def _claim(handle: int, command: str) -> None:
    """Write who holds the lock (after taking it: a waiting command reads it)."""
    info = json.dumps({"pid": os.getpid(), "command": command, "started": time.time()})
    os.ftruncate(handle, 0)
    os.pwrite(handle, info.encode("utf-8"), 0)


@contextlib.contextmanager
def held(lock_file: Path, command: str, wait: bool = True, what: str = "generated/ and site/") -> Iterator[None]:
    """Hold `lock_file` for the block; a second writer waits with a message, or with `wait=False` fails.

    `what` names what the lock guards, for the messages.
    """
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            who = holder(lock_file)
            if not wait:
                msg = f"{who} is still writing {what}; wait for it, or run again without --no-wait to queue"
                raise LockedError(msg) from None
            sys.stderr.write(f"explainer: waiting for {who} (it is writing {what})\n")
            sys.stderr.flush()
            fcntl.flock(handle, fcntl.LOCK_EX)
        _claim(handle, command)
        yield
    finally:
        os.close(handle)  # closing the last descriptor releases the lock


def hold_for_life(lock_file: Path, command: str) -> None:
    """Take `lock_file` for the rest of this process, across `exec` (the preview becomes `mkdocs serve`).

    Fails at once when held: two previews on one address would write one folder.
    """
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(handle)
        msg = f"{holder(lock_file)} is still running on this address; stop it, or preview on another --dev-addr"
        raise LockedError(msg) from None
    _claim(handle, command)
    os.set_inheritable(handle, True)


def project_lock(project: Path, command: str, wait: bool = True) -> contextlib.AbstractContextManager[None]:
    """The lock every command that writes the project's `generated/` or `site/` holds while it runs."""
    return held(project / STATE / "lock", command, wait)


__all__ = ["STATE", "held", "hold_for_life", "holder", "project_lock"]
