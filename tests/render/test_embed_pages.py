"""The embeds' standalone pages: no theme, noindex, canonical, links that leave the frame, our script only."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from generator.content.validate import Content
from generator.render.embed_pages import EmbedPage, EmbedPages
from generator.render.environment import environment
from generator.render.labels import Labels
from generator.render.page import Shared
from generator.structure import routes
from generator.structure.relations import build_index


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for t, attrs in self.tags if t == tag]


def _parse(html: str) -> _Page:
    parser = _Page()
    parser.feed(html)
    parser.close()
    return parser


@pytest.fixture
def shared(es: Labels, small_content: Content) -> Shared:
    return Shared(es, build_index(small_content))


@pytest.fixture
def pages(shared: Shared) -> dict[str, str]:
    events = [(rid, shared.content.get("events", rid)) for rid in shared.index.events_by_date]
    return EmbedPages(environment(None), shared).render([(r, e) for r, e in events if e.key], events, None)


def test_links_are_urls(shared: Shared) -> None:
    p = EmbedPage(shared, routes.embed_page("2025-11-03-asylum"))
    assert p.link("actors", "alpha") == "../../../actors/alpha/"
    assert p.to(routes.CHRONOLOGY) == "../../../chronology/"


def test_every_embed_has_a_page_and_an_oembed_file(pages: dict[str, str], small_content: Content) -> None:
    embeds = [routes.EMBED_TIMELINE, routes.EMBED_KEY_FACTS, *map(routes.embed_page, small_content.records["events"])]
    assert set(pages) == {routes.embed_file(e) for e in embeds} | {routes.oembed_file(e) for e in embeds}


def test_a_card_is_a_standalone_page(pages: dict[str, str]) -> None:
    page = _parse(pages["embed/events/2025-11-03-asylum/index.html"])
    tags = [tag for tag, _ in page.tags]
    assert "nav" not in tags and "header" not in tags and "form" not in tags and "input" not in tags
    assert {"name": "robots", "content": "noindex"} in page.all("meta")
    links = {attrs["rel"]: attrs for attrs in page.all("link")}
    assert links["canonical"]["href"] == "https://example.org/fixture/es/events/2025-11-03-asylum/"
    assert links["alternate"]["type"] == "application/json+oembed"
    assert links["alternate"]["href"] == "https://example.org/fixture/es/oembed-events-2025-11-03-asylum.json"
    assert page.all("base") == [{"target": "_top"}]
    assert page.all("script") == [{"src": "../../../assets/embed.js"}]
    hrefs = [a["href"] or "" for a in page.all("a")]
    assert "../../../events/2025-11-03-asylum/" in hrefs  # the title and "see the full page"
    assert not [h for h in hrefs if h.startswith("#") or h.endswith(".md")]  # no in-frame anchors, no Markdown paths
    assert page.all("h1") and page.all("time")


def test_timeline_links_aim_at_the_top_window(pages: dict[str, str]) -> None:
    page = _parse(pages["embed/timeline/index.html"])
    anchors = [a for a in page.all("a") if (a.get("href") or "").startswith("../../events/")]
    assert anchors and all(a.get("target") == "_top" for a in anchors)  # SVG links ignore <base target>
    assert _parse(pages["embed/key-facts/index.html"]).all("dl")


def test_kept_cards_are_not_rendered(shared: Shared) -> None:
    events = [(rid, shared.content.get("events", rid)) for rid in shared.index.events_by_date]
    out = EmbedPages(environment(None), shared).render([], events, lambda kind, rid: rid == "2025-11")
    assert "embed/events/2025-11/index.html" not in out and "embed/events/2025-11-03-asylum/index.html" in out


def test_helpers_write_html(shared: Shared) -> None:
    p = EmbedPage(shared, routes.embed_page("2025-11-03-asylum"))
    assert p.md({"es": "*a* [[actor:alpha]] <b>"}) == '<em>a</em> <a href="../../../actors/alpha/">Alfa</a> &lt;b&gt;'
    assert p.ref("actors", "alpha") == '<a href="../../../actors/alpha/">Alfa</a>'
    assert p.cite_short(["news-one", "news-one"]).count("<a ") == 1
    assert "untranslated" in p.md({"en": "Only English"}) and p.md(None) == ""
