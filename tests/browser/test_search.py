"""Material's client-side search, in each edition: type a word, get hits, open one."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Site, goto

pytestmark = pytest.mark.browser

RESULT = ".md-search-result__item"


def search(page: Any, word: str) -> list[str]:
    """Open the search box with "/" as a reader would, enter `word`, return the hrefs of every hit (page-level).

    The word is entered at once (one query, so no stale results of a prefix), and the result list is
    scrolled to its end because Material renders hits in batches as the reader scrolls.
    """
    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    if not box.evaluate("el => el === document.activeElement"):
        box.click()
    box.fill(word)
    box.press("End")  # Material queries on keyup
    items = page.locator(RESULT)
    items.first.wait_for(state="visible")
    count = -1
    while items.count() != count:
        count = items.count()
        page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTop = el.scrollHeight")
        page.wait_for_timeout(300)
    return [items.nth(i).locator("a.md-search-result__link").first.get_attribute("href") or "" for i in range(count)]


def open_first_hit(page: Any) -> None:
    page.locator(f"{RESULT} a.md-search-result__link").first.click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize(("lang", "word"), [("en", "asylum"), ("es", "salvoconducto"), ("es", "asilo")])
def test_search_finds_the_word_and_opens_a_page_that_contains_it(site: Site, page: Any, lang: str, word: str) -> None:
    goto(page, site.url("", lang))
    hits = search(page, word)
    assert hits, f"no search results for {word!r} in the {lang} edition"
    open_first_hit(page)
    assert page.url.startswith(site.url("", lang)), f"first hit left the {lang} edition: {page.url}"
    text = page.locator("article").inner_text().casefold()
    assert word in text, f"first hit for {word!r} ({page.url}) does not contain the word"


def test_search_finds_jeri_by_his_accented_name(site: Site, page: Any) -> None:
    goto(page, site.url("", "es"))
    hits = search(page, "Jerí")
    assert any("actors/jose-jeri/" in href for href in hits), f"José Jerí's page not among the hits for 'Jerí': {hits}"


def test_search_finds_jeri_without_the_accent(site: Site, page: Any) -> None:
    goto(page, site.url("", "es"))
    hits = search(page, "Jeri")
    assert any("actors/jose-jeri/" in href for href in hits), f"José Jerí's page not among the hits for 'Jeri': {hits}"
