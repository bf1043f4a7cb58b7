"""Golden files: the Markdown generated from tests/fixtures/small, reviewed like code.

`pytest tests/golden --update-golden` rewrites tests/golden/; never do it just to turn red green.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.pipeline import check, render_all, stage_all
from generator.render.site import jobs_for

from ..conftest import FIXTURES, make_project

GOLDEN = Path(__file__).resolve().parent / "small"


def test_generated_markdown_matches_golden(tmp_path: Path, update_golden: bool) -> None:
    project = make_project(tmp_path / "p", FIXTURES / "small" / "content")
    content, problems = check(project)
    assert content is not None, problems
    files = {
        k: v
        for k, v in render_all(project, content).items()
        if k.endswith((".md", ".yml", ".xml", ".csv", ".ics", ".json"))
    }
    if update_golden:
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        for rel, text in files.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(text.encode("utf-8"))
    # Bytes, not text: the iCalendar file's CRLF line ends are part of what is checked.
    expected = {
        p.relative_to(GOLDEN).as_posix(): p.read_bytes().decode("utf-8") for p in GOLDEN.rglob("*") if p.is_file()
    }
    assert sorted(files) == sorted(expected)
    for rel in sorted(files):
        assert files[rel] == expected[rel], f"{rel} differs from tests/golden/small/{rel}"


def test_project_templates_override_package_templates(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", FIXTURES / "small" / "content")
    (project / "overrides" / "generator").mkdir()
    (project / "overrides" / "generator" / "prose.md.j2").write_text(
        "{{ p.front(meta.title, 'x') }}\n# Custom {{ meta.title }}\n"
    )
    content, _ = check(project)
    assert content is not None
    files = render_all(project, content)
    assert "# Custom About" in files["en/about.md"]
    assert "# Custom Acerca de" in files["es/about.md"]


def test_fallback_to_default_language_is_visible(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", FIXTURES / "small" / "content")
    event = project / "content" / "events" / "2025-11.yml"
    event.write_text(
        'date: "2025-11"\ntitle: {en: "Talks during November", es: "Conversaciones"}\nsummary: "Only in English."\nsources: [news-two]\n'
    )
    content, _ = check(project)
    assert content is not None
    es = render_all(project, content)["es/events/2025-11.md"]
    assert "Only in English." in es
    assert "Aún sin traducir" in es


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
    folder, count, changed, removed = stage_all(project, content, tmp_path / "out")
    on_disk = {p.relative_to(folder).as_posix(): p.read_bytes().decode() for p in folder.rglob("*") if p.is_file()}
    assert on_disk == serial
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
