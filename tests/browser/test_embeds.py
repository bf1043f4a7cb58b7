"""Embeds inside another site's article, in Chromium: the snippet from "Embed this", pasted into a page of
another origin, at a phone's and an article column's width.

The article pages are served by a second local server, on another port and so another origin, and
iframe the built site: the embed must report its height across origins, its links must open in the
top window, and no request may go anywhere else. Why not a Playwright route on a made-up host:
Chromium's local-network checks then block the iframe of a loopback address.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import HOST, LANGS, PAGES, NewPage, Site, _free_port, _wait_until_up, goto
from tests.browser.test_accessibility import BLOCKING, describe, run_axe

pytestmark = pytest.mark.browser

WIDTHS = (320, 700)
EMBEDS: dict[str, tuple[str, int]] = {
    "timeline": (PAGES["chronology"], 0),
    "key-facts": (PAGES["home"], 1),
    "event": (PAGES["event"], 0),
}
"""Each embed: the page whose "Embed this" box offers it, and which of the box's snippets it is."""
EMBED_PATHS = {
    "timeline": "embed/timeline/",
    "key-facts": "embed/key-facts/",
    "event": "embed/events/2025-11-03-peru-breaks-relations/",
}
"""The embeds' own pages (axe runs on these)."""

ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head>
<body style="margin:0"><p>Text before.</p><div id="column" style="width:{width}px">{snippet}</div><p>After.</p></body></html>"""


def snippet(site: Site, kind: str, lang: str) -> str:
    """The code a reporter copies from the full page's "Embed this" box, as the built page has it."""
    path, which = EMBEDS[kind]
    html = (site.root / ("" if lang == "en" else lang) / path / "index.html").read_text(encoding="utf-8")
    boxes = html.split('<textarea id="embed-code-')[1:]
    return unescape(boxes[which].partition(">")[2].partition("</textarea>")[0])


@dataclass
class Newsroom:
    """The other origin: a folder of article pages and the address it is served from."""

    folder: Path
    base: str
    count: int = 0

    def open(self, page: Any, html: str) -> None:
        """Write an article page and open it."""
        self.count += 1
        name = f"article-{self.count}.html"
        (self.folder / name).write_text(html, encoding="utf-8")
        page.goto(self.base + name, wait_until="networkidle")


@pytest.fixture(scope="session")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Newsroom]:
    folder = tmp_path_factory.mktemp("newsroom")
    port = _free_port()
    cmd = [sys.executable, "-m", "http.server", "--bind", HOST, "--directory", str(folder), str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        (folder / "index.html").write_text("<!doctype html><title>up</title>", encoding="utf-8")
        _wait_until_up(f"http://{HOST}:{port}/", proc)
        yield Newsroom(folder, f"http://{HOST}:{port}/")
    finally:
        proc.terminate()
        proc.wait(timeout=5)


def open_article(page: Any, site: Site, newsroom: Newsroom, kind: str, lang: str, width: int) -> tuple[Any, list[str]]:
    """The article page with the embed in a column `width` px wide; the frame, and the hosts that were asked."""
    hosts: list[str] = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).hostname or request.url))
    newsroom.open(page, ARTICLE.format(width=width, snippet=snippet(site, kind, lang)))
    frame = page.frame_locator("iframe")
    frame.locator("main").wait_for()
    page.wait_for_function("() => document.querySelector('iframe').style.height !== ''")
    inner = next(f for f in page.frames if f != page.main_frame)
    return inner, hosts


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(EMBEDS))
def test_embed_reports_its_height_and_fits_the_column(
    site: Site, newsroom: Newsroom, new_page: NewPage, kind: str, lang: str, width: int
) -> None:
    page, recorder = new_page(viewport={"width": 1000, "height": 800})
    inner, hosts = open_article(page, site, newsroom, kind, lang, width)
    page.wait_for_timeout(300)  # let a late reflow (the ResizeObserver) report
    height = page.evaluate("() => document.querySelector('iframe').getBoundingClientRect().height")
    content = inner.evaluate("() => Math.ceil(document.body.getBoundingClientRect().height)")
    assert abs(height - content) <= 1, f"{kind} {lang} @{width}px: iframe {height}px, content {content}px"
    assert inner.evaluate("() => document.documentElement.scrollHeight <= window.innerHeight + 1"), "frame scrolls"
    assert inner.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "frame is too wide"
    assert inner.evaluate("() => document.documentElement.lang") == lang
    assert set(hosts) == {HOST}, hosts
    assert not recorder.errors, recorder.errors


@pytest.mark.parametrize("kind", list(EMBEDS))
def test_every_link_opens_in_the_top_window(site: Site, newsroom: Newsroom, new_page: NewPage, kind: str) -> None:
    page, _ = new_page()
    inner, _ = open_article(page, site, newsroom, kind, "en", 700)
    targets = inner.evaluate(
        """() => [...document.querySelectorAll('a')].map(a =>
             a.getAttribute('target') || (a instanceof SVGElement ? '' : document.querySelector('base').target))"""
    )
    assert targets and set(targets) == {"_top"}, targets
    first = inner.locator("main a").first
    href = first.evaluate("a => new URL(a.getAttribute('href'), document.baseURI).href")
    first.click()  # on the timeline, an SVG link: Chromium ignores <base target> for those, so it has its own
    page.wait_for_url(href)
    assert page.url == href and len(page.frames) == 1  # the top window left the article


def test_the_full_page_link_leaves_the_frame(site: Site, newsroom: Newsroom, new_page: NewPage) -> None:
    page, _ = new_page()
    inner, _ = open_article(page, site, newsroom, "event", "es", 320)
    inner.locator(".embed-foot a").click()
    page.wait_for_url(site.url(PAGES["event"], "es"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(EMBED_PATHS))
def test_embed_pages_have_no_serious_accessibility_violations(
    site: Site, new_page: NewPage, kind: str, lang: str, scheme: str
) -> None:
    page, recorder = new_page(color_scheme=scheme, viewport={"width": 390, "height": 800})
    goto(page, site.url(EMBED_PATHS[kind], lang))
    assert page.locator("html").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    blocking = [v for v in run_axe(page) if v.get("impact") in BLOCKING]
    assert not blocking, f"{page.url} ({scheme}): axe found serious/critical violations:\n{describe(blocking)}"
    assert not recorder.errors and not recorder.external, (recorder.errors, recorder.external)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_theme_in_the_address_wins_over_the_reader_s_setting(site: Site, new_page: NewPage, theme: str) -> None:
    page, _ = new_page(color_scheme="dark" if theme == "light" else "light")
    goto(page, site.url(EMBED_PATHS["event"]) + f"?theme={theme}")
    assert page.locator("html").get_attribute("data-md-color-scheme") == ("slate" if theme == "dark" else "default")
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert (background == "rgb(255, 255, 255)") == (theme == "light"), background


def test_without_javascript_the_frame_shows_the_content_at_its_fixed_height(
    site: Site, newsroom: Newsroom, new_page: NewPage
) -> None:
    page, _ = new_page(java_script_enabled=False)
    newsroom.open(page, ARTICLE.format(width=700, snippet=snippet(site, "event", "en")))
    iframe = page.locator("iframe")
    assert iframe.bounding_box()["height"] == float(iframe.get_attribute("height") or 0)
    assert page.frame_locator("iframe").locator("h1").inner_text()


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(EMBEDS))
def test_oembed_is_discovered_valid_and_its_html_parses(site: Site, page: Any, kind: str, lang: str) -> None:
    goto(page, site.url(EMBEDS[kind][0], lang))
    links = page.locator('link[rel="alternate"][type="application/json+oembed"]')
    href = links.nth(EMBEDS[kind][1]).get_attribute("href") or ""
    response = page.request.get(href)
    assert response.ok, href
    data = json.loads(response.text())
    for field in ("version", "type", "html", "width", "height", "title", "provider_name", "provider_url"):
        assert field in data, field
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert isinstance(data["width"], int) and isinstance(data["height"], int) and data["height"] > 0
    assert data["provider_url"] == site.url("", lang)
    parser = _Tags()
    parser.feed(data["html"])
    parser.close()
    assert [tag for tag, _ in parser.tags] == ["iframe", "script"]
    iframe = parser.tags[0][1]
    assert iframe["src"] == site.url(EMBED_PATHS[kind], lang) and iframe["title"] == data["title"]
    assert data["html"] == snippet(site, kind, lang)  # the same code as "Embed this"
    assert page.request.get(iframe["src"] or "").ok


@pytest.mark.parametrize("kind", ["home", "chronology", "event"])
def test_embed_this_works_from_the_keyboard(site: Site, page: Any, kind: str) -> None:
    goto(page, site.url(PAGES[kind]))
    box = page.locator("details.embed-this")
    box.locator("summary").focus()
    page.keyboard.press("Enter")
    assert box.evaluate("d => d.open")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.tagName + ' ' + document.activeElement.id")
    assert focused.startswith("TEXTAREA embed-code-"), focused
    area = page.locator("textarea:focus")
    assert area.get_attribute("readonly") is not None
    label = page.locator(f'label[for="{focused.split()[1]}"]')
    assert label.is_visible() and label.inner_text()
    page.keyboard.press("Control+A")
    selected = area.evaluate("t => [t.selectionStart, t.selectionEnd, t.value.length]")
    assert selected[0] == 0 and selected[1] == selected[2] and area.input_value().startswith("<iframe src=")
