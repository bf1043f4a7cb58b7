"""The content folder reader: limits, encoding, symbolic links, unexpected files, parallel parsing."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content import load
from generator.content.load import MAX_FILE_BYTES, load_file, load_tree


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yml"
    big.write_bytes(b"a: " + b"x" * MAX_FILE_BYTES + b"\n")
    _, problems = load_file(big, "big.yml")
    assert problems[0].code == "file-too-large"


def test_symlinks_in_content_are_refused(small_project: Path) -> None:
    link = small_project / "content" / "events" / "2030-01-01-link.yml"
    link.symlink_to("/etc/passwd")
    _, problems = load_tree(small_project / "content")
    assert [p.text() for p in problems] == [
        "content/events/2030-01-01-link.yml:1:1: error: symbolic links are not allowed in content/; copy the file instead [symlink]"
    ]


def test_unexpected_files_are_named(small_project: Path) -> None:
    (small_project / "content" / "events" / "x.yaml").write_text("a: 1\n")
    (small_project / "content" / "notes.txt").write_text("hi\n")
    _, problems = load_tree(small_project / "content")
    assert [p.code for p in problems] == ["unexpected-file", "unexpected-file"]


def test_parallel_load_equals_serial(small_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forked workers parse shares of the files; the tree and its problems come back in the same order."""
    events = small_project / "content" / "events"
    (events / "2030-01-01-broken.yml").write_text("date: [unclosed\n")
    (events / "2030-01-02-dup.yml").write_text("a: 1\na: 2\n")
    monkeypatch.setenv("EXPLAINER_JOBS", "1")
    serial, serial_problems = load_tree(small_project / "content")
    monkeypatch.setenv("EXPLAINER_JOBS", "3")
    monkeypatch.setattr(load, "_CACHE", {})  # the workers must parse, not reuse the serial run's results
    parallel, parallel_problems = load_tree(small_project / "content", parallel=True)
    assert parallel_problems == serial_problems
    assert {p.code for p in parallel_problems} >= {"yaml-syntax", "duplicate-key"}
    assert parallel == serial


@pytest.mark.parametrize("files", [0, 1, 2])
def test_parallel_load_of_fewer_files_than_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: int) -> None:
    monkeypatch.setenv("EXPLAINER_JOBS", "4")
    paths = []
    for i in range(files):
        (tmp_path / f"{i}.yml").write_text(f"n: {i}\n")
        paths.append((tmp_path / f"{i}.yml", f"{i}.yml"))
    assert [doc.data if doc else None for doc, _ in load.load_files(paths, parallel=True)] == [
        {"n": i} for i in range(files)
    ]


def test_encoding_problems(tmp_path: Path) -> None:
    bom = tmp_path / "bom.yml"
    bom.write_bytes(b"\xef\xbb\xbftitle: ok\n")
    doc, problems = load_file(bom, "bom.yml")
    assert doc is not None and doc.data == {"title": "ok"} and not problems
    bad = tmp_path / "bad.yml"
    bad.write_bytes(b"title: ok\nname: caf\xe9\n")
    _, problems = load_file(bad, "bad.yml")
    assert [p.text() for p in problems] == [
        "bad.yml:2:10: error: file is not valid UTF-8 (byte 0xe9); save it as UTF-8 [encoding]"
    ]
    nul = tmp_path / "nul.yml"
    nul.write_bytes(b"a: \x00\n")
    _, problems = load_file(nul, "nul.yml")
    assert problems[0].code == "encoding"


def test_words_of_files_that_fail_to_parse(small_project: Path) -> None:
    """What a broken file names is kept, so the sources it cites are not reported unused."""
    (small_project / "content" / "events" / "2025-11.yml").write_text("sources: [news-two, news-three\n")
    tree, problems = load_tree(small_project / "content")
    assert [p.code for p in problems] == ["yaml-syntax"]
    assert {"news-two", "news-three"} <= tree.unread
