"""YAML mistakes editors make, each named where it started, with the fix, by both PyYAML parsers."""

from __future__ import annotations

import pytest
import yaml

from generator.content.yaml_errors import explain

CASES = {
    "colon in a text": (
        "summary:\n  es: El Senado afirmó: que no\n",
        (
            2,
            7,
            "the text holds ': ' (column 23), which YAML reads as a new field:"
            ' put the text in double quotes (es: "El Senado afirmó: que no")',
        ),
    ),
    "colon in a flow mapping": (
        "summary: {en: x, es: El Senado afirmó: no}\n",
        (1, 10, "the text holds ': ' (column 38), which YAML reads as a new field: put the text in double quotes"),
    ),
    "double quotes inside double quotes": (
        'title:\n  en: "He said "no" today"\n',
        (
            2,
            7,
            "a double quote inside a text in double quotes ends it: quote inside with «…» or single quotes"
            ' (for example "He said «no»"), or put the whole text in single quotes',
        ),
    ),
    "apostrophe inside single quotes": (
        "title:\n  en: 'Peru's embassy'\n  es: x\n",
        (
            2,
            7,
            "an apostrophe inside a text in single quotes ends it: put the text in double quotes"
            " (for example \"the council's decision\"), or write the apostrophe twice ('the council''s decision')",
        ),
    ),
    "unclosed bracket": (
        'date: "2025"\nactors: [a, b\nsources: [x]\n',
        (2, 9, "this '[' is never closed (YAML gave up at line 3, column 8): end the list with ']'"),
    ),
    "quote left open on a line": (
        'summary:\n  en: "Talks went on.\n  es: "Siguieron."\n',
        (
            2,
            7,
            'this " opens a text that is not closed on its line, so YAML read on to line 3: end the text with "',
        ),
    ),
    "bracket left open at the end of the file": (
        'title: "[a]" # [\ndate: [\n',
        (
            2,
            7,
            "this '[' is never closed (YAML gave up at line 3, column 1, the end of the file): end the list with ']'",
        ),
    ),
    "unclosed brace": (
        'title: {en: "x"\nsummary: y\n',
        (1, 8, "this '{' is never closed (YAML gave up at line 2, column 1): end the mapping with '}'"),
    ),
    "unclosed quote": (
        'title: "abc\nsummary: y\n',
        (
            1,
            8,
            'this " opens a text that is never closed (YAML gave up at line 3, column 1, the end of the file):'
            ' end the text with "',
        ),
    ),
    "field indented too far": (
        "title:\n  en: x\n   es: y\n",
        (
            3,
            4,
            "line 3 is indented 3 spaces, more than the field on line 2 (2 spaces), so YAML reads 'es:' as more"
            " of that line's text: indent it with 2 spaces like its neighbour, or quote the text if the colon belongs"
            " to it",
        ),
    ),
    "field indented too little": (
        "title:\n    en: x\n  es: y\n",
        (
            3,
            3,
            "line 3 is indented 2 spaces, which lines up with no field above it (the field on line 2 is indented"
            " 4 spaces): indent fields of the same record or list item alike, with spaces",
        ),
    ),
    "list item field misaligned": (
        "roles:\n  - title: x\n   organization: y\n",
        (
            3,
            4,
            "line 3 is indented 3 spaces, which lines up with no field above it (the field on line 2 is indented"
            " 4 spaces): indent fields of the same record or list item alike, with spaces",
        ),
    ),
}


def _error(text: str, loader: type) -> yaml.MarkedYAMLError:
    parser = loader(text)
    try:
        while parser.check_event():
            parser.get_event()
    except yaml.MarkedYAMLError as exc:
        return exc
    finally:
        parser.dispose()
    raise AssertionError("the text parsed")


LOADERS = [yaml.SafeLoader, *([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])]


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
@pytest.mark.parametrize("case", sorted(CASES))
def test_mistake_is_explained(case: str, loader: type) -> None:
    text, (line, col, message) = CASES[case]
    explained = explain(_error(text, loader), text)
    assert explained is not None
    assert (explained.line, explained.col, explained.message) == (line, col, message)


def test_other_errors_are_left_to_the_parser() -> None:
    assert explain(_error("a:\n\t- b\n", yaml.SafeLoader), "a:\n\t- b\n") is None
