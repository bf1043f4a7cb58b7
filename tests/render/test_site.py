"""The whole site: editions rendered here or by forked workers give the same files; errors reach the caller."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.content.validate import Content
from generator.output.staging import encoded
from generator.pipeline import check, render_all, stage_all
from generator.render.site import jobs_for, render_site
from generator.structure.routes import DATASET

from ..conftest import FIXTURES, make_project


def test_every_file_of_the_site(small_content: Content) -> None:
    files = render_site(small_content, None)
    assert f"en/{DATASET}" in files and f"es/{DATASET}" not in files  # one copy of the dataset
    assert "mkdocs.en.yml" in files and "mkdocs.es.yml" in files
    assert "en/assets/explainer.css" in files
    assert "en/data/chronology.csv" in files and "es/data/chronology.csv" not in files
    assert {path.split("/", 1)[0] for path in files if "/" in path} == {"en", "es", "theme"}


def test_redirect_pages_join_the_site(small_project: Path) -> None:
    (small_project / "content" / "redirects.yml").write_text("actors/old-alpha.md: actors/alpha.md\n")
    content, problems = check(small_project)
    assert content is not None, problems
    files = render_site(content, small_project)
    assert 'url=../alpha/"' in files["en/actors/old-alpha/index.html"]
    assert "es/actors/old-alpha/index.html" in files


def test_editions_render_the_same_in_parallel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forked workers (used from PARALLEL_FROM records) give byte-identical files, dataset included."""
    project = make_project(tmp_path / "p", FIXTURES / "small" / "content")
    content, _ = check(project)
    assert content is not None
    monkeypatch.delenv("EXPLAINER_JOBS", raising=False)
    assert jobs_for(content) == 1  # a small site renders in one process
    monkeypatch.setenv("EXPLAINER_JOBS", "1")
    serial = render_all(project, content)
    monkeypatch.setenv("EXPLAINER_JOBS", "2")
    assert jobs_for(content) == 2
    parallel = render_all(project, content)
    assert list(parallel) == list(serial)
    assert parallel == serial
    # Staged: each worker writes its own edition; the tree on disk holds exactly the same files.
    folder, count, changed, removed = stage_all(project, content, project / "generated")
    on_disk = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert on_disk == {path: encoded(data) for path, data in serial.items()}
    assert (count, changed, removed) == (len(serial), len(serial), 0)


def test_template_error_in_a_worker_reaches_the_caller(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p", FIXTURES / "small" / "content")
    (project / "overrides" / "generator").mkdir()
    (project / "overrides" / "generator" / "event.md.j2").write_text("{{ no_such_variable }}\n")
    content, _ = check(project)
    assert content is not None
    monkeypatch.setenv("EXPLAINER_JOBS", "2")
    with pytest.raises(jinja2.UndefinedError, match="no_such_variable"):
        render_all(project, content)
    # Staged: the failed run leaves no half-written folder and the previous tree as it was.
    out = tmp_path / "out"
    (out / "en").mkdir(parents=True)
    (out / "en" / "index.md").write_text("previous\n")
    with pytest.raises(jinja2.UndefinedError, match="no_such_variable"):
        stage_all(project, content, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "p"]
    assert [p.relative_to(out).as_posix() for p in out.rglob("*")] == ["en", "en/index.md"]
    assert (out / "en" / "index.md").read_text() == "previous\n"
