"""Writing the generated tree: only changed files, stale files removed, never outside the folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.output.staging import Staging, UnsafePathError, new_sibling, safe_target, write_tree


def test_only_changed_files_are_rewritten(tmp_path: Path) -> None:
    dest = tmp_path / "out"
    assert write_tree({"a.md": "A", "d/b.md": "B"}, dest) == (2, 0)
    mtime = (dest / "a.md").stat().st_mtime_ns
    assert write_tree({"a.md": "A", "d/b.md": "B2"}, dest) == (1, 0)
    assert (dest / "a.md").stat().st_mtime_ns == mtime
    assert write_tree({"a.md": "A"}, dest) == (0, 1)
    assert not (dest / "d").exists()


@pytest.mark.parametrize("rel", ["../x.md", "/etc/passwd", "a/../../x.md", "", "a\\b.md", "a\x00.md"])
def test_paths_outside_are_refused(tmp_path: Path, rel: str) -> None:
    with pytest.raises(UnsafePathError):
        safe_target(tmp_path, rel)


def test_symlinked_folder_inside_output_is_refused(tmp_path: Path) -> None:
    dest = tmp_path / "out"
    dest.mkdir()
    (dest / "link").symlink_to(tmp_path)
    with pytest.raises(UnsafePathError):
        safe_target(dest, "link/x.md")


def test_atomic_mode_swaps_and_keeps_unchanged_files(tmp_path: Path) -> None:
    dest = tmp_path / "out"
    write_tree({"a.md": "A", "b.md": "B"}, dest, atomic=True)
    inode = (dest / "a.md").stat().st_ino
    assert write_tree({"a.md": "A", "c.md": "C"}, dest, atomic=True) == (1, 1)
    assert (dest / "a.md").stat().st_ino == inode
    assert sorted(p.name for p in dest.iterdir()) == ["a.md", "c.md"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_atomic_mode_refuses_unsafe_paths_and_keeps_old_tree(tmp_path: Path) -> None:
    dest = tmp_path / "out"
    write_tree({"a.md": "A"}, dest, atomic=True)
    with pytest.raises(UnsafePathError):
        write_tree({"a.md": "changed", "../evil.md": "x"}, dest, atomic=True)
    assert (dest / "a.md").read_text() == "A"
    assert not (tmp_path / "evil.md").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_staging_takes_parts_and_refuses_a_path_twice(tmp_path: Path) -> None:
    """Workers write parts of one tree; a path written by two of them is a bug, never a silent overwrite."""
    dest = tmp_path / "out"
    write_tree({"en/a.md": "A", "old.md": "O"}, dest, atomic=True)
    staging = Staging(dest)
    assert staging.put({"en/a.md": "A", "en/b.md": "B"}) == 1
    staging.adopt(["es/a.md"], 1)
    with pytest.raises(ValueError, match="es/a.md"):
        staging.adopt(["es/a.md"], 1)
    with pytest.raises(ValueError, match="en/b.md"):
        staging.put({"en/b.md": "again"})
    folder, changed, removed = staging.finish()
    assert (changed, removed) == (2, 1)  # en/b.md and the adopted es/a.md; old.md is dropped
    assert (folder / "en" / "a.md").stat().st_ino == (dest / "en" / "a.md").stat().st_ino
    staging.discard()
    assert not folder.exists()
    assert (dest / "old.md").read_text() == "O"


def test_new_sibling_sweeps_what_a_killed_run_left(tmp_path: Path) -> None:
    dest = tmp_path / "site"
    (tmp_path / ".site-new-old").mkdir()
    (tmp_path / ".site-new-old" / "page.html").write_text("half")
    (tmp_path / ".other-new-x").mkdir()
    folder = new_sibling(dest)
    assert folder.parent == tmp_path and folder.name.startswith(".site-new-") and not any(folder.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([folder.name, ".other-new-x"])


def test_new_sibling_keeps_a_running_commands_folder_and_sweeps_a_dead_ones(tmp_path: Path) -> None:
    """Two builds in one project: the second must not delete the first's pages while it builds them."""
    dest = tmp_path / "generated"
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        live_folder = tmp_path / f".generated-new-{running.pid}-abc"
        (live_folder / "en").mkdir(parents=True)
        (live_folder / "en" / "index.md").write_text("being built")
        dead_folder = tmp_path / f".generated-new-{dead.pid}-def"
        dead_folder.mkdir()
        dead_old = tmp_path / f".generated-old-{dead.pid}"
        dead_old.mkdir()
        folder = new_sibling(dest)
        assert (live_folder / "en" / "index.md").read_text() == "being built"
        assert not dead_folder.exists() and not dead_old.exists()
        assert folder.name.startswith(f".generated-new-{os.getpid()}-")
    finally:
        running.kill()
        running.wait()
    new_sibling(dest)
    assert not live_folder.exists()
