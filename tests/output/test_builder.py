"""The MkDocs runs: reproducible dates, failures as one-line BuildErrors (edition, cause, log), editions joined.

These run the real `mkdocs build` on tiny plain projects (the built-in `mkdocs` theme, one page each).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.output.builder import _epoch, build_editions, built_site
from generator.problems import BuildError, ExplainerError


def _edition(root: Path, lang: str, config: str = "") -> Path:
    """A minimal MkDocs project for one language: `mkdocs.<lang>.yml` and a docs folder with one page."""
    docs = root / f"docs-{lang}"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text(f"# Home ({lang})\n")
    path = root / f"mkdocs.{lang}.yml"
    path.write_text(f"site_name: Test {lang}\ndocs_dir: docs-{lang}\ntheme: mkdocs\n{config}")
    return path


def test_epoch_is_the_review_date_unless_the_caller_set_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert _epoch("2025-11-07") == str(int(dt.datetime(2025, 11, 7, tzinfo=dt.UTC).timestamp()))
    assert _epoch("2025-11") == str(int(dt.datetime(2025, 11, 1, tzinfo=dt.UTC).timestamp()))
    assert _epoch("2025") == str(int(dt.datetime(2025, 1, 1, tzinfo=dt.UTC).timestamp()))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    assert _epoch("2025-11-07") == "1234567890"


def test_a_failing_config_is_one_line_naming_the_edition_the_cause_and_the_log(tmp_path: Path) -> None:
    config = _edition(tmp_path, "en")
    config.write_text(config.read_text().replace("theme: mkdocs", "theme: no_such_theme"))
    logs = tmp_path / "logs"
    with pytest.raises(BuildError) as raised:
        build_editions([("en", config)], tmp_path / "staging", "2025-11-07", jobs=1, logs=logs)
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith("the en edition did not build (mkdocs.en.yml): ")
    assert "Unrecognised theme name: 'no_such_theme'" in message  # MkDocs' own words
    assert message.endswith(f"; full log: {logs / 'mkdocs.en.log'}")
    assert "no_such_theme" in (logs / "mkdocs.en.log").read_text()  # the whole of what MkDocs said
    assert isinstance(raised.value, ExplainerError) and raised.value.exit_code == 1


def test_a_strict_mode_warning_is_the_cause(tmp_path: Path) -> None:
    config = _edition(tmp_path, "en")
    (tmp_path / "docs-en" / "index.md").write_text("# Home\n\n[gone](missing.md)\n")
    with pytest.raises(BuildError) as raised:
        build_editions([("en", config)], tmp_path / "staging", "2025-11-07", jobs=1, logs=tmp_path / "logs")
    assert "missing.md" in str(raised.value) and "\n" not in str(raised.value)


@pytest.mark.slow
def test_editions_are_joined_under_the_default_one(tmp_path: Path) -> None:
    configs = [("en", _edition(tmp_path, "en")), ("es", _edition(tmp_path, "es"))]
    root = build_editions(configs, tmp_path / "staging", "2025-11-07", jobs=2, logs=tmp_path / "logs")
    assert root == tmp_path / "staging" / "edition-en"
    assert "Home (en)" in (root / "index.html").read_text()
    assert "Home (es)" in (root / "es" / "index.html").read_text()
    assert sorted(p.name for p in (tmp_path / "staging").iterdir()) == ["edition-en"]


@pytest.mark.slow
def test_built_site_cleans_up_and_leaves_the_swap_to_the_caller(tmp_path: Path) -> None:
    final = tmp_path / "site"
    final.mkdir()
    (final / "old.html").write_text("old")
    (tmp_path / ".site-new-killed").mkdir()  # left by a killed build
    config = _edition(tmp_path, "en")
    with built_site([("en", config)], final, "2025-11-07", jobs=1, logs=tmp_path / "logs") as site:
        assert site.parent.name.startswith(".site-new-") and (site / "index.html").exists()
        assert not (tmp_path / ".site-new-killed").exists()
    assert (final / "old.html").read_text() == "old"  # not swapped: that is the caller's commit_tree
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]
    broken = _edition(tmp_path / "broken", "en", "no_such_option: 1\n")
    with pytest.raises(BuildError), built_site([("en", broken)], final, "2025-11-07", jobs=1, logs=tmp_path / "logs"):
        pass
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]
