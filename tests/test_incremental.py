"""The live preview's incremental render gives exactly the pages a full render gives, after any edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import check, generate, render_all
from generator.render import render_site

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
