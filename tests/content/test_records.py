"""The validated content types: what every later stage reads."""

from __future__ import annotations

from pathlib import Path

from generator.content.load import load_tree
from generator.content.records import Content, ProsePage, Record
from generator.content.validate import validate
from generator.render.i18n import SUPPORTED

from ..conftest import FIXTURES


def _content() -> Content:
    tree, problems = load_tree(FIXTURES / "small" / "content")
    content, found = validate(tree, SUPPORTED)
    assert content is not None, [p.text() for p in problems + found]
    return content


def test_languages_default_first_and_lookup_by_kind_and_id() -> None:
    content = _content()
    assert content.languages == ["en", "es"]
    record = content.records["events"]["2022-12-07-attempt"]
    assert isinstance(record, Record) and record.kind == "events" and record.id == "2022-12-07-attempt"
    assert content.get("events", "2022-12-07-attempt") is record.model
    assert record.raw.path == "content/events/2022-12-07-attempt.yml"


def test_records_in_file_order_and_known_ids_include_every_valid_file_name() -> None:
    content = _content()
    for kind, records in content.records.items():
        assert list(records) == sorted(records, key=lambda rid: f"{rid}.yml")
        assert set(records) <= content.known[kind]


def test_prose_pages_keyed_by_language() -> None:
    content = _content()
    assert content.pages
    for page in content.pages.values():
        assert isinstance(page, ProsePage)
        assert "en" in page.meta and set(page.meta) == set(page.body) == set(page.raw)
        assert all(Path(doc.path).parts[:2] == ("content", "pages") for doc in page.raw.values())
