"""The YAML reader: positions, YAML 1.2 scalars, and every hostile input turned into one clear problem."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.content.load import load_tree
from generator.content.syntax import has_markup
from generator.content.yaml_reader import MAX_DEPTH, iter_strings, parse_text


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
        (
            "a: [1, 2\n",
            "f.yml:1:4: error: this '[' is never closed (YAML gave up at line 2, column 1, the end of the file):"
            " end the list with ']' [yaml-syntax]",
        ),
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


@given(st.text(max_size=300))
def test_any_text_gives_a_tree_or_problems_never_an_exception(text: str) -> None:
    doc, problems = parse_text(text, "f.yml")
    assert (doc is None) == bool(problems)
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1


def test_marked_strings_noted_while_parsing_equal_a_full_walk() -> None:
    """The parser notes strings holding "[", "]" or "<"; the checks and back-links read only those."""

    from ..conftest import ROOT

    tree, _ = load_tree(ROOT / "content")
    docs = [doc for docs in tree.docs.values() for doc in docs]
    assert sum(len(doc.marked or []) for doc in docs) > 100  # the real content links a lot
    for doc in docs:
        assert doc.marked == [(key, text) for key, text in iter_strings(doc.data) if has_markup(text)]
    doc, _ = parse_text('a: "x ](y)"\nb: [plain, "<b>", {c: "[[actor:z]]"}]\n', "f.yml")
    assert doc is not None
    assert doc.marked_strings() == [(("a",), "x ](y)"), (("b", 1), "<b>"), (("b", 2, "c"), "[[actor:z]]")]
