"""`explainer new` writes files that validate, never overwrites, and asks only in a terminal."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.cli import main
from generator.content.load import load_file
from generator.editing.new import ScaffoldUsageError, make_id, scaffold, slugify

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the real content/ (and the committed schemas)."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    return tmp_path


@pytest.fixture
def source_id(project: Path) -> str:
    return min(p.stem for p in (project / "content" / "sources").glob("*.yml"))


def _new(project: Path, *args: str) -> int:
    return main(["--project", str(project), "new", *args])


def test_slugs_and_ids() -> None:
    assert slugify("José Jerí Oré") == "jose-jeri-ore"
    assert slugify("Peru's Congress — «votes»!") == "perus-congress-votes"
    assert len(slugify("word " * 40)) <= 60
    assert make_id("event", {"date": "2025-11-06", "title": "Congress votes"}) == "2025-11-06-congress-votes"
    assert make_id("source", {"publisher": "El País", "published": "2025-11-06", "title": "x"}) == "el-pais-2025-11-06"
    assert make_id("question", {"question": "Why did Peru break relations?"}) == "why-did-peru-break-relations"


def test_every_kind_scaffolds_into_valid_content(
    project: Path, source_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    calls = {
        "event": ["--date", "2025-11-07", "--title", "Test event", "--summary", "Something happened."],
        "actor": ["--name", "Ana Prueba", "--kind", "person", "--summary", "A person in a test."],
        "source": [
            "--url",
            "https://example.org/a",
            "--title",
            "Un título",
            "--publisher",
            "Diario de Prueba",
            "--published",
            "2025-11-07",
            "--language",
            "es",
            "--kind",
            "news",
        ],
        "legal": ["--title", "Test Convention 1900", "--kind", "treaty", "--summary", "A treaty for tests."],
        "question": ["--question", "Is this a test?", "--answer", "Yes."],
    }
    expected = {
        "event": "content/events/2025-11-07-test-event.yml",
        "actor": "content/actors/ana-prueba.yml",
        "source": "content/sources/diario-de-prueba-2025-11-07.yml",
        "legal": "content/legal/test-convention-1900.yml",
        "question": "content/questions/is-this-a-test.yml",
    }
    for kind, args in calls.items():
        cite = [] if kind == "source" else ["--source", source_id]
        assert _new(project, kind, *args, *cite) == 0
        assert capsys.readouterr().out == expected[kind] + "\n"
        path = project / expected[kind]
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"
        doc, problems = load_file(path, expected[kind])
        assert doc is not None, problems
        schema = json.loads((project / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert list(Draft202012Validator(schema).iter_errors(doc.data)) == []
    assert main(["--project", str(project), "validate"]) == 0
    out = capsys.readouterr().out
    event = (project / expected["event"]).read_text(encoding="utf-8").splitlines()
    line = event.index("title:") + 2  # the `en:` line under `title:`, 1-based
    assert f"{expected['event']}:{line}:3: warning: text has no 'es' version [missing-translation]" in out


def test_optional_fields_are_commented_with_their_description(project: Path, source_id: str) -> None:
    assert _new(project, "event", "--date", "2025-11", "--title", "T", "--summary", "S", "--source", source_id) == 0
    text = (project / "content/events/2025-11-t.yml").read_text(encoding="utf-8")
    assert "# actors: []  # Ids of actors involved.\n" in text
    assert "# key: false  # A key moment" in text
    assert f"sources:\n  - {source_id}\n" in text


def test_refuses_to_overwrite(project: Path, source_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["event", "--date", "2025-11-07", "--title", "Twice", "--summary", "S", "--source", source_id]
    assert _new(project, *args) == 0
    path = project / "content/events/2025-11-07-twice.yml"
    before = path.read_bytes()
    capsys.readouterr()
    assert _new(project, *[*args[:-3], "Changed", "--source", source_id]) == 1
    err = capsys.readouterr().err
    assert (
        err
        == "explainer new event: error: content/events/2025-11-07-twice.yml already exists; edit it, or choose another id with --id\n"
    )
    assert path.read_bytes() == before


def test_unknown_source_and_bad_values(project: Path, source_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        _new(project, "event", "--date", "2025-11-07", "--title", "T", "--summary", "S", "--source", source_id + "x")
        == 1
    )
    assert f"did you mean '{source_id}'" in capsys.readouterr().err
    assert _new(project, "event", "--date", "2025-02-30", "--title", "T", "--summary", "S", "--source", source_id) == 2
    assert "--date: '2025-02-30': day 30 does not exist in 2025-02" in capsys.readouterr().err
    assert _new(project, "actor", "--name", "Ω", "--kind", "person", "--summary", "S", "--source", source_id) == 2
    assert "--id" in capsys.readouterr().err
    assert not list((project / "content/events").glob("2025-11-07-t.yml"))


def test_missing_option_without_a_terminal_is_a_usage_error(project: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "--project", str(project), "new", "event", "--date", "2025-11-07"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr == "explainer new event: error: --title is required (or run in a terminal to be asked)\n"


def test_prompts_for_what_is_missing(project: Path, source_id: str) -> None:
    answers = iter(["Asked title", "Asked summary", source_id])
    questions: list[str] = []

    def ask(prompt: str) -> str:
        questions.append(prompt)
        return next(answers)

    path = scaffold(project, "event", {"date": "2025-11-09"}, [], ask=ask)
    assert path == project / "content/events/2025-11-09-asked-title.yml"
    assert questions[0] == "Short headline: "
    with pytest.raises(ScaffoldUsageError):
        scaffold(project, "event", {"date": "2025-11-09"}, [source_id], ask=None)


def test_an_invalid_answer_is_asked_again_with_the_expected_form(project: Path, source_id: str) -> None:
    """`13/11/2025` is refused when typed, not after every other question (nothing typed is lost)."""
    answers = iter(["13/11/2025", "2025-11-13", "Asked title", "Asked summary", source_id + "x", source_id])
    questions: list[str] = []

    def ask(prompt: str) -> str:
        questions.append(prompt)
        return next(answers)

    path = scaffold(project, "event", {}, [], ask=ask)
    assert path == project / "content/events/2025-11-13-asked-title.yml"
    assert questions[1] == (
        "'13/11/2025' is not a date: expected YYYY-MM-DD, YYYY-MM or YYYY; try again.\n"
        "Date (YYYY-MM-DD, YYYY-MM or YYYY): "
    )
    assert questions[-1].startswith(f"source '{source_id}x' does not exist in content/sources/ (did you mean")


def test_bad_option_is_named_with_the_expected_form(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["source", "--url", "https://example.org/new", "--title", "T", "--publisher", "P"]
    assert _new(project, *args, "--language", "spanish", "--kind", "news") == 2
    assert capsys.readouterr().err == (
        "explainer new source: error: --language: 'spanish' is not a language code such as 'en' or 'es'\n"
    )


def test_a_source_whose_address_exists_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = min((project / "content" / "sources").glob("*.yml"))
    url = load_file(path, path.name)[0].data["url"]  # type: ignore[union-attr]
    args = ["source", "--url", url + "/", "--title", "T", "--publisher", "P", "--language", "es", "--kind", "news"]
    assert _new(project, *args) == 1
    assert capsys.readouterr().err == (
        f"explainer new source: error: content/sources/{path.stem}.yml already has this address:"
        f" cite it as '{path.stem}' instead of adding the source again\n"
    )
