"""The snippets and oEmbed answers: one iframe per embed, escaped, with the provider from site.yml."""

from __future__ import annotations

import dataclasses
import json
from html.parser import HTMLParser

from generator.content.validate import Content
from generator.render.embed import FACT_HEIGHT, HEIGHT, PARENT_SCRIPT, available, describe, discovery, embeds, oembed
from generator.render.labels import Labels
from generator.structure import routes


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


def test_an_event_card_and_its_snippet(es: Labels) -> None:
    card = describe(es, routes.embed_page("2025-11-03-asylum"))
    assert card.kind == "event"
    assert card.url == "https://example.org/fixture/es/embed/events/2025-11-03-asylum/"
    assert card.oembed_url == "https://example.org/fixture/es/oembed-events-2025-11-03-asylum.json"
    parsed = _parse(card.snippet())
    assert [tag for tag, _ in parsed.tags] == ["iframe", "script"]
    iframe = parsed.tags[0][1]
    assert iframe["src"] == card.url and iframe["title"] == "Alfa entra en la embajada · Explicativo de prueba"
    assert iframe["height"] == str(card.height) and iframe["loading"] == "lazy"
    assert card.snippet().endswith(PARENT_SCRIPT)
    assert "datawrapper-height" in PARENT_SCRIPT and "e.source" in PARENT_SCRIPT
    assert card.label("es").startswith("Este hecho")


def test_titles_are_escaped_in_the_snippet(es: Labels, small_content: Content) -> None:
    card = describe(es, routes.EMBED_TIMELINE)
    hostile = type(card)(card.path, card.kind, '"><script>x</script>', card.url, card.oembed_url, card.height)
    parsed = _parse(hostile.snippet())
    assert [tag for tag, _ in parsed.tags] == ["iframe", "script"]  # only the resize script: the title stays text
    assert parsed.tags[0][1]["title"] == '"><script>x</script>'
    assert discovery(embeds(es, routes.HOME))[0]["title"].startswith("Línea de tiempo")


def test_key_facts_height_grows_with_the_facts(es: Labels, small_content: Content) -> None:
    facts = describe(es, routes.EMBED_KEY_FACTS)
    assert facts.height == HEIGHT[routes.EMBED_KEY_FACTS] + FACT_HEIGHT * len(small_content.site.key_facts)
    assert [e.path for e in embeds(es, routes.HOME)] == [routes.EMBED_TIMELINE, routes.EMBED_KEY_FACTS]
    without = dataclasses.replace(small_content, site=small_content.site.model_copy(update={"key_facts": []}))
    assert available(without, routes.HOME) == [routes.EMBED_TIMELINE]
    assert available(dataclasses.replace(without, records={}), routes.HOME) == []


def test_oembed_is_rich_json_with_the_same_iframe(es: Labels) -> None:
    card = describe(es, routes.embed_page("2025-11-03-asylum"))
    text = oembed(es, card)
    assert "<" not in text and ">" not in text  # written as \u003c: nothing in it closes an element
    data = json.loads(text)
    assert data == {
        "version": "1.0",
        "type": "rich",
        "title": card.title,
        "provider_name": "Explicativo de prueba",
        "provider_url": "https://example.org/fixture/es/",
        "html": card.snippet(),
        "width": 700,
        "height": card.height,
    }
