"""The timeline: key moments by year (by month in a busy year), every moment and group a link, text escaped."""

from types import SimpleNamespace
from xml.etree import ElementTree

from generator.content.model import PartialDate
from generator.content.validate import Content
from generator.render.labels import Labels
from generator.render.timeline import BUSY, COMPACT, timeline, timeline_list
from generator.structure.relations import build_index


def _links(html: str) -> list[str | None]:
    return [a.get("href") for a in ElementTree.fromstring(html).iter("a")]


def test_timeline_list() -> None:
    moments = [
        ("events/b/", PartialDate(2022, 12, 7), "Attempt"),
        ("events/d/", PartialDate(2025, 11, 3), "Talks <&>"),
    ]
    counts = {(1949, 0): 1, (2022, 12): 2, (2025, 11): 5, (2025, 10): 1}
    html = str(timeline_list(moments, counts, "en", "index.md"))
    root = ElementTree.fromstring(html)
    # The years from the first key moment's on, each linking to its page with its number of events.
    heads = [a.get("href") for a in root.iter("a") if a.get("class") == "tl-head"]
    assert heads == ["chronology/2022/", "chronology/2025/"]
    assert "6 events" in html and "1949" not in html
    assert [a.get("href") for a in root.iter("a") if a.get("class") is None] == ["events/b/", "events/d/"]
    assert '<time datetime="2022-12-07">7 December 2022</time>' in html
    assert "Talks &lt;&amp;&gt;" in html and "…" not in html
    assert timeline_list([], {}, "en", "index.md") == ""


def test_busy_year_is_split_by_month() -> None:
    moments = [(f"events/e{i}/", PartialDate(2025, 10 + i % 2, i + 1), f"M{i}") for i in range(BUSY + 1)]
    html = str(timeline_list(moments, {(2025, 10): 3, (2025, 11): 9}, "es", "chronology/index.md"))
    months = [a.get("href") for a in ElementTree.fromstring(html).iter("a") if a.get("class") == "tl-sub"]
    assert months == ["2025/#m-2025-10", "2025/#m-2025-11"]
    assert "Noviembre 2025" in html and "9 hechos" in html


def test_marks_link_from_the_page(es: Labels, small_content: Content) -> None:
    events = [(rid, small_content.get("events", rid)) for rid in build_index(small_content).events_by_date]
    key = [(rid, e) for rid, e in events if e.key]
    links = _links(str(timeline(es, key, events, "chronology/index.md")))
    assert {f"../events/{rid}/" for rid, _ in key} <= set(links)
    assert "../../events/2025-11-03-asylum/" in _links(str(timeline(es, key, events, "chronology/2025.md")))


def test_past_compact_only_the_latest_key_moments(es: Labels, small_content: Content) -> None:
    many = [
        (f"e{i}", SimpleNamespace(date=f"{2025 + i % 3}-{i % 12 + 1:02d}-01", key=False)) for i in range(COMPACT + 1)
    ]
    key = [("2025-11-03-asylum", small_content.get("events", "2025-11-03-asylum"))]
    links = _links(str(timeline(es, key, many, "index.md")))
    assert links == ["chronology/2025/", "events/2025-11-03-asylum/", "chronology/2026/", "chronology/2027/"]
