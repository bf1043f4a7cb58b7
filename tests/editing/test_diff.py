"""`explainer diff BASE` lists records added, removed and changed, with the pages they touch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.editing.diff import MARKER

SITE = """\
# yaml-language-server: $schema=../schemas/site.schema.json
title: {en: Test, es: Prueba}
tagline: {en: A test site., es: Un sitio de prueba.}
languages: [en, es]
site_url: "https://example.org/test/"
reviewed: "2025-11-10"
"""
SOURCE = """\
title: "Un artículo"
publisher: "{publisher}"
url: "https://example.org/{sid}"
published: "2025-11-01"
language: es
kind: news
"""
ACTOR = """\
kind: state
name: {{en: {name}, es: {name}}}
summary: {{en: "{summary}", es: "{summary}"}}
sources: [{source}]
"""
EVENT = """\
date: "{date}"
title: {{en: "{title}", es: "{title}"}}
summary: {{en: "[[actor:{actor}]] did something.", es: "[[actor:{actor}]] hizo algo."}}
actors: [{actor}]
sources: [{source}]
"""


EXPECTED = """\
### Content changes since `HEAD~1`

**1** added, **1** changed, **2** removed

#### Added

- event `2025-12-02-second`
  - pages: `/chronology/`, `/chronology/2025/`, `/events/2025-12-02-second/`

#### Changed

- actor `peru`: `summary`
  - pages: `/actors/peru/`, `/events/2025-11-01-first/`, `/events/2025-12-02-second/`

#### Removed

- actor `chile`
  - pages: `/actors/chile/`
- source `s2`
  - pages: `/sources/s2/`

Each page also exists under `/es/`.
"""


def _git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _first(project: Path) -> None:
    _write(
        project,
        {
            "site.yml": SITE,
            "sources/s1.yml": SOURCE.format(publisher="A", sid="s1"),
            "sources/s2.yml": SOURCE.format(publisher="B", sid="s2"),
            "actors/peru.yml": ACTOR.format(name="Peru", summary="A state.", source="s1"),
            "actors/chile.yml": ACTOR.format(name="Chile", summary="Another state.", source="s2"),
            "events/2025-11-01-first.yml": EVENT.format(date="2025-11-01", title="First", actor="peru", source="s1"),
        },
    )


def _second(project: Path) -> None:
    (project / "content/actors/chile.yml").unlink()
    (project / "content/sources/s2.yml").unlink()
    # A comment and new layout alone are not a change.
    text = (project / "content/events/2025-11-01-first.yml").read_text(encoding="utf-8")
    (project / "content/events/2025-11-01-first.yml").write_text(
        "# reviewed\n" + text.replace("[peru]", "\n  - peru"), encoding="utf-8"
    )
    _write(
        project,
        {
            "actors/peru.yml": ACTOR.format(name="Peru", summary="A South American state.", source="s1"),
            "events/2025-12-02-second.yml": EVENT.format(date="2025-12-02", title="Second", actor="peru", source="s1"),
        },
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with two commits: the second removes, adds and changes records."""
    project = tmp_path / "repo"
    project.mkdir()
    _git(project, "init", "-q")
    _first(project)
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "first")
    _second(project)
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "second")
    return project


def test_diff_lists_added_removed_changed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(repo), "validate"]) == 0
    capsys.readouterr()
    assert main(["--project", str(repo), "diff", "HEAD~1"]) == 0
    out = capsys.readouterr().out
    assert out == MARKER + "\n" + EXPECTED


def test_no_changes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(repo), "diff", "HEAD"]) == 0
    assert "No record, page or site setting changed." in capsys.readouterr().out


def test_project_in_a_subfolder_and_content_missing_at_base(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    (tmp_path / "README").write_text("x\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "empty")
    project = tmp_path / "explainer"
    _first(project)
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "--project", str(project), "diff", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "**6** added, **0** changed, **0** removed" in proc.stdout
    assert "- `content/site.yml`" in proc.stdout


def test_unknown_revision(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(repo), "diff", "no-such-branch"]) == 1
    assert capsys.readouterr().err.startswith("explainer diff: error: git rev-parse")


def test_changed_record_without_moved_updated_date_is_annotated(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(repo), "diff", "HEAD~1", "--check-updated", "--format", "github"]) == 0
    out = capsys.readouterr().out
    assert out == (
        "::warning file=content/actors/peru.yml,line=1,col=1,title=updated-not-moved::summary changed since HEAD~1 "
        "but 'updated' did not move; set it to today's date\n"
    )
    peru = repo / "content/actors/peru.yml"
    peru.write_text('updated: "2025-11-10"\n' + peru.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["--project", str(repo), "diff", "HEAD~1", "--check-updated"]) == 0
    assert capsys.readouterr().out == ""


def test_a_rename_reads_as_a_rename(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`explainer rename` gives one "Renamed" entry; the references it rewrote ask for no `updated:`."""
    assert main(["--project", str(repo), "rename", "actor", "peru", "peru-state"]) == 0
    capsys.readouterr()
    assert main(["--project", str(repo), "diff", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "**0** added, **0** changed, **1** renamed, **0** removed" in out
    assert "- actor `peru` → `peru-state` (redirect kept)\n" in out
    assert (
        "- references rewritten by the rename, nothing else changed:"
        " event `2025-11-01-first`, event `2025-12-02-second`\n" in out
    )
    assert main(["--project", str(repo), "diff", "HEAD", "--check-updated"]) == 0
    assert capsys.readouterr().out == ""
    peru = repo / "content/actors/peru-state.yml"
    peru.write_text(peru.read_text(encoding="utf-8").replace("South American", "Andean"), encoding="utf-8")
    assert main(["--project", str(repo), "diff", "HEAD"]) == 0
    assert "- actor `peru` → `peru-state` (redirect kept): `summary`\n" in capsys.readouterr().out
    assert main(["--project", str(repo), "diff", "HEAD", "--check-updated"]) == 0
    assert "summary changed since HEAD but 'updated' did not move" in capsys.readouterr().out
