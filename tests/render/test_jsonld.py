"""schema.org per record kind, with the record's history, and JSON-LD that cannot close its script."""

from __future__ import annotations

import dataclasses
import json

from generator.content.validate import Content
from generator.render.jsonld import SCHEMA_TYPES, history_ld, jsonld, ld
from generator.render.labels import Labels


def test_jsonld_cannot_close_its_script() -> None:
    text = jsonld({"name": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text
    data = json.loads(text)
    assert data["name"].startswith("</script>") and data["@context"] == "https://schema.org"


def test_event(es: Labels) -> None:
    data = ld(es, "events/2025-11-03-asylum.md", "events", "2025-11-03-asylum")
    assert data["@type"] == "Event" and data["startDate"] == "2025-11-03"
    assert data["name"] == "Alfa entra en la embajada"
    assert data["url"] == "https://example.org/fixture/es/events/2025-11-03-asylum/"
    assert data["about"] == [{"@type": "Thing", "name": "Alfa"}, {"@type": "Thing", "name": "Tierra"}]
    # The place is site.yml's `location`, in the page's language.
    assert data["location"] == {"@type": "Place", "name": "Tierra"}


def test_event_without_a_site_location_has_no_place(es: Labels) -> None:
    content = dataclasses.replace(es.content, site=es.content.site.model_copy(update={"location": None}))
    assert "location" not in ld(Labels(content, "es"), "events/2025-11.md", "events", "2025-11")


def test_actor_types(es: Labels) -> None:
    assert ld(es, "actors/alpha.md", "actors", "alpha")["@type"] == "Person"
    land = ld(es, "actors/land.md", "actors", "land")
    assert land["@type"] == SCHEMA_TYPES["state"] == "Country"
    assert land["description"] == "Un Estado."


def test_legal_and_sources(es: Labels) -> None:
    treaty = ld(es, "legal/example-convention.md", "legal", "example-convention")
    assert treaty["@type"] == "Legislation" and treaty["legislationDate"] == "1954-03-28"
    assert treaty["sameAs"] == "https://treaties.example.int/convention"
    source = ld(es, "sources/news-one.md", "sources", "news-one")
    assert source["@type"] == "NewsArticle" and source["url"] == "https://news.example.com/one"
    assert source["publisher"] == {"@type": "Organization", "name": "Daily One"}
    assert source["datePublished"] == "2025-11-03"


def test_other_pages_are_web_pages(es: Labels) -> None:
    assert ld(es, "index.md", "site") == {
        "@type": "WebPage",
        "name": "Explicativo de prueba",
        "url": "https://example.org/fixture/es/",
        "inLanguage": "es",
    }


def test_history(es: Labels, small_content: Content) -> None:
    actor = ld(es, "actors/alpha.md", "actors", "alpha")
    assert actor["dateCreated"] == actor["dateModified"] == "2025-11-04"
    event = small_content.get("events", "2025-11-03-asylum")
    data = history_ld(es, event, {})
    assert data["dateModified"] == "2025-11-20"
    assert [c["datePublished"] for c in data["correction"]] == ["2025-11-20", "2025-11-10"]
    assert data["correction"][1]["text"] == "Se corrigió el cargo de Alfa."
