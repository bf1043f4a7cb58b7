"""The hook: plain `mkdocs build` on the project's mkdocs.yml regenerates pages first; content errors stop it cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def mkdocs(project: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "EXPLAINER_SKIP_HOOK"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.yml"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_hook_generates_before_building(small_project: Path) -> None:
    for folder in ("en", "theme"):  # MkDocs checks docs_dir and custom_dir exist before plugins run.
        (small_project / "generated" / folder).mkdir(parents=True)
    proc = mkdocs(small_project)
    assert proc.returncode == 0, proc.stderr
    assert (small_project / "site" / "events" / "2025-11-03-asylum" / "index.html").exists()


def test_hook_reports_content_errors(small_project: Path) -> None:
    for folder in ("en", "theme"):
        (small_project / "generated" / folder).mkdir(parents=True)
    (small_project / "content" / "events" / "2025-11.yml").write_text("date: [\n")
    proc = mkdocs(small_project)
    assert proc.returncode != 0
    assert "content/events/2025-11.yml:1:7: error: this '[' is never closed" in proc.stderr


def test_dirty_builds_drop_pages_whose_file_is_gone(tmp_path: Path) -> None:
    from generator.mkdocs_hook import remove_stale_pages

    for rel in ("index.html", "404.html", "actors/old/index.html", "actors/new/index.html", "search/x.json"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    removed = remove_stale_pages(tmp_path, {"index.html", "actors/new/index.html"}, {"404.html"})
    assert removed == ["actors/old/index.html"]
    assert (tmp_path / "search" / "x.json").exists() and (tmp_path / "404.html").exists()
