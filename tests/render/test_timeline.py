"""The timeline: every event a link, key moments labelled on their own rows, labels fitted, valid XML."""

from types import SimpleNamespace
from xml.etree import ElementTree

from generator.content.model import PartialDate
from generator.content.validate import Content
from generator.render.labels import Labels
from generator.render.timeline import COMPACT, timeline, timeline_svg
from generator.structure.relations import build_index


def test_timeline() -> None:
    marks = [
        ("events/a/", PartialDate(1949), "Precedent", False),
        ("events/b/", PartialDate(2022, 12, 7), "Attempt", True),
        ("events/c/", PartialDate(2025, 11), "Talks <&>", False),
        ("events/d/", PartialDate(2025, 11, 3), "x" * 300, True),
    ]
    svg = str(timeline_svg(marks, "en"))
    figure = ElementTree.fromstring(svg)
    links = [a.get("href") for a in figure.iter("{http://www.w3.org/2000/svg}a")]
    assert links == ["events/c/", "events/b/", "events/d/"]
    svg_ns = "{http://www.w3.org/2000/svg}"
    labels = [t.find(svg_ns + "title").tail for t in figure.iter(svg_ns + "text") if t.get("class") == "tl-label"]
    assert labels[0] == "7 December 2022 · Attempt"
    assert labels[1].endswith("…") and len(labels[1]) < 150
    assert "Talks &lt;&amp;&gt;" in svg
    assert timeline_svg([], "en") == ""


def _links(svg: str) -> list[str | None]:
    return [a.get("href") for a in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}a")]


def test_marks_link_from_the_page(es: Labels, small_content: Content) -> None:
    events = [(rid, small_content.get("events", rid)) for rid in build_index(small_content).events_by_date]
    key = [(rid, e) for rid, e in events if e.key]
    links = _links(str(timeline(es, key, events, "chronology/index.md")))
    assert sorted(links) == sorted(f"../events/{rid}/" for rid, _ in events)
    assert "../../events/2025-11-03-asylum/" in _links(str(timeline(es, key, events, "chronology/2025.md")))


def test_past_compact_one_mark_per_month(es: Labels, small_content: Content) -> None:
    many = [
        (f"e{i}", SimpleNamespace(date=f"{2025 + i % 3}-{i % 12 + 1:02d}-01", key=False)) for i in range(COMPACT + 1)
    ]
    key = [("2025-11-03-asylum", small_content.get("events", "2025-11-03-asylum"))]
    links = _links(str(timeline(es, key, many, "index.md")))
    assert "chronology/2025/#m-2025-01" in links
    assert links[-1] == "events/2025-11-03-asylum/"  # key moments stay linked to their pages
    assert len(links) == len({(e.date[:7]) for _, e in many}) + 1
