"""The validation driver: ids, collisions, one model per file, then the cross-record rules."""

from __future__ import annotations

from pathlib import Path

from generator.content.load import load_tree
from generator.content.validate import validate
from generator.render.i18n import SUPPORTED


def _run(project: Path, languages: frozenset[str] = SUPPORTED) -> tuple[bool, list[str]]:
    tree, problems = load_tree(project / "content")
    content, found = validate(tree, languages)
    return content is not None, [p.text() for p in problems + found]


def test_clean_fixture_gives_content_and_no_problem(small_project: Path) -> None:
    assert _run(small_project) == (True, [])


def test_bad_file_name_and_colliding_ids(small_project: Path) -> None:
    events = small_project / "content" / "events"
    (events / "Bad_Name.yml").write_text((events / "2022-12-07-attempt.yml").read_text(), encoding="utf-8")
    ok, problems = _run(small_project)
    assert not ok
    assert any("Bad_Name.yml:1:1: error: file name 'Bad_Name' is not a valid id" in p for p in problems)


def test_languages_without_interface_strings_are_refused(small_project: Path) -> None:
    ok, problems = _run(small_project, frozenset({"en"}))
    assert not ok
    assert problems == [
        "content/site.yml:3:17: error: no interface strings for language 'es'; supported: en [unsupported-language]"
    ]


def test_every_record_is_checked_in_one_run(small_project: Path) -> None:
    events = small_project / "content" / "events"
    for name in ("2022-12-07-attempt.yml", "2025-11-03-asylum.yml"):
        path = events / name
        path.write_text(path.read_text(encoding="utf-8").replace("date:", "dat:", 1), encoding="utf-8")
    ok, problems = _run(small_project)
    assert not ok
    assert sum("unknown field 'dat'" in p for p in problems) == 2
