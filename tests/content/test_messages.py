"""Pydantic's errors in editors' words, at the place they wrote the value."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from generator.content.messages import describe, model_problems
from generator.content.model import Actor, Event, Source
from generator.content.yaml_reader import parse_text


def _problems(model: type[BaseModel], text: str) -> list[str]:
    doc, problems = parse_text(text, "content/x.yml")
    assert doc is not None and not problems
    with pytest.raises(ValidationError) as caught:
        model.model_validate(doc.data)
    return [p.text() for p in model_problems(caught.value, doc, model)]


def test_unknown_field_points_at_the_key_with_a_suggestion() -> None:
    assert _problems(Event, 'date: "2025"\ntitle: t\nsumary: s\nsources: [a]\n') == [
        "content/x.yml:1:1: error: missing required field 'summary' [missing-field]",
        "content/x.yml:3:1: error: unknown field 'sumary' (did you mean 'summary'?) [unknown-field]",
    ]


def test_bad_choice_and_bad_date() -> None:
    problems = _problems(
        Actor, "kind: persn\nname: A\nsummary: S\nsources: [a]\nroles: [{title: T, from: 2025-13-01, sources: [a]}]\n"
    )
    assert problems[0] == (
        "content/x.yml:1:7: error: expected one of person, state, government-body, legislature, court, "
        "organization, party but found 'persn' (did you mean 'person'?) [bad-choice]"
    )
    assert problems[1] == "content/x.yml:5:26: error: '2025-13-01': month 13 does not exist [bad-value]"
    assert len(problems) == 2


def test_wrong_type_says_what_was_found() -> None:
    assert _problems(Source, "title: [a]\npublisher: P\nurl: https://x.org/\nlanguage: es\nkind: news\n") == [
        "content/x.yml:1:8: error: expected text, found a list [wrong-type]"
    ]


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (True, "'true' (true/false)"),
        (3, "the number 3"),
        ({}, "a mapping"),
        ([], "a list"),
        (None, "nothing"),
        ("x", "'x'"),
    ],
)
def test_describe(value: object, said: str) -> None:
    assert describe(value) == said


def test_no_false_alarm_beside_an_error_inside_a_mapping() -> None:
    """A misspelt key in a citation, or an empty translation, is the one problem: no 'expected text' beside it."""
    cite = 'date: "2025"\ntitle: t\nsummary: s\nsources:\n  - source: a\n    translaton: {en: x}\n'
    assert _problems(Event, cite) == [
        "content/x.yml:6:5: error: unknown field 'translaton' (did you mean 'translation'?) [unknown-field]",
    ]
    empty = 'date: "2025"\ntitle: {en: t, es: ""}\nsummary: s\nsources: [a]\n'
    assert _problems(Event, empty) == [
        "content/x.yml:2:20: error: the 'es' text is empty: write it, or leave 'es:' out until it is translated"
        " [empty]",
    ]
