"""A newsroom's first hour: the built wheel, installed in a fresh virtual environment outside this checkout.

Nothing here may lean on this repository's layout: the wheel alone must carry the templates, locales,
assets, theme overrides and starter project, and the MkDocs side must be reached through the installed
package (the `explainer` plugin), never through a path into a source tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from ..conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, f"{args}:\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh venv holding only the wheel built from this checkout (and its dependencies)."""
    work = tmp_path_factory.mktemp("wheel")
    # Build from a copy of the tracked files: a build must not depend on (or leave) anything in the checkout.
    source = work / "source"
    files = _run(["git", "ls-files", "-z"], ROOT).stdout.split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_bytes((ROOT / name).read_bytes())
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(work / "dist"), str(source)], work)
    (wheel,) = (work / "dist").glob("explainer-*.whl")
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    proc = _run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], work)
    # pip's notes about this machine's package indexes ("Location ... is ignored") are not the package's.
    warnings = [line for line in proc.stderr.splitlines() if "warning" in line.lower() and "is ignored" not in line]
    assert not warnings, proc.stderr
    return env_dir / "bin"


def _clean_env() -> dict[str, str]:
    """No PYTHONPATH and no path of this checkout: only the venv's own packages are importable."""
    return {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "EXPLAINER_SKIP_HOOK", "VIRTUAL_ENV"}}


def test_version(installed: Path, tmp_path: Path) -> None:
    proc = _run([str(installed / "explainer"), "--version"], tmp_path, _clean_env())
    assert proc.stdout.startswith("explainer ")


def test_init_validate_build_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    project = tmp_path / "harbour-story"
    env = _clean_env()
    _run([str(installed / "explainer"), "init", str(project), "--title", "Harbour rights"], tmp_path, env)
    proc = _run([str(installed / "explainer"), "validate", "--strict"], project, env)
    assert "warning" not in proc.stdout + proc.stderr
    _run([str(installed / "explainer"), "build"], project, env)
    site = project / "site"
    for page in ("index.html", "es/index.html", "assets/explainer.css", "es/assets/explainer.css"):
        assert (site / page).is_file(), page
    assert 'href="assets/explainer.css"' in (site / "index.html").read_text(encoding="utf-8")
    assert not (project / "generator").exists()


def test_a_second_story_builds_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    """The fictional fixture story, on another subject, built with nothing but the installed tool."""
    project = tmp_path / "story"
    _run([str(installed / "explainer"), "init", str(project)], tmp_path, _clean_env())
    # Replace the starter content by the fixture story's.
    shutil.rmtree(project / "content")
    shutil.copytree(FIXTURES / "railway" / "content", project / "content")
    _run([str(installed / "explainer"), "build", "--strict"], project, _clean_env())
    assert (project / "site" / "es" / "index.html").is_file()
