"""The one walk over model trees: texts, citations, quotes and disputes, with the YAML paths editors wrote."""

from __future__ import annotations

from generator.content.model import CitationDetail, Event
from generator.content.walk import (
    iter_citations,
    iter_citations_at,
    iter_disputes,
    iter_fields,
    iter_quotes,
    iter_texts,
)

EVENT = Event.model_validate(
    {
        "date": "2025-11-03",
        "title": {"en": "Asylum", "es": "Asilo"},
        "summary": "Only in English.",
        "sources": ["news-one", {"source": "paper", "quote": "dijo", "translation": {"en": "said"}}],
        "disputed": [
            {"field": "date", "value": "2025-11-04", "sources": ["paper"]},
            {"field": "other", "value": {"en": "63 votes", "es": "63 votos"}, "sources": ["wire"], "note": "Count"},
        ],
        "corrections": [{"date": "2025-11-05", "text": "Fixed the date.", "sources": ["wire"]}],
    }
)


def test_texts_are_every_translatable_value_but_a_disputed_date() -> None:
    paths = [path for path, _ in iter_texts(EVENT)]
    assert paths == [
        ("corrections", 0, "text"),
        ("title",),
        ("summary",),
        ("disputed", 1, "value"),
        ("disputed", 1, "note"),
    ]


def test_citations_in_written_order_with_their_paths() -> None:
    at = list(iter_citations_at(EVENT))
    assert [path for path, _ in at] == [
        ("corrections", 0, "sources", 0),
        ("sources", 0),
        ("sources", 1),
        ("disputed", 0, "sources", 0),
        ("disputed", 1, "sources", 0),
    ]
    assert list(iter_citations(EVENT)) == [cite for _, cite in at]


def test_quotes_and_disputes() -> None:
    quotes = list(iter_quotes(EVENT))
    assert len(quotes) == 1 and isinstance(quotes[0], CitationDetail) and quotes[0].quote == "dijo"
    assert [(path, d.field) for path, d in iter_disputes(EVENT)] == [
        (("disputed", 0), "date"),
        (("disputed", 1), "other"),
    ]


def test_fields_use_the_yaml_names() -> None:
    from generator.content.model import Actor

    actor = Actor.model_validate(
        {
            "kind": "person",
            "name": "A",
            "summary": "S",
            "sources": ["s"],
            "roles": [{"title": "Judge", "from": "2020", "sources": ["s"]}],
        }
    )
    keys = {key for _, _, key, _ in iter_fields(actor)}
    assert ("roles", 0, "from") in keys and ("roles", 0, "start") not in keys


def test_raw_references_of_a_record_without_a_model() -> None:
    from generator.content.walk import iter_raw_refs

    data = {
        "date": "13/11/2025",
        "actors": ["alpha", 3],
        "roles": [{"organization": "land", "sources": ["one", {"source": "two"}]}],
        "parties": [{"state": "peru"}],
        "sources": "not-a-list",
    }
    assert list(iter_raw_refs(data)) == [
        (("actors", 0), "actors", "actor", "alpha"),
        (("roles", 0, "organization"), "actors", "actor", "land"),
        (("roles", 0, "sources", 0), "sources", "source", "one"),
        (("roles", 0, "sources", 1, "source"), "sources", "source", "two"),
        (("parties", 0, "state"), "actors", "state", "peru"),
    ]
