"""One language edition: which pages it has, what it may reuse, and the disputes it lists."""

from __future__ import annotations

from generator.content.validate import Content
from generator.render.edition import Edition
from generator.render.environment import environment
from generator.structure import routes
from generator.structure.relations import build_index


def _edition(content: Content, lang: str) -> Edition:
    return Edition(content, build_index(content), lang, environment(None))


def test_pages_of_an_edition(small_content: Content) -> None:
    pages = _edition(small_content, "es").render()
    expected = {
        *routes.SECTIONS,
        routes.FEED,
        routes.CHRONOLOGY_ICS,
        "chronology/2022.md",
        "chronology/2025.md",
        "about.md",
        *(routes.target_path(kind, rid) for kind in routes.RECORD_PAGES for rid in small_content.records[kind]),
    }
    embeds = [routes.EMBED_TIMELINE, routes.EMBED_KEY_FACTS, *map(routes.embed_page, small_content.records["events"])]
    expected |= {routes.embed_file(e) for e in embeds} | {routes.oembed_file(e) for e in embeds}
    assert set(pages) == expected  # the CSV is in the default edition only
    assert routes.CHRONOLOGY_CSV in _edition(small_content, "en").render()
    assert all(text.endswith("\n") and not text.endswith("\n\n") for text in pages.values())


def test_pages_say_their_language(small_content: Content) -> None:
    pages = _edition(small_content, "es").render()
    assert "# Alfa Persona" in pages["actors/alpha.md"]
    assert "Acerca de" in pages["about.md"]
    assert "https://example.org/fixture/data/explainer.json" in pages["data.md"]  # the one dataset, at the root


def test_reused_pages_are_skipped(small_content: Content) -> None:
    edition = _edition(small_content, "en")
    pages = edition.render(
        keep=lambda kind, rid: kind == "actors", years_keep={2022}, keep_pages={"actors/index.md", "disputes.md"}
    )
    assert not any(path.startswith("actors/") for path in pages)
    assert "chronology/2022.md" not in pages and "chronology/2025.md" in pages
    assert "disputes.md" not in pages and "events/2025-11-03-asylum.md" in pages


def test_disputes_list_every_disputed_record(small_content: Content) -> None:
    found = _edition(small_content, "en").disputes()
    assert [(x["kind"], x["rid"]) for x in found] == [("events", "2025-11-03-asylum")]
    event = small_content.get("events", "2025-11-03-asylum")
    assert found[0]["rec"] is event and found[0]["date"] == event.date and found[0]["role"] is None
    assert (found[0]["major"], found[0]["minor"]) == (True, False)
