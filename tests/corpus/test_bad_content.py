"""The bad-content corpus: each case's exact `explainer validate` output and exit code, and nothing written.

Each case under tests/fixtures/bad/<case>/ is the small fixture with `overlay/` files copied over it and the
files in `delete.txt` removed; `expected.txt` holds the exact stdout followed by `exit N`.
Run `pytest --update-golden` to rewrite expected.txt files, then review the diff like code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main

from ..conftest import FIXTURES, make_project

CASES = sorted(p.name for p in (FIXTURES / "bad").iterdir() if p.is_dir())


def _apply(case: Path, project: Path) -> None:
    overlay = case / "overlay"
    if overlay.is_dir():
        shutil.copytree(overlay, project / "content", dirs_exist_ok=True)
    delete = case / "delete.txt"
    if delete.exists():
        for rel in delete.read_text().split():
            (project / "content" / rel).unlink()


@pytest.mark.parametrize("name", CASES)
def test_bad_content_case(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], update_golden: bool) -> None:
    case = FIXTURES / "bad" / name
    project = make_project(tmp_path / "p", FIXTURES / "small" / "content")
    _apply(case, project)
    code = main(["--project", str(project), "validate"])
    out = capsys.readouterr().out
    actual = out + f"exit {code}\n"
    expected_file = case / "expected.txt"
    if update_golden:
        expected_file.write_text(actual)
    assert actual == expected_file.read_text()
    assert "Traceback" not in out
    # Nothing is written when content has errors.
    if code == 1:
        assert main(["--project", str(project), "generate"]) == 1
        assert not (project / "generated").exists()


def test_clean_fixture_validates(small_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(small_project), "validate"]) == 0
    assert capsys.readouterr().out == ""


def test_formats(small_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _apply(FIXTURES / "bad" / "unknown-field", small_project)
    assert main(["--project", str(small_project), "validate", "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert (
        "::error file=content/events/2025-11-03-asylum.yml,line=1,col=1,title=unknown-field::unknown field 'dat' (did you mean 'date'?)\n"
        in out
    )
    assert main(["--project", str(small_project), "validate", "--format", "json"]) == 1
    import json

    rows = json.loads(capsys.readouterr().out)
    assert {
        "path": "content/events/2025-11-03-asylum.yml",
        "line": 1,
        "column": 1,
        "severity": "error",
        "code": "unknown-field",
        "message": "unknown field 'dat' (did you mean 'date'?)",
    } in rows


def test_strict_turns_warnings_into_failure(small_project: Path) -> None:
    _apply(FIXTURES / "bad" / "missing-translation", small_project)
    assert main(["--project", str(small_project), "validate"]) == 0
    assert main(["--project", str(small_project), "validate", "--strict"]) == 1


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(tmp_path), "validate"]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2
