"""The theme folder: the tool's Material overrides, with the project's laid over them."""

from __future__ import annotations

from pathlib import Path

from generator.render.theme import theme_files


def test_the_tool_ships_its_theme(tmp_path: Path) -> None:
    files = theme_files(None)
    assert {"theme/main.html", "theme/404.html", "theme/sitemap.xml", "theme/partials/alternate.html"} <= set(files)
    assert '{% extends "base.html" %}' in files["theme/main.html"]
    assert theme_files(tmp_path) == files  # a project without overrides/ gets the tool's theme as it is


def test_project_overrides_replace_and_add_but_page_templates_stay_out(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    (overrides / "generator").mkdir()
    (overrides / "main.html").write_text("{# ours #}", encoding="utf-8")
    (overrides / "partials" / "extra.html").write_text("extra", encoding="utf-8")
    (overrides / "generator" / "event.md.j2").write_text("page template", encoding="utf-8")
    (overrides / "README.md").write_text("notes", encoding="utf-8")
    files = theme_files(tmp_path)
    assert files["theme/main.html"] == "{# ours #}"
    assert files["theme/partials/extra.html"] == "extra"
    assert "theme/404.html" in files
    assert not any("generator" in path or path.endswith("README.md") for path in files)
    assert list(files) == sorted(files)
