"""content/redirects.yml is checked like content and becomes static redirect pages."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.cli import main
from generator.structure.redirects import known_pages, load_redirects, redirect_html, redirect_pages

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


def test_redirect_links_are_relative_directory_urls() -> None:
    assert 'url=../new/"' in redirect_html("actors/old.md", "actors/new.md", "en", "")
    assert 'url=../../"' in redirect_html("actors/old.md", "index.md", "en", "")
    assert 'url=../actors/new/"' in redirect_html("about.md", "actors/new.md", "es", "https://x.org/es/")
    assert 'href="https://x.org/es/actors/new/"' in redirect_html(
        "about.md", "actors/new.md", "es", "https://x.org/es/"
    )


def test_no_file_means_no_redirects(project: Path) -> None:
    assert load_redirects(project / "content") == ({}, [])
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


def test_bad_entries_are_reported_with_positions(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    actor = _actor(project)
    (project / "content/redirects.yml").write_text(
        "# comment\n"
        f"actors/gone.md: actors/{actor}.md\n"
        "actors/old.md: actors/missing.md\n"
        f"actors/{actor}.md: index.md\n"
        "../escape.md: index.md\n"
        "sources/x.md: [a]\n",
        encoding="utf-8",
    )
    found, problems = load_redirects(project / "content")
    assert found == {"actors/gone.md": f"actors/{actor}.md"}
    assert [p.text() for p in problems] == [
        "content/redirects.yml:3:16: error: redirect target 'actors/missing.md' is not a page of the site [redirect-target-missing]",
        f"content/redirects.yml:4:1: error: 'actors/{actor}.md' is an existing page; remove this redirect [redirect-shadows-page]",
        "content/redirects.yml:5:1: error: '../escape.md' is not a page path such as 'actors/jose-jeri.md' [bad-redirect]",
        "content/redirects.yml:6:15: error: redirect of 'sources/x.md' must be a page path such as 'actors/new-id.md' [bad-redirect]",
    ]
    assert main(["--project", str(project), "validate"]) == 1
    assert "[redirect-target-missing]" in capsys.readouterr().out


def test_known_pages_include_prose_and_years(project: Path) -> None:
    pages = known_pages(project / "content")
    assert {"index.md", "questions/index.md", "about.md", "chronology/index.md"} <= pages
    assert any(p.startswith("chronology/20") for p in pages)
