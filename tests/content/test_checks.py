"""Cross-record rules, checked directly on the fixture (the corpus in tests/corpus covers their messages)."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import check


def codes(project: Path) -> list[str]:
    _, problems = check(project)
    return [p.code for p in problems]


def test_fixture_is_clean(small_project: Path) -> None:
    assert codes(small_project) == []


def test_unused_and_duplicate_sources_warn(small_project: Path) -> None:
    src = small_project / "content" / "sources"
    (src / "extra.yml").write_text((src / "news-one.yml").read_text())
    assert sorted(codes(small_project)) == ["duplicate-url", "unused-source"]


def test_event_id_must_start_with_its_date(small_project: Path) -> None:
    events = small_project / "content" / "events"
    (events / "2025-11-03-asylum.yml").rename(events / "2025-11-04-asylum.yml")
    for path in (small_project / "content").rglob("*.yml"):
        path.write_text(path.read_text().replace("2025-11-03-asylum", "2025-11-04-asylum"))
    assert codes(small_project) == ["id-date"]


def test_self_relation_is_an_error(small_project: Path) -> None:
    beta = small_project / "content" / "actors" / "beta.yml"
    beta.write_text(beta.read_text() + "relations:\n  - actor: beta\n    relation: x\n    sources: [news-two]\n")
    assert "self-relation" in codes(small_project)


def test_a_record_failing_its_model_still_gets_its_reference_checks(small_project: Path) -> None:
    event = small_project / "content" / "events" / "2025-11.yml"
    event.write_text(event.read_text().replace('date: "2025-11"', 'date: "13/11/2025"').replace("news-two", "news-tow"))
    _, problems = check(small_project)
    assert [p.code for p in problems] == ["bad-format", "unknown-reference"]
