"""History as data: What's new, Atom feeds (parsed by feedparser), corrections on the record page and in JSON-LD."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest

from generator.pipeline import build, check, render_all
from generator.structure.changes import Change, Group, collect, latest, months, news


def test_changes_newest_first_with_stable_numbers(small_project: Path) -> None:
    content, _ = check(small_project)
    assert content is not None
    changes = [(c.date, c.kind, c.rid, c.type, c.number) for c in collect(content)]
    assert changes == [
        ("2025-11-20", "events", "2025-11-03-asylum", "updated", 0),
        ("2025-11-20", "events", "2025-11-03-asylum", "correction", 2),
        ("2025-11-10", "events", "2025-11-03-asylum", "correction", 1),
        ("2025-11-04", "events", "2025-11-03-asylum", "added", 0),
        ("2025-11-04", "actors", "alpha", "added", 0),
        ("2025-11-01", "pages", "about", "added", 0),
    ]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_feed_is_valid_and_stable(small_project: Path, lang: str) -> None:
    content, _ = check(small_project)
    assert content is not None
    one = render_all(small_project, content)[f"{lang}/feed.xml"]
    two = render_all(small_project, content)[f"{lang}/feed.xml"]
    assert one == two
    feed = feedparser.parse(one)
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == 6
    assert feed.entries[1].id == f"tag:example.org,2025:{lang}/events/2025-11-03-asylum/correction/2"
    assert feed.entries[1].link.endswith("/events/2025-11-03-asylum/#corrections")
    expected = "The date was first given" if lang == "en" else "La fecha se dio primero"
    assert feed.entries[1].summary.startswith(expected)


def test_new_correction_keeps_old_entry_ids(small_project: Path) -> None:
    content, _ = check(small_project)
    assert content is not None
    before = {e.id for e in feedparser.parse(render_all(small_project, content)["en/feed.xml"]).entries}
    path = small_project / "content" / "events" / "2025-11-03-asylum.yml"
    path.write_text(
        path.read_text().replace(
            'updated: "2025-11-20"\ncorrections:\n',
            'updated: "2025-11-25"\ncorrections:\n  - date: "2025-11-25"\n    text: {en: "A third fix.", es: "Una tercera corrección."}\n',
        )
    )
    content, problems = check(small_project)
    assert content is not None, problems
    after = {e.id for e in feedparser.parse(render_all(small_project, content)["en/feed.xml"]).entries}
    # Old entries keep their ids (the "updated" entry moves forward in time); only the new correction is new.
    assert before <= after
    assert after - before == {"tag:example.org,2025:en/events/2025-11-03-asylum/correction/3"}


@pytest.mark.slow
def test_correction_shows_everywhere_in_both_languages(small_project: Path) -> None:
    build(small_project)
    site = small_project / "site"
    for prefix, text in (("", "sources place it on 3 November"), ("es/", "las fuentes la sitúan el 3 de noviembre")):
        page = (site / prefix / "events/2025-11-03-asylum/index.html").read_text()
        assert 'id="corrections"' in page and text in page
        match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page)
        assert match is not None
        ld = json.loads(match.group(1))
        assert ld["dateCreated"] == "2025-11-04" and ld["dateModified"] == "2025-11-20"
        assert ld["correction"][0]["@type"] == "CorrectionComment" and text in ld["correction"][0]["text"]
        assert text in (site / prefix / "whats-new/index.html").read_text()
        assert text in (site / prefix / "feed.xml").read_text()
        assert 'type="application/atom+xml"' in (site / prefix / "index.html").read_text()
    sitemap = (site / "sitemap.xml").read_text()
    assert "<lastmod>2025-11-20</lastmod>" in sitemap


def _many(n: int, kind: str, date: str = "2025-11-04", type_: str = "added") -> list[Change]:
    return [Change(date, kind, f"{kind}-{i:03d}", type_) for i in range(n)]


def test_news_drops_source_records_and_keeps_every_correction() -> None:
    corrections = [
        Change("2025-11-04", "events", "zz", "correction", 1),
        Change("2025-11-04", "sources", "s", "correction", 1),
    ]
    changes = sorted(_many(300, "events") + _many(300, "sources") + corrections, key=lambda c: c.sort_key, reverse=True)
    kept = news(changes, limit=50)
    assert len(kept) == 50 and not any(c.kind == "sources" and c.type != "correction" for c in kept)
    # Same day as 600 additions, and "zz" sorts after every other id: still in.
    assert set(corrections) <= set(kept)
    assert kept == sorted(kept, key=lambda c: c.sort_key, reverse=True)
    assert news(corrections, limit=0) == sorted(corrections, key=lambda c: c.sort_key, reverse=True)


def test_months_summarise_the_story_and_count_source_records() -> None:
    changes = sorted(
        _many(5, "events")
        + _many(2, "questions")
        + _many(40, "sources")
        + _many(3, "sources", "2025-11-05", "updated")
        + [Change("2025-11-06", "events", "e", "correction", 1, {"en": "Fixed."})]
        + _many(1, "actors", "2025-10-02"),
        key=lambda c: c.sort_key,
        reverse=True,
    )
    november, october = months(changes)
    assert november.month == "2025-11" and october.month == "2025-10"
    assert [c.rid for c in november.corrections] == ["e"]
    assert (november.sources_added, november.sources_updated) == (40, 3)
    group, *singles = november.story
    assert isinstance(group, Group) and (group.kind, group.type, len(group.changes)) == ("events", "added", 5)
    assert [c.rid for c in singles if isinstance(c, Change)] == ["questions-001", "questions-000"]
    assert latest(changes, 3) == [november.corrections[0], group, singles[0]]
    assert [c.rid for c in october.story if isinstance(c, Change)] == ["actors-000"]
