"""The address map: every kind's page, anchors, URLs, relative links, and the modules that must agree with it."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.content.model import REF_KINDS
from generator.content.validate import Content
from generator.editing.diff import _own_pages
from generator.editing.rename import page_of
from generator.pipeline import check, render_all
from generator.render.mkdocs_config import edition_config
from generator.structure.changes import Change
from generator.structure.redirects import known_pages
from generator.structure.routes import (
    ANCHORED,
    CARD,
    CHRONOLOGY,
    EMBED_KEY_FACTS,
    EMBED_TIMELINE,
    HOME,
    RECORD_PAGES,
    SECTIONS,
    card_of,
    card_path,
    change_target,
    config_paths,
    edition_base,
    edition_link,
    embed_file,
    embed_page,
    embedded_page,
    embeds_of,
    html_relative,
    month_anchor,
    oembed_file,
    pages_of,
    record_page,
    relative,
    site_pages,
    target_path,
    url_of,
    url_relative,
    year_of,
)

from ..conftest import FIXTURES


@pytest.fixture(scope="module")
def content() -> Content:
    found, problems = check(FIXTURES / "small")
    assert found is not None, problems
    return found


def test_each_kind_has_its_page() -> None:
    assert target_path("actors", "jose-jeri") == "actors/jose-jeri.md"
    assert target_path("legal", "x") == "legal/x.md"
    assert target_path("sources", "x") == "sources/x.md"
    assert target_path("events", "2025-11-03-x") == "events/2025-11-03-x.md"
    assert target_path("site", "") == "index.md"


def test_every_question_has_a_page_of_its_own() -> None:
    assert target_path("questions", "why") == "questions/why.md"
    assert record_page("questions", "why") == "questions/why.md"
    assert record_page("actors", "alpha") == "actors/alpha.md"
    assert set(RECORD_PAGES) == {"actors", "legal", "sources", "events", "questions"}
    assert ANCHORED == {}


def test_share_cards() -> None:
    assert card_of("questions/why.md") == card_path("questions", "why") == "assets/cards/questions-why.png"
    assert card_of("questions/index.md") == card_of("events/x.md") == card_of("index.md") == CARD


def test_every_reference_kind_has_an_address() -> None:
    for folder in REF_KINDS.values():
        assert target_path(folder, "x") != "index.md", folder


def test_urls_are_directory_urls_and_keep_anchors() -> None:
    assert url_of("index.md") == ""
    assert url_of("chronology/index.md") == "chronology/"
    assert url_of("events/e.md") == "events/e/"
    assert url_of("about.md") == "about/"
    assert url_of("questions/index.md#why") == "questions/#why"
    assert url_of(month_anchor(2025, 11)) == "chronology/2025/#m-2025-11"
    assert month_anchor(2025, 0) == "chronology/2025.md"


def test_relative_links_between_pages() -> None:
    assert relative("actors/x.md", "events/e.md") == "../actors/x.md"
    assert relative("actors/x.md", "actors/y.md") == "x.md"
    assert relative("questions/index.md#q", "index.md") == "questions/index.md#q"
    assert relative("index.md", "chronology/2025.md") == "../index.md"
    assert html_relative("events/x.md", "chronology/2025.md") == "../../events/x/"
    assert html_relative("questions/index.md#q", "index.md") == "questions/#q"
    assert html_relative("actors/a.md", "actors/index.md") == "a/"
    assert url_relative("actors/new/", "actors/old/") == "../new/"
    assert url_relative("", "actors/old/") == "../../"
    assert url_relative("x/", "x/") == "./"


segment = st.from_regex(r"[a-z0-9]{1,6}", fullmatch=True)
md_path = st.lists(segment, min_size=1, max_size=4).map(lambda parts: "/".join(parts) + ".md")


@given(md_path, md_path)
def test_relative_agrees_with_posixpath(target: str, base: str) -> None:
    """The file-system-free relpath gives what posixpath gives, for Markdown links and for URLs."""
    folder = posixpath.dirname(base) or "."
    assert relative(target, base) == posixpath.relpath(target, folder)
    rel = posixpath.relpath(url_of(target) or ".", url_of(base) or ".")
    expected = "./" if rel == "." else rel + ("/" if url_of(target).endswith("/") else "")
    assert html_relative(target, base) == expected


def test_change_targets() -> None:
    assert change_target(Change("2025-11-04", "actors", "alpha", "added")) == "actors/alpha.md"
    assert change_target(Change("2025-11-20", "events", "e", "correction", 1)) == "events/e.md#corrections"
    assert change_target(Change("2025-11-20", "questions", "why", "correction", 1)) == "questions/why.md#corrections"
    assert change_target(Change("2025-11-01", "pages", "about", "added")) == "about.md"


def test_event_pages_include_the_chronology() -> None:
    assert pages_of("events", "e", 2025) == ["events/e.md", "chronology/index.md", "chronology/2025.md"]
    assert pages_of("events", "e", None) == ["events/e.md", "chronology/index.md"]
    assert pages_of("actors", "a") == ["actors/a.md"]
    assert year_of("2025-11-03") == 2025 and year_of("soon") is None and year_of(None) is None


def test_site_pages() -> None:
    pages = site_pages({"actors": ["a"], "events": ["2025-x"]}, ["about"], [2025])
    assert {"actors/a.md", "events/2025-x.md", "about.md", "chronology/2025.md", "sources/index.md"} <= pages
    assert {"index.md", "chronology/index.md", "questions/index.md", "disputes.md"} <= pages


def test_editions(content: Content) -> None:
    assert edition_base(content, "en") == "https://example.org/fixture/"
    assert edition_base(content, "es") == "https://example.org/fixture/es/"
    assert edition_link("en", "es", ["en", "es", "pt"]) == "es/"
    assert edition_link("es", "en", ["en", "es", "pt"]) == "../"
    assert edition_link("es", "pt", ["en", "es", "pt"]) == "../pt/"
    assert edition_link("es", "es", ["en", "es", "pt"]) == "./"
    assert config_paths(Path("g"), content) == [("en", Path("g/mkdocs.en.yml")), ("es", Path("g/mkdocs.es.yml"))]


def test_rename_and_diff_agree_with_routes() -> None:
    for kind, folder in REF_KINDS.items():
        assert page_of(kind, "x") == record_page(folder, "x")
        own = _own_pages(folder, "2025-x", {"date": "2025-11"})
        assert own == [url_of(p) for p in pages_of(folder, "2025-x", 2025)]
    assert _own_pages("questions", "why", {}) == ["questions/why/"]
    assert _own_pages("site", "site", {}) == [""]
    assert _own_pages("pages", "about.es", None) == ["about/"]


def test_redirects_know_every_record_page(content: Content) -> None:
    pages = known_pages(FIXTURES / "small" / "content")
    for folder in RECORD_PAGES:
        for rid in content.records.get(folder, {}):
            assert target_path(folder, rid) in pages
    assert "about.md" in pages and "chronology/2025.md" in pages


def test_generated_pages_are_where_routes_say(content: Content) -> None:
    """Every record page and section the renderer writes is at the path routes gives; the nav lists the sections."""
    files = render_all(FIXTURES / "small", content)
    for lang in content.languages:
        for folder in RECORD_PAGES:
            for rid in content.records.get(folder, {}):
                assert f"{lang}/{target_path(folder, rid)}" in files
        for section in SECTIONS:
            assert f"{lang}/{section}" in files
        assert all(section in edition_config(content, lang) for section in SECTIONS)


def test_embeds_have_pages_files_and_full_pages() -> None:
    """Each embed: a page path for its links, an HTML file at its URL, an oEmbed file, and the full page it is from."""
    card = embed_page("2025-11-03-x")
    assert embeds_of(HOME) == [EMBED_TIMELINE, EMBED_KEY_FACTS]
    assert embeds_of(CHRONOLOGY) == [EMBED_TIMELINE]
    assert embeds_of("events/2025-11-03-x.md") == [card]
    assert embeds_of("actors/alpha.md") == embeds_of("events/index.md") == embeds_of("chronology/2025.md") == []
    assert embed_file(card) == "embed/events/2025-11-03-x/index.html"
    assert embed_file(EMBED_TIMELINE) == "embed/timeline/index.html"
    assert oembed_file(card) == "oembed-events-2025-11-03-x.json"
    assert oembed_file(EMBED_KEY_FACTS) == "oembed-key-facts.json"
    assert embedded_page(card) == "events/2025-11-03-x.md"
    assert embedded_page(EMBED_TIMELINE) == CHRONOLOGY and embedded_page(EMBED_KEY_FACTS) == HOME
    assert html_relative("events/2025-11-03-x.md", card) == "../../../events/2025-11-03-x/"
