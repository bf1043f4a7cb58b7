"""The timeline: every event a link, key moments labelled on their own rows, labels fitted, valid XML."""

from xml.etree import ElementTree

from generator.content.model import PartialDate
from generator.render.timeline import timeline_svg


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
