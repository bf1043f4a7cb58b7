"""The hardened loader: positions, YAML 1.2 scalars, and every hostile input turned into one clear problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.content import load
from generator.content.load import MAX_DEPTH, MAX_FILE_BYTES, load_file, load_tree, parse_text


def one(text: str) -> str:
    doc, problems = parse_text(text, "f.yml")
    assert doc is None
    assert len(problems) == 1
    return problems[0].text()


def test_positions_of_values_and_keys() -> None:
    doc, problems = parse_text("title: x\nroles:\n  - title: y\n    from: '2022'\n", "f.yml")
    assert not problems and doc is not None
    assert doc.pos(("title",)) == (1, 8)
    assert doc.pos(("roles", 0, "from")) == (4, 11)
    assert doc.key_pos(("roles", 0, "from")) == (4, 5)


def test_dates_stay_strings_and_yaml11_booleans_are_words() -> None:
    doc, _ = parse_text("a: 2025-11-06\nb: 2025-11\nc: no\nd: true\ne: 63\nf: ~\n", "f.yml")
    assert doc is not None
    assert doc.data == {"a": "2025-11-06", "b": "2025-11", "c": "no", "d": True, "e": 63, "f": None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\na: 2\n", "f.yml:2:1: error: duplicate key 'a' (first written at line 1) [duplicate-key]"),
        (
            "a: &x 1\nb: *x\n",
            "f.yml:1:4: error: anchors (&x) are not allowed in content; write the value out [yaml-anchor]",
        ),
        (
            "a: !!python/object:os.system x\n",
            "f.yml:1:4: error: YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed in content [yaml-tag]",
        ),
        (
            "a: {b: 1}\nc:\n  <<: {b: 2}\n",
            "f.yml:3:3: error: merge keys ('<<') are not allowed in content; write the fields out [yaml-merge]",
        ),
        (
            "a: 1\n---\nb: 2\n",
            "f.yml:2:1: error: a content file holds one document; remove the extra '---' [multiple-documents]",
        ),
        (
            "a:\n\t- b\n",
            "f.yml:2:1: error: YAML syntax error: found character that cannot start any token (a tab: indent with spaces) [yaml-syntax]",
        ),
        ("a: [1, 2\n", "f.yml:2:1: error: YAML syntax error: did not find expected ',' or ']' [yaml-syntax]"),
        (
            "a: *nothing\n",
            "f.yml:1:4: error: aliases (*nothing) are not allowed in content; write the value out [yaml-alias]",
        ),
    ],
)
def test_hostile_yaml_is_one_clear_problem(text: str, expected: str) -> None:
    assert one(text) == expected


def test_billion_laughs_is_refused_without_expanding() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    assert "[yaml-anchor]" in one("\n".join(lines) + "\n")


def test_deep_nesting_is_refused() -> None:
    text = "a: " + "[" * 30 + "]" * 30 + "\n"
    assert one(text) == f"f.yml:1:{3 + MAX_DEPTH}: error: nesting deeper than {MAX_DEPTH} levels [too-deep]"
    block = "".join(" " * i + f"k{i}:\n" for i in range(40)) + " " * 40 + "x: 1\n"
    assert "[too-deep]" in one(block)
    # libyaml's own limit answers first for absurd flow nesting; still one clear problem, no crash.
    assert "nesting depth" in one("a: " + "[" * 5000 + "]" * 5000 + "\n")


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


@given(st.text(max_size=300))
def test_any_text_gives_a_tree_or_problems_never_an_exception(text: str) -> None:
    doc, problems = parse_text(text, "f.yml")
    assert (doc is None) == bool(problems)
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1


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


def test_marked_strings_noted_while_parsing_equal_a_full_walk() -> None:
    """The parser notes strings holding "[", "]" or "<"; the checks and back-links read only those."""
    from generator.content.load import has_markup, iter_strings

    from ..conftest import ROOT

    tree, _ = load_tree(ROOT / "content")
    docs = [doc for docs in tree.docs.values() for doc in docs]
    assert sum(len(doc.marked or []) for doc in docs) > 100  # the real content links a lot
    for doc in docs:
        assert doc.marked == [(key, text) for key, text in iter_strings(doc.data) if has_markup(text)]
    doc, _ = parse_text('a: "x ](y)"\nb: [plain, "<b>", {c: "[[actor:z]]"}]\n', "f.yml")
    assert doc is not None
    assert doc.marked_strings() == [(("a",), "x ](y)"), (("b", 1), "<b>"), (("b", 2, "c"), "[[actor:z]]")]
