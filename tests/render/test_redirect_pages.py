"""Renamed records leave a static redirect page per edition, worded in its language."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.render.redirect_pages import redirect_html, redirect_pages

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def _actor(project: Path) -> str:
    return min(p.stem for p in (project / "content/actors").glob("*.yml"))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_no_file_means_no_redirect_pages(project: Path) -> None:
    assert redirect_pages(project, ["en", "es"]) == {}


def test_redirect_pages_per_language(project: Path) -> None:
    actor = _actor(project)
    (project / "content/redirects.yml").write_text(f"actors/old-name.md: actors/{actor}.md\n", encoding="utf-8")
    pages = redirect_pages(project, ["en", "es"], site_url="https://example.org/site")
    assert sorted(pages) == ["en/actors/old-name/index.html", "es/actors/old-name/index.html"]
    parser = _Tags()
    parser.feed(pages["es/actors/old-name/index.html"])
    tags = {t: a for t, a in parser.tags if t in {"html", "link", "a"}}
    refresh = next(a for t, a in parser.tags if t == "meta" and a.get("http-equiv") == "refresh")
    assert refresh["content"] == f"0; url=../{actor}/"
    assert tags["link"] == {"rel": "canonical", "href": f"https://example.org/site/es/actors/{actor}/"}
    assert tags["a"] == {"href": f"../{actor}/"}
    assert tags["html"] == {"lang": "es"}
    assert "Esta página se ha trasladado" in pages["es/actors/old-name/index.html"]
    en = pages["en/actors/old-name/index.html"]
    assert f'href="https://example.org/site/actors/{actor}/"' in en


@pytest.mark.parametrize(
    ("lang", "title", "moved"),
    [
        ("en", "Page moved", "This page has moved to"),
        ("es", "Página trasladada", "Esta página se ha trasladado a"),
        ("pt", "Página movida", "Esta página foi movida para"),
        ("xx", "Page moved", "This page has moved to"),
    ],
)
def test_wording_comes_from_the_locale(lang: str, title: str, moved: str) -> None:
    page = redirect_html("about.md", "index.md", lang, "")
    assert f"<title>{title}</title>" in page
    assert f'<p>{moved} <a href="../">../</a>.</p>' in page
    assert f'<html lang="{lang}">' in page
    assert "canonical" not in page


def test_redirect_links_are_relative_directory_urls() -> None:
    assert 'url=../new/"' in redirect_html("actors/old.md", "actors/new.md", "en", "")
    assert 'url=../../"' in redirect_html("actors/old.md", "index.md", "en", "")
    assert 'url=../actors/new/"' in redirect_html("about.md", "actors/new.md", "es", "https://x.org/es/")
    assert 'href="https://x.org/es/actors/new/"' in redirect_html(
        "about.md", "actors/new.md", "es", "https://x.org/es/"
    )
