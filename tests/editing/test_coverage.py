"""Translation coverage counts texts and quotes per file."""

from pathlib import Path

from generator.editing.coverage import coverage_report


def test_coverage_of_fixture(small_project: Path) -> None:
    text, missing = coverage_report(small_project)
    assert missing == 0
    assert "events" in text and "100.0%" in text
