"""Material's client-side search, in each edition: type a word, get hits, open one."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Site, goto

pytestmark = pytest.mark.browser

RESULT = ".md-search-result__item"


def search(page: Any, word: str) -> list[str]:
    """Open the search box with "/" as a reader would, type `word`, return the hrefs of the hits shown."""
    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    if not box.evaluate("el => el === document.activeElement"):
        box.click()
    box.press_sequentially(word, delay=20)
    page.locator(RESULT).first.wait_for(state="visible")
    links = page.locator(f"{RESULT} a.md-search-result__link")
    return [links.nth(i).get_attribute("href") or "" for i in range(links.count())]


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


@pytest.mark.xfail(
    reason="Material's lunr search does not fold diacritics: 'Jeri' does not match 'Jerí' (the token is indexed "
    "with the accent). Needs a search.separator/pipeline change or an accent-folded field; recorded for the lead.",
    strict=True,
)
def test_search_finds_jeri_without_the_accent(site: Site, page: Any) -> None:
    goto(page, site.url("", "es"))
    hits = search(page, "Jeri")
    assert any("actors/jose-jeri/" in href for href in hits), f"José Jerí's page not among the hits for 'Jeri': {hits}"
