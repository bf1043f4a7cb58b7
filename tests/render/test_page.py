"""The template helpers `p`: texts, links from the page's folder, footnotes, sources, front matter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generator.content.model import CitationDetail
from generator.content.validate import Content
from generator.pipeline import check, render_all
from generator.render.labels import Labels
from generator.render.page import Page, Shared
from generator.render.search import without_accents
from generator.structure.changes import Change
from generator.structure.relations import build_index


@pytest.fixture
def shared(es: Labels, small_content: Content) -> Shared:
    return Shared(es, build_index(small_content))


def test_links_are_relative_to_the_page(shared: Shared) -> None:
    p = Page(shared, "events/2025-11-03-asylum.md")
    assert p.link("actors", "alpha") == "../actors/alpha.md"
    assert p.link("questions", "why") == "../questions/why.md"
    assert p.html_link("actors", "alpha") == "../../actors/alpha/"
    assert p.to("chronology/index.md") == "../chronology/index.md"
    assert p.ref("actors", "alpha") == "[Alfa](../actors/alpha.md)"
    change = Change("2025-11-20", "events", "2025-11-03-asylum", "correction", 1)
    assert p.change_link(change) == "[Alfa entra en la embajada](2025-11-03-asylum.md#corrections)"


def test_md_marks_a_fallback_and_caches_by_folder(shared: Shared) -> None:
    p = Page(shared, "actors/alpha.md")
    assert p.md({"en": "Only *here*", "es": "Solo *aquí*"}) == "Solo *aquí*"
    fallback = p.md({"en": "Only in English."})
    assert fallback.startswith('Only in English\\. <small class="untranslated">')
    assert p.md(None) == ""
    linked = p.md({"en": "x", "es": "Ver [[actor:land]]"})
    assert linked == "Ver [Tierra](land.md)"
    # Another page of the same folder gets the same (cached) text; another folder its own links.
    assert Page(shared, "actors/beta.md").md({"en": "x", "es": "Ver [[actor:land]]"}) is linked
    assert Page(shared, "index.md").md({"en": "x", "es": "Ver [[actor:land]]"}) == "Ver [Tierra](actors/land.md)"


def test_fallback_to_default_language_is_visible(small_project: Path) -> None:
    project = small_project
    event = project / "content" / "events" / "2025-11.yml"
    event.write_text(
        'date: "2025-11"\ntitle: {en: "Talks during November", es: "Conversaciones"}\nsummary: "Only in English."\nsources: [news-two]\n'
    )
    content, _ = check(project)
    assert content is not None
    es = render_all(project, content)["es/events/2025-11.md"]
    assert "Only in English." in es
    assert "Aún sin traducir" in es


def test_footnotes_number_each_citation_once(shared: Shared, small_content: Content) -> None:
    p = Page(shared, "events/2025-11-03-asylum.md")
    sources = small_content.get("events", "2025-11-03-asylum").sources
    assert p.cite(sources) == "[^1][^2]"
    assert p.cite(sources[1:]) == "[^2]"
    notes = p.notes.definitions().splitlines()
    assert len(notes) == 2
    assert notes[0].startswith("[^1]: [Alpha asks for asylum](<https://news.example.com/one>), Daily One, ")
    assert "“Alpha asked for asylum” (Traducción: “Alfa pidió asilo”)" in notes[0]
    assert notes[0].endswith("[↗](../sources/news-one.md)")


def test_one_note_per_source_with_every_quote(shared: Shared, small_content: Content) -> None:
    p = Page(shared, "events/2025-11-03-asylum.md")
    first = small_content.get("events", "2025-11-03-asylum").sources[0]
    other = CitationDetail(source=first.source, quote="Another line")
    bare = first.source
    assert p.cite([first]) + p.cite([other, bare]) + p.cite([first]) == "[^1][^1][^1]"
    (note,) = p.notes.definitions().splitlines()
    assert note.count("Alpha asks for asylum") == 1
    assert "“Alpha asked for asylum”" in note and "“Another line”" in note


def test_sources_and_certainty(shared: Shared, small_content: Content) -> None:
    p = Page(shared, "chronology/2025.md")
    sources = small_content.get("events", "2025-11-03-asylum").sources
    assert p.cite_short(sources).startswith(" ([Daily One](../sources/news-one.md); ")
    assert "sure-single" in p.sure(sources[:1])
    assert "sure-single" not in p.sure(sources)


def test_events_of_and_stated(shared: Shared, small_content: Content) -> None:
    p = Page(shared, "actors/land.md")
    assert [rid for rid, _ in p.events_of("actors", "land")] == ["2022-12-07-attempt", "2025-11-03-asylum"]
    event = small_content.get("events", "2025-11-03-asylum")
    assert p.stated(event, event.disputed[0]) == "3 de noviembre de 2025"
    assert p.date(None) == "" and p.t("actors") == "Quién es quién"


def test_search_terms_without_accents(shared: Shared) -> None:
    p = Page(shared, "actors/x.md")
    assert without_accents("José Jerí") == "Jose Jeri"
    assert p.search_terms({"en": "José Jerí"}, None) == (
        '<span class="search-only" aria-hidden="true">Jose Jeri</span>'
    )
    assert p.search_terms({"en": "Plain"}) == ""


def test_front_matter_is_escaped_yaml_with_jsonld(shared: Shared) -> None:
    p = Page(shared, "actors/alpha.md")
    front = p.front('A "quoted" <b>title</b>', "x" * 400, p.ld("actors", "alpha"))
    data = yaml.safe_load(front.removeprefix("---\n").removesuffix("---\n"))
    assert data["title"] == "A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt;"
    assert len(data["description"]) == 300 and data["description"].endswith("…")
    assert data["search"] == {"boost": 5}  # a who-is-who page: first for a name
    source = Page(shared, "sources/news-one.md").front(
        "t", "d", Page(shared, "sources/news-one.md").ld("sources", "news-one")
    )
    assert 'search: {"boost": 0.001}' in source  # source records after the story
    assert data["updated"] == "2025-11-04"
    assert json.loads(data["jsonld"])["@type"] == "Person"
    assert data["image"] == "https://example.org/fixture/es/assets/cards/site.png"
    summary = yaml.safe_load(p.front("t", "d", search_exclude=True).strip("-\n"))
    assert summary == {"title": "t", "description": "d", "search": {"exclude": True}, "image": data["image"]}


def test_embeddable_pages_offer_their_embeds_and_oembed_links(shared: Shared) -> None:
    home, event = Page(shared, "index.md"), Page(shared, "events/2025-11-03-asylum.md")
    assert [e.kind for e in home.embeds()] == ["timeline", "key-facts"]
    assert [e.kind for e in event.embeds()] == ["event"]
    assert Page(shared, "actors/alpha.md").embeds() == []
    data = yaml.safe_load(event.front("t", "d").strip("-\n"))
    assert data["oembed"] == [
        {
            "href": "https://example.org/fixture/es/oembed-events-2025-11-03-asylum.json",
            "title": "Alfa entra en la embajada · Explicativo de prueba",
        }
    ]
    assert "oembed" not in yaml.safe_load(Page(shared, "actors/alpha.md").front("t", "d").strip("-\n"))
