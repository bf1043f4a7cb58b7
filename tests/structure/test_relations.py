"""Back-links are derived from the content: lists and inline references both count."""

from pathlib import Path

from generator.pipeline import check
from generator.structure.relations import build_index, independent_publishers


def test_index(small_project: Path) -> None:
    content, _ = check(small_project)
    assert content is not None
    ix = build_index(content)
    assert ix.events_by_date == ["2022-12-07-attempt", "2025-11", "2025-11-03-asylum"]
    assert ("events", "2025-11-03-asylum") in ix.mentions[("actors", "alpha")]
    assert ("questions", "why") in ix.mentions[("events", "2025-11-03-asylum")]
    assert ("site", "index") in ix.cited_by["news-one"]
    assert [n[0] for n in ix.neighbours["beta"]] == ["alpha"]
    event = content.get("events", "2025-11-03-asylum")
    assert independent_publishers(content, event.sources) == ["Daily One", "Diario Dos"]
