"""Per-language configs inherit mkdocs.yml and set language, search stemmer, navigation and the switch."""

from pathlib import Path

import yaml

from generator.build import check
from generator.configs import edition_config


def test_edition_config(small_project: Path) -> None:
    content, _ = check(small_project)
    assert content is not None
    es = yaml.safe_load(edition_config(content, "es"))
    assert es["INHERIT"] == "../mkdocs.yml"
    assert es["theme"]["language"] == "es" and es["plugins"] == [{"search": {"lang": "es"}}]
    assert es["site_url"] == "https://example.org/fixture/es/" and es["site_dir"] == "../site/es"
    assert [a["link"] for a in es["extra"]["alternate"]] == ["../", "./"]
    assert es["nav"][-1] == "about.md"
    en = yaml.safe_load(edition_config(content, "en"))
    assert en["site_dir"] == "../site" and [a["link"] for a in en["extra"]["alternate"]] == ["./", "es/"]
