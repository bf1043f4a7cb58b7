"""The command line: exit codes, help texts, i18n coverage; no traceback for user errors, one for bugs."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cli
from generator.cli import COMMANDS, main
from generator.problems import RefusedError, UsageError


@pytest.mark.parametrize("command", ["validate", "generate", "build", "serve", "i18n"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    assert "usage: explainer" in capsys.readouterr().out


def test_generate_writes_both_editions(small_project: Path) -> None:
    assert main(["--project", str(small_project), "generate"]) == 0
    assert (small_project / "generated" / "en" / "index.md").exists()
    assert (small_project / "generated" / "es" / "index.md").exists()
    assert (small_project / "generated" / "mkdocs.es.yml").exists()


def test_i18n_report_and_strict(small_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(small_project), "i18n", "--strict"]) == 0
    assert "0 text(s) missing a translation." in capsys.readouterr().out
    event = small_project / "content" / "events" / "2025-11.yml"
    event.write_text('date: "2025-11"\ntitle: "Only English"\nsummary: {en: "x", es: "y"}\nsources: [news-two]\n')
    assert main(["--project", str(small_project), "i18n", "--strict"]) == 1
    out = capsys.readouterr().out
    assert "content/events/2025-11.yml: 1 of 2 texts missing a language" in out


def test_content_errors_never_print_a_traceback(small_project: Path) -> None:
    (small_project / "content" / "events" / "2025-11.yml").write_text("date: [\n")
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "--project", str(small_project), "build"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.stdout.startswith("content/events/2025-11.yml:1:7: error: this '[' is never closed")
    assert not (small_project / "site").exists()


def test_every_command_has_a_handler() -> None:
    parser = cli._parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == set(COMMANDS)


def test_serve_with_an_unknown_language_is_a_usage_error(
    small_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Checked before anything is written or MkDocs starts: one line, exit 2 (it used to print nothing, exit 1)."""
    assert main(["--project", str(small_project), "serve", "--lang", "xx"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "explainer: error: --lang 'xx' is not a language of the site; expected one of: en, es\n"
    assert not (small_project / "generated").exists()


@pytest.mark.parametrize(("error", "status"), [(UsageError("bad option"), 2), (RefusedError("bad option"), 1)])
def test_user_errors_print_one_line_and_exit_with_their_status(
    error: Exception,
    status: int,
    small_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def fail(args: argparse.Namespace, project: Path) -> int:
        raise error

    monkeypatch.setitem(COMMANDS, "validate", fail)
    monkeypatch.setitem(COMMANDS, "rename", fail)
    assert main(["--project", str(small_project), "validate"]) == status
    assert capsys.readouterr().err == "explainer: error: bad option\n"
    assert main(["--project", str(small_project), "rename", "actor", "a", "b"]) == status
    assert capsys.readouterr().err == "explainer rename: error: bad option\n"


def test_anything_else_is_a_bug_and_keeps_its_traceback(small_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(args: argparse.Namespace, project: Path) -> int:
        raise KeyError("a bug")

    monkeypatch.setitem(COMMANDS, "validate", fail)
    with pytest.raises(KeyError, match="a bug"):
        main(["--project", str(small_project), "validate"])
