"""Integration: the real `mkdocs build --strict` on the fixture and on the real content; atomic and reproducible."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.pipeline import BuildError, build

from .sitecheck import broken_links, external_loads, parse, stray_escapes, unsafe_markup

pytestmark = pytest.mark.slow


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_fixture_builds_both_languages_with_working_links(small_project: Path) -> None:
    build(small_project)
    site = small_project / "site"
    for page in [
        "index.html",
        "chronology/index.html",
        "chronology/2025/index.html",
        "events/2025-11-03-asylum/index.html",
        "actors/alpha/index.html",
        "legal/example-convention/index.html",
        "sources/news-one/index.html",
        "questions/index.html",
        "disputes/index.html",
        "about/index.html",
        "search/search_index.json",
        "sitemap.xml",
    ]:
        assert (site / page).exists(), page
        if page.endswith(".html"):
            assert (site / "es" / page).exists(), f"es/{page}"
    assert parse(site / "index.html").lang == "en"
    assert parse(site / "es" / "index.html").lang == "es"
    assert broken_links(site) == []
    assert external_loads(site) == []
    assert unsafe_markup(site) == []
    event = (site / "events/2025-11-03-asylum/index.html").read_text()
    assert "Sources differ" in event and "2 November 2025" in event and "Daily One" in event
    spanish = (site / "es/events/2025-11-03-asylum/index.html").read_text()
    assert "Las fuentes difieren" in spanish and 'title="Enlace permanente"' in spanish
    assert "Permanent link" not in spanish and "Switch to" not in spanish


def test_two_builds_are_byte_identical(small_project: Path, tmp_path: Path) -> None:
    """Also when the second builds its editions side by side (two MkDocs processes)."""
    build(small_project, site_dir=tmp_path / "one")
    build(small_project, site_dir=tmp_path / "two", jobs=2)
    one, two = _tree(tmp_path / "one"), _tree(tmp_path / "two")
    assert one.keys() == two.keys()
    assert [k for k in one if one[k] != two[k]] == []


def test_failed_build_keeps_the_previous_site(small_project: Path) -> None:
    build(small_project)
    site = small_project / "site"
    before = _tree(site)
    pages = _tree(small_project / "generated")
    # A broken theme override makes MkDocs itself fail after generation succeeded.
    (small_project / "overrides" / "main.html").write_text(
        "{% extends 'base.html' %}{% block extrahead %}{{ nope( }}{% endblock %}"
    )
    (small_project / "content" / "events" / "2025-11.yml").write_text(
        'date: "2025-11"\ntitle: {en: "Changed", es: "Cambiado"}\nsummary: {en: "x", es: "y"}\nsources: [news-two]\n'
    )
    with pytest.raises(BuildError):
        build(small_project, jobs=2)  # both editions fail at once: still nothing changes
    assert _tree(site) == before
    assert _tree(small_project / "generated") == pages
    assert not [p for p in small_project.iterdir() if p.name.startswith((".site-", ".generated-"))]


def test_template_error_keeps_everything(small_project: Path) -> None:
    build(small_project)
    site, pages = _tree(small_project / "site"), _tree(small_project / "generated")
    (small_project / "overrides" / "generator").mkdir()
    (small_project / "overrides" / "generator" / "event.md.j2").write_text("{{ no_such_variable }}\n")
    (small_project / "content" / "events" / "2025-11.yml").write_text(
        'date: "2025-11"\ntitle: {en: "Changed", es: "Cambiado"}\nsummary: {en: "x", es: "y"}\nsources: [news-two]\n'
    )
    with pytest.raises(Exception, match="no_such_variable"):
        build(small_project)
    assert _tree(small_project / "site") == site
    assert _tree(small_project / "generated") == pages


def test_real_content_site(real_site: Path) -> None:
    for page in [
        "index.html",
        "chronology/index.html",
        "actors/betssy-chavez/index.html",
        "legal/caracas-convention-1954/index.html",
        "events/2025-11-06-congress-declares-sheinbaum-persona-non-grata/index.html",
        "questions/index.html",
        "disputes/index.html",
        "methodology/index.html",
    ]:
        assert (real_site / page).exists(), page
        assert (real_site / "es" / page).exists(), page
    assert broken_links(real_site) == []
    assert external_loads(real_site) == []
    assert unsafe_markup(real_site) == []
    assert stray_escapes(real_site) == []
    home = (real_site / "index.html").read_text()
    assert (
        "63" in (real_site / "events/2025-11-06-congress-declares-sheinbaum-persona-non-grata/index.html").read_text()
    )
    assert 'class="timeline"' in home
    _embeds_are_built(real_site)


def _embeds_are_built(site: Path) -> None:
    """Every event's card, the timeline and the key facts, in both editions, each with its oEmbed file; the
    embeds stay out of the sitemap and their code out of the search index."""
    events = sorted(p.parent.name for p in site.glob("events/*/index.html"))
    assert len(events) > 50
    for edition in (site, site / "es"):
        for embed in ["timeline", "key-facts", *(f"events/{rid}" for rid in events)]:
            page = (edition / "embed" / embed / "index.html").read_text(encoding="utf-8")
            assert '<meta name="robots" content="noindex">' in page and '<base target="_top">' in page, embed
            answer = "oembed-" + embed.replace("/", "-") + ".json"
            data = json.loads((edition / answer).read_text(encoding="utf-8"))
            assert data["type"] == "rich" and data["html"].startswith("<iframe"), embed
        assert "/embed/" not in (edition / "sitemap.xml").read_text(encoding="utf-8")
        index = (edition / "search" / "search_index.json").read_text(encoding="utf-8")
        assert "datawrapper-height" not in index and "iframe" not in index
        home = (edition / "index.html").read_text(encoding="utf-8")
        assert home.count('type="application/json+oembed"') == 2 and home.count('class="embed-code"') == 2


def test_generated_folder_builds_with_plain_mkdocs(small_project: Path) -> None:
    """Builder independence: generated/ + configs build with MkDocs alone, our hook skipped."""
    import os
    import subprocess
    import sys

    from generator.pipeline import generate

    generate(small_project)
    env = {**os.environ, "EXPLAINER_SKIP_HOOK": "1"}
    for lang in ("en", "es"):
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", f"generated/mkdocs.{lang}.yml"],
            cwd=small_project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
    assert parse(small_project / "site" / "es" / "index.html").lang == "es"
    assert (small_project / "site" / "events" / "2025-11-03-asylum" / "index.html").exists()


def test_a_third_language_is_configuration_plus_content(small_project: Path) -> None:
    """Portuguese: one line in site.yml; untranslated texts fall back visibly and are reported as warnings."""
    from generator.pipeline import check

    site_yml = small_project / "content" / "site.yml"
    site_yml.write_text(
        site_yml.read_text()
        .replace("languages: [en, es]", "languages: [en, es, pt]")
        .replace(
            'title: {en: "Fixture explainer", es: "Explicativo de prueba"}',
            'title: {en: "Fixture explainer", es: "Explicativo de prueba", pt: "Explicativo de teste"}',
        )
    )
    _, problems = check(small_project)
    assert problems and {p.code for p in problems} == {"missing-translation"}
    build(small_project)
    site = small_project / "site"
    assert parse(site / "pt" / "index.html").lang == "pt"
    home = (site / "pt" / "index.html").read_text()
    assert "Explicativo de teste" in home and "Ainda não traduzido" in home
    assert 'hreflang="pt"' in (site / "index.html").read_text()
    assert (site / "pt" / "search" / "search_index.json").exists()
    assert broken_links(site) == []


def test_serve_updates_the_page_when_content_is_saved(small_project: Path) -> None:
    """`explainer serve`: saving a YAML file regenerates only what changed and MkDocs reloads the page."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "--project",
            str(small_project),
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/events/2025-11/"

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 90
        while "Talks during November" not in fetch():
            assert time.monotonic() < deadline, "serve did not come up"
            time.sleep(0.5)
        event = small_project / "content" / "events" / "2025-11.yml"
        event.write_text(event.read_text().replace("Talks during November", "Talks all through November"))
        while "Talks all through November" not in fetch():
            assert time.monotonic() < deadline, "the page did not update"
            time.sleep(0.3)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_collector_is_restored_after_a_run(small_project: Path) -> None:
    """generate() pauses the cycle collector for speed and leaves it as it found it, even on failure."""
    import gc

    from generator.pipeline import collector_paused, generate
    from generator.problems import ContentError

    assert gc.isenabled()
    generate(small_project)
    assert gc.isenabled()
    (small_project / "content" / "events" / "broken.yml").write_text("date: [\n")
    with pytest.raises(ContentError):
        generate(small_project)
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()
