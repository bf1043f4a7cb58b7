"""The command line: exit codes, help texts, i18n coverage; no traceback for content problems."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main


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
    assert proc.stdout.startswith("content/events/2025-11.yml:2:1: error: YAML syntax error")
    assert not (small_project / "site").exists()
