"""Golden files: the Markdown generated from tests/fixtures/small, reviewed like code.

`pytest tests/golden --update-golden` rewrites tests/golden/; never do it just to turn red green.
"""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import check, render_all

from ..conftest import FIXTURES, make_project

GOLDEN = Path(__file__).resolve().parent / "small"


def test_generated_markdown_matches_golden(tmp_path: Path, update_golden: bool) -> None:
    project = make_project(tmp_path / "p", FIXTURES / "small" / "content")
    content, problems = check(project)
    assert content is not None, problems
    files = {
        k: v
        for k, v in render_all(project, content).items()
        if k.endswith((".md", ".yml", ".xml", ".csv", ".ics", ".json", ".html"))
    }
    if update_golden:
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        for rel, text in files.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(text.encode("utf-8"))
    # Bytes, not text: the iCalendar file's CRLF line ends are part of what is checked.
    expected = {
        p.relative_to(GOLDEN).as_posix(): p.read_bytes().decode("utf-8") for p in GOLDEN.rglob("*") if p.is_file()
    }
    assert sorted(files) == sorted(expected)
    for rel in sorted(files):
        assert files[rel] == expected[rel], f"{rel} differs from tests/golden/small/{rel}"
