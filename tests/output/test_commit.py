"""Swapping finished trees in as one set, and finishing the set after a kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from generator.output.commit import recover, signals_held, swap_in


def _tree(root: Path, text: str) -> Path:
    (root / "sub").mkdir(parents=True)
    (root / "index.html").write_text(text)
    (root / "sub" / "page.html").write_text(text)
    return root


def test_both_trees_are_swapped_in_and_the_journal_is_gone(tmp_path: Path) -> None:
    site, pages = _tree(tmp_path / "site", "old"), _tree(tmp_path / "generated", "old")
    staged_site, staged_pages = _tree(tmp_path / ".site-new-1", "new"), _tree(tmp_path / ".generated-new-1", "new")
    swap_in([(staged_pages, pages), (staged_site, site)], tmp_path / ".explainer")
    assert (site / "sub" / "page.html").read_text() == "new"
    assert (pages / "index.html").read_text() == "new"
    assert not staged_site.exists() and not staged_pages.exists()
    assert list((tmp_path / ".explainer").iterdir()) == []


def test_a_set_killed_half_way_is_rolled_forward(tmp_path: Path) -> None:
    """A real process SIGKILLs itself between the two swaps; `recover` finishes the second."""
    site, pages = _tree(tmp_path / "site", "old"), _tree(tmp_path / "generated", "old")
    _tree(tmp_path / ".site-new-9", "new")
    _tree(tmp_path / ".generated-new-9", "new")
    state = tmp_path / ".explainer"
    script = (
        "from pathlib import Path\n"
        "from generator.output.commit import swap_in\n"
        f"t = Path({str(tmp_path)!r})\n"
        "swap_in([(t / '.generated-new-9', t / 'generated'), (t / '.site-new-9', t / 'site')], t / '.explainer')\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], env={**os.environ, "EXPLAINER_KILL_AT": "swap"}, check=False)
    assert proc.returncode == -signal.SIGKILL
    assert (pages / "index.html").read_text() == "new"
    assert (site / "index.html").read_text() == "old"  # the moment a kill leaves
    assert recover(state) == [site]
    assert (site / "sub" / "page.html").read_text() == "new"
    assert list(state.iterdir()) == []
    assert recover(state) == []


def test_a_running_commands_journal_is_left_alone(tmp_path: Path) -> None:
    state = tmp_path / ".explainer"
    state.mkdir()
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as other:
        journal = state / f"commit-{other.pid}.json"
        journal.write_text(json.dumps([{"staged": str(tmp_path / "a"), "dest": str(tmp_path / "b"), "inode": 1}]))
        assert recover(state) == []
        assert journal.exists()
        other.kill()


def test_a_journal_whose_trees_are_gone_is_dropped(tmp_path: Path) -> None:
    state = tmp_path / ".explainer"
    state.mkdir()
    (state / "commit-999999999.json").write_text(
        json.dumps([{"staged": str(tmp_path / "gone"), "dest": str(tmp_path / "site"), "inode": 12}])
    )
    assert recover(state) == []
    assert list(state.iterdir()) == []


def test_ctrl_c_waits_for_the_swaps(tmp_path: Path) -> None:
    got = []
    previous = signal.signal(signal.SIGINT, lambda *_: got.append("delivered"))
    try:
        with signals_held():
            os.kill(os.getpid(), signal.SIGINT)
            got.append("swapped")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert got == ["swapped", "delivered"]
