"""Translation coverage counts texts and quotes per file."""

from pathlib import Path

from generator.editing.coverage import coverage_report


def test_coverage_of_fixture(small_project: Path) -> None:
    text, missing = coverage_report(small_project)
    assert missing == 0
    assert "events" in text and "100.0%" in text


def test_locators_are_counted_as_reader_visible_text(small_project: Path) -> None:
    """A citation's locator is printed in every footnote, so it needs every language like any other text."""
    event = small_project / "content" / "events" / "2025-11.yml"
    event.write_text(
        event.read_text(encoding="utf-8").replace(
            "sources: [news-two]", "sources:\n  - {source: news-two, locator: 'page two'}"
        ),
        encoding="utf-8",
    )
    text, missing = coverage_report(small_project)
    assert missing == 1
    assert "content/events/2025-11.yml: 1 of" in text
