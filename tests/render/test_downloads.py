"""Data downloads: JSON, CSV and iCalendar from the fixture; JSON-LD safe inside a script element."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import feedparser

from generator.content.validate import Content
from generator.pipeline import check, render_all
from generator.render.downloads import feed
from generator.render.labels import Labels
from generator.structure.changes import collect


def test_downloads(small_project: Path) -> None:
    content, _ = check(small_project)
    assert content is not None
    files = render_all(small_project, content)
    data = json.loads(files["en/data/explainer.json"])
    assert data["events"]["2025-11-03-asylum"]["disputed"][0]["value"] == "2025-11-02"
    assert data["actors"]["alpha"]["roles"][0]["from"] == "2022-08"
    rows = list(csv.DictReader(io.StringIO(files["en/data/chronology.csv"])))
    assert [r["id"] for r in rows] == ["2022-12-07-attempt", "2025-11", "2025-11-03-asylum"]
    assert rows[2]["summary_es"] == "Alfa entra en la embajada y pide asilo según la Convención sobre Ejemplos."
    assert rows[1]["precision"] == "month"
    ics = files["es/data/chronology.ics"]
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20251101\r\nDTEND;VALUE=DATE:20251201\r\n" in ics
    assert "SUMMARY:Alfa entra en la embajada\r\n" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))


def test_dataset_is_exactly_json_dumps(small_project: Path) -> None:
    """The fragment-assembled download equals a plain json.dumps of the whole dataset."""
    from generator.render.downloads import dataset_json

    content, _ = check(small_project)
    assert content is not None
    data: dict[str, object] = {"site": content.site.model_dump(by_alias=True, exclude_none=True)}
    for kind, records in content.records.items():
        data[kind] = {rid: rec.model.model_dump(by_alias=True, exclude_none=True) for rid, rec in records.items()}
    assert dataset_json(content) == json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    content.records["questions"] = {}
    data["questions"] = {}
    assert dataset_json(content) == json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_feed_links_each_change_to_its_page(small_content: Content) -> None:
    changes = collect(small_content)
    parsed = feedparser.parse(feed(Labels(small_content, "es"), changes))
    assert parsed.feed.title == "Explicativo de prueba — Novedades"
    assert len(parsed.entries) == len(changes)
    links = {entry.link for entry in parsed.entries}
    assert "https://example.org/fixture/es/events/2025-11-03-asylum/#corrections" in links
    assert "https://example.org/fixture/es/actors/alpha/" in links
