"""content/redirects.yml is checked like content: bad entries are problems with positions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.structure.redirects import known_pages, load_redirects

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def _actor(project: Path) -> str:
    return min(p.stem for p in (project / "content/actors").glob("*.yml"))


def test_no_file_means_no_redirects(project: Path) -> None:
    assert load_redirects(project / "content") == ({}, [])


def test_bad_entries_are_reported_with_positions(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    actor = _actor(project)
    (project / "content/redirects.yml").write_text(
        "# comment\n"
        f"actors/gone.md: actors/{actor}.md\n"
        "actors/old.md: actors/missing.md\n"
        f"actors/{actor}.md: index.md\n"
        "../escape.md: index.md\n"
        "sources/x.md: [a]\n",
        encoding="utf-8",
    )
    found, problems = load_redirects(project / "content")
    assert found == {"actors/gone.md": f"actors/{actor}.md"}
    assert [p.text() for p in problems] == [
        "content/redirects.yml:3:16: error: redirect target 'actors/missing.md' is not a page of the site [redirect-target-missing]",
        f"content/redirects.yml:4:1: error: 'actors/{actor}.md' is an existing page; remove this redirect [redirect-shadows-page]",
        "content/redirects.yml:5:1: error: '../escape.md' is not a page path such as 'actors/jane-doe.md' [bad-redirect]",
        "content/redirects.yml:6:15: error: redirect of 'sources/x.md' must be a page path such as 'actors/new-id.md' [bad-redirect]",
    ]
    assert main(["--project", str(project), "validate"]) == 1
    assert "[redirect-target-missing]" in capsys.readouterr().out


def test_known_pages_include_prose_and_years(project: Path) -> None:
    pages = known_pages(project / "content")
    assert {"index.md", "questions/index.md", "about.md", "chronology/index.md"} <= pages
    assert any(p.startswith("chronology/20") for p in pages)
