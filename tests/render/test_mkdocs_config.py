"""Per-language configs inherit mkdocs.yml and set language, search stemmer, navigation and the switch."""

from pathlib import Path

import yaml

from generator.pipeline import check
from generator.render.mkdocs_config import edition_config


def test_edition_config(small_project: Path) -> None:
    content, _ = check(small_project)
    assert content is not None
    es = yaml.safe_load(edition_config(content, "es"))
    assert es["INHERIT"] == "../mkdocs.yml"
    assert es["theme"]["language"] == "es" and es["plugins"] == [{"search": {"lang": "es"}}, "explainer"]
    assert es["site_url"] == "https://example.org/fixture/es/" and es["site_dir"] == "../site/es"
    assert [a["link"] for a in es["extra"]["alternate"]] == ["../", "./"]
    assert es["nav"][-1] == {"Acerca de": "about.md"}
    en = yaml.safe_load(edition_config(content, "en"))
    assert en["site_dir"] == "../site" and [a["link"] for a in en["extra"]["alternate"]] == ["./", "es/"]


def test_edition_extensions_match_mkdocs_yml(small_project: Path) -> None:
    """The per-language list repeats mkdocs.yml's extensions (INHERIT replaces lists), localizing only the permalink."""
    from generator.render.mkdocs_config import markdown_extensions

    base = yaml.safe_load((small_project / "mkdocs.yml").read_text())["markdown_extensions"]
    names = [e if isinstance(e, str) else next(iter(e)) for e in base]
    ours = [e if isinstance(e, str) else next(iter(e)) for e in markdown_extensions("es")]
    assert ours == names
    assert markdown_extensions("es")[-1] == {"toc": {"permalink": True, "permalink_title": "Enlace permanente"}}


def test_every_nav_entry_has_its_pages_title(small_project: Path) -> None:
    """Explicit titles: a dirty rebuild, which skips reading pages, still names every section."""
    from generator.pipeline import render_all

    content, _ = check(small_project)
    assert content is not None
    files = render_all(small_project, content)
    for lang in ("en", "es"):
        for entry in yaml.safe_load(files[f"mkdocs.{lang}.yml"])["nav"]:
            ((title, path),) = entry.items()
            front = yaml.safe_load(files[f"{lang}/{path}"].split("---")[1])
            assert title == front["title"]
