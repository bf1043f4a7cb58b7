"""The project lock: one writer at a time, a waiting command told who holds it, a dead holder never blocks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.output.lock import held, hold_for_life, holder, project_lock
from generator.problems import LockedError

HOLD = """
import sys, time
from pathlib import Path
from generator.output.lock import held
with held(Path(sys.argv[1]), "build"):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _holding(lock_file: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding `lock_file` for `seconds` (started once it holds it)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(lock_file), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline() == "held\n"
    return proc


def _end(proc: subprocess.Popen[str]) -> None:
    proc.kill()
    proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()


def test_a_second_writer_told_not_to_wait_fails_naming_the_holder(tmp_path: Path) -> None:
    lock_file = tmp_path / ".explainer" / "lock"
    other = _holding(lock_file, 30)
    try:
        with pytest.raises(LockedError) as raised, held(lock_file, "generate", wait=False):
            pass
        message = str(raised.value)
        assert re.search(rf"^the build started at \d\d:\d\d by pid {other.pid} is still writing", message)
        assert "--no-wait" in message and raised.value.exit_code == 1
    finally:
        _end(other)


def test_a_second_writer_waits_with_a_message_then_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lock_file = tmp_path / "lock"
    other = _holding(lock_file, 1.5)
    start = time.monotonic()
    with held(lock_file, "generate"):
        waited = time.monotonic() - start
        assert json.loads(lock_file.read_text())["pid"] == os.getpid()
    _end(other)
    assert waited > 0.5
    assert re.search(rf"waiting for the build started at \d\d:\d\d by pid {other.pid} ", capsys.readouterr().err)


def test_a_killed_holder_never_blocks(tmp_path: Path) -> None:
    lock_file = tmp_path / "lock"
    other = _holding(lock_file, 60)
    _end(other)
    assert str(other.pid) in holder(lock_file)  # its note stays behind, but the kernel dropped the lock
    with held(lock_file, "build", wait=False):
        assert json.loads(lock_file.read_text())["command"] == "build"


def test_the_project_lock_lives_in_the_state_folder(tmp_path: Path) -> None:
    with project_lock(tmp_path, "build"):
        assert (tmp_path / ".explainer" / "lock").is_file()
    assert holder(tmp_path / "nothing") == "another explainer command"


def test_a_preview_lock_is_kept_across_exec(tmp_path: Path) -> None:
    """`serve` becomes `mkdocs serve` by exec; its lock must stay held there."""
    lock_file = tmp_path / "preview.lock"
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from generator.output.lock import hold_for_life\n"
        f"hold_for_life(Path({str(lock_file)!r}), 'preview')\n"
        "os.execv(sys.executable, [sys.executable, '-c', 'import time; print(1, flush=True); time.sleep(30)'])\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "1\n"
        with pytest.raises(LockedError, match=f"the preview started at .* by pid {proc.pid} is still running"):
            hold_for_life(lock_file, "preview")
    finally:
        _end(proc)
