"""The live preview's incremental render gives exactly the pages a full render gives, after any edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import check, generate, render_all
from generator.render.incremental import Reuse, plan
from generator.render.site import render_site
from generator.structure.relations import build_index

EDITS = {
    "event title": (
        "events/2025-11-03-asylum.yml",
        'title: {en: "Alpha enters the embassy"',
        'title: {en: "Alpha enters the mission"',
    ),
    "event date moves year": ("events/2025-11.yml", 'date: "2025-11"', 'date: "2024-11"'),
    "actor name": ("actors/alpha.yml", 'short_name: {en: "Alpha"', 'short_name: {en: "Alfa"'),
    "source title": ("sources/news-two.yml", 'title: "Alfa pide asilo"', 'title: "Alfa pide asilo hoy"'),
    "question answer": ("questions/why.yml", 'answer: {en: "Because of', 'answer: {en: "Mostly because of'),
    "treaty party": ("legal/example-convention.yml", 'ratified: "1962-05-21"', 'ratified: "1962-05-22"'),
    "site": ("site.yml", 'reviewed: "2025-12-01"', 'reviewed: "2025-12-02"'),
    # The disputes page is kept unless a disputed record, its sources or a name it shows changed.
    "undisputed event": (
        "events/2025-11.yml",
        'summary: {en: "Talks went on."',
        'summary: {en: "Talks went on and on."',
    ),
    "dispute added": (
        "events/2025-11.yml",
        "sources: [news-two]",
        'sources: [news-two]\ndisputed:\n  - field: date\n    value: "2025-10"\n    sources: [news-one]',
    ),
    "dispute removed": (
        "events/2025-11-03-asylum.yml",
        'disputed:\n  - field: date\n    value: "2025-11-02"\n    sources: [news-two]\n'
        '    note: {en: "One outlet gives the day before.", es: "Un medio da el día anterior."}\n',
        "",
    ),
    "dispute note": ("events/2025-11-03-asylum.yml", "One outlet gives", "A single outlet gives"),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_incremental_equals_full(small_project: Path, edit: str) -> None:
    generate(small_project, atomic=False)
    rel, old, new = EDITS[edit]
    path = small_project / "content" / rel
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    content, problems = check(small_project)
    assert content is not None, problems
    assert render_site(content, small_project, incremental=True) == render_all(small_project, content)


def _plan_after(project: Path, edit: str) -> Reuse:
    """Apply one of EDITS and return what the live preview would reuse."""
    rel, old, new = EDITS[edit]
    path = project / "content" / rel
    path.write_text(path.read_text().replace(old, new))
    content, problems = check(project)
    assert content is not None, problems
    reuse = plan(content, build_index(content), project)
    assert reuse is not None
    return reuse


def test_edit_outside_disputes_keeps_summary_pages(small_project: Path) -> None:
    """An undisputed event's new summary re-renders neither the disputes page nor the index pages."""
    generate(small_project, atomic=False)
    kept = _plan_after(small_project, "undisputed event").pages
    assert {"disputes.md", "actors/index.md", "legal/index.md", "sources/index.md"} <= kept
    assert "disputes.md" not in _plan_after(small_project, "dispute note").pages


def test_incremental_equals_full_after_a_rename(small_project: Path) -> None:
    """A rename leaves a redirect where a page was: the preview must not bring the old page back."""
    from generator.editing.rename import rename

    generate(small_project, atomic=False)
    rename(small_project, "actor", "alpha", "alpha-two")
    generate(small_project, atomic=False)
    beta = small_project / "content" / "actors" / "beta.yml"
    beta.write_text(beta.read_text().replace("Alpha's lawyer.", "Alpha's lawyer since 2020."))
    content, problems = check(small_project)
    assert content is not None, problems
    files = render_site(content, small_project, incremental=True)
    assert files == render_all(small_project, content)
    assert "en/actors/alpha/index.html" in files and "en/actors/alpha.md" not in files


def test_incremental_equals_full_after_a_deletion(small_project: Path) -> None:
    """A deleted record's page is gone from the preview, as from a full build."""
    generate(small_project, atomic=False)
    (small_project / "content" / "events" / "2022-12-07-attempt.yml").unlink()
    content, problems = check(small_project)
    assert content is not None, problems
    files = render_site(content, small_project, incremental=True)
    assert files == render_all(small_project, content)
    assert "en/events/2022-12-07-attempt.md" not in files
