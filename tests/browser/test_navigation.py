"""Following the site's own links: timeline marks, the who-is-who diagram, the language switch."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import Site, goto

pytestmark = pytest.mark.browser


def heading(page: Any) -> str:
    """The page's h1 without Material's permalink sign."""
    return str(page.locator("article h1").first.inner_text()).replace("¶", "").strip()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_timeline_key_moment_opens_its_event(site: Site, page: Any, lang: str) -> None:
    goto(page, site.url("", lang))
    marks = page.locator("figure.timeline li.tl-moment a")
    assert marks.count() > 0, "no key moments (figure.timeline li.tl-moment a) on the home page"
    mark = marks.first
    title = str(mark.locator(".tl-title").inner_text())  # the event page's h1 is the title
    mark.click()
    page.wait_for_load_state("load")
    assert re.fullmatch(re.escape(site.url("events/", lang)) + r"[a-z0-9-]+/", page.url), page.url
    assert heading(page) == title


@pytest.mark.parametrize("path", ["actors/", "actors/betssy-chavez/"])
def test_who_is_who_node_opens_an_actor_page(site: Site, page: Any, path: str) -> None:
    goto(page, site.url(path))
    # On an actor page the centre is the actor itself (.wiw-centre); a reader clicks someone else.
    nodes = page.locator("figure.graph .wiw-side a.graph-node")
    assert nodes.count() > 0, f"/{path}: figure.graph has no a.graph-node leading to another actor"
    node = nodes.first
    target = node.evaluate("a => new URL(a.getAttribute('href'), document.baseURI).href")
    node.click()
    page.wait_for_load_state("load")
    assert re.fullmatch(re.escape(site.url("actors/")) + r"[a-z0-9-]+/", page.url), page.url
    assert page.url == target
    assert heading(page), f"{page.url}: actor page without an h1"


def test_language_switch_keeps_your_place(site: Site, page: Any) -> None:
    goto(page, site.url("actors/betssy-chavez/"))
    switch_language(page, "es")
    assert page.url == site.url("actors/betssy-chavez/", "es")
    assert page.locator("html").get_attribute("lang") == "es"
    switch_language(page, "en")
    assert page.url == site.url("actors/betssy-chavez/")
    assert page.locator("html").get_attribute("lang") == "en"


def switch_language(page: Any, lang: str) -> None:
    """Open Material's language menu (it shows on hover) and pick `lang`, as a reader would."""
    page.locator(".md-header__option .md-select").first.hover()
    link = page.locator(f".md-select__link[hreflang={lang}]")
    link.wait_for(state="visible")
    with page.expect_navigation():
        link.click()
    page.wait_for_load_state("networkidle")


def test_event_shows_where_sources_differ(site: Site, page: Any) -> None:
    goto(page, site.url("events/2025-11-03-peru-breaks-relations/"))
    boxes = page.locator(".admonition.disputed")
    assert boxes.count() >= 1, "no .admonition.disputed box on the Peru-breaks-relations event"
    assert boxes.first.is_visible()
    # The 4 November datelines are a minor difference: folded into the compact table, shown on opening it.
    minor = page.locator("details.differ-minor")
    assert not minor.locator("table").is_visible()
    minor.locator("summary").click()
    assert "4 November 2025" in minor.locator("table").inner_text()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_disputes_page_lists_several(site: Site, page: Any, lang: str) -> None:
    goto(page, site.url("disputes/", lang))
    boxes = page.locator("article .admonition.disputed")
    assert boxes.count() >= 3, f"disputes page lists {boxes.count()} disputed facts"
