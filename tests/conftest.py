"""Shared fixtures: fixture projects copied into tmp_path, golden-file updating, Hypothesis profiles."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

settings.register_profile("ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current generator")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def make_project(dest: Path, content: Path) -> Path:
    """A project folder: the repository's mkdocs.yml and overrides/ with the given content/."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(content, dest / "content")
    return dest


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """A copy of the small fixture project, safe to modify."""
    return make_project(tmp_path / "project", FIXTURES / "small" / "content")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built once per session with the real `explainer build` (into a temp copy)."""
    from generator.pipeline import build

    project = make_project(tmp_path_factory.mktemp("real") / "project", ROOT / "content")
    build(project, strict=False)
    return project / "site"
