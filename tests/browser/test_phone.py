"""Read on a phone as readers do (390x844, touch) and on a desktop: sizes, fit, notes in place, search, the anchor.

The figures come from `tests/browser/measure.py`, which `bench/phone.py` also prints for issue notes.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import measure
from tests.browser.conftest import NewPage, Site, goto
from tests.browser.test_navigation import switch_language

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
FIGURES = [("", "figure.timeline"), ("chronology/", "figure.timeline"), ("actors/", "figure.graph")]
FIGURES += [("actors/betssy-chavez/", "figure.graph")]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize(("path", "selector"), FIGURES)
def test_figures_are_readable_and_fit(
    site: Site, new_page: NewPage, path: str, selector: str, width: str, lang: str
) -> None:
    page, _ = new_page(**WIDTHS[width])
    goto(page, site.url(path, lang))
    got = measure.figure(page, selector)
    assert got is not None, f"/{path}: no {selector}"
    assert got["texts"] > 3 and got["links"] > 3, got
    bad = {k: got[k] for k in ("small_texts", "small_links", "cut_labels", "wider_than_box", "clipped", "overlaps")}
    assert not any(bad.values()), f"/{path} {selector} at {width}: {got}"
    assert got["min_text_px"] >= measure.MIN_TEXT_PX and got["page_wider_than_viewport"] <= 0, got


@pytest.mark.parametrize("width", list(WIDTHS))
def test_one_note_per_source_with_marks_to_tap(site: Site, new_page: NewPage, width: str) -> None:
    page, _ = new_page(**WIDTHS[width])
    goto(page, site.url("actors/betssy-chavez/"))
    notes = measure.footnotes(page)
    assert notes["notes"] > 5 and notes["repeated_sources"] == 0, notes
    assert notes["small"] == 0 and notes["touching"] == 0, notes
    # A note cited from several places links back to each of them: a, b, c.
    assert page.locator(".footnote li:has(.footnote-backref ~ .footnote-backref)").count() > 0


def _tooltip(page: Any) -> str:
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for(state="visible")
    return str(tip.inner_text())


def test_footnote_shows_its_note_on_hover(site: Site, new_page: NewPage) -> None:
    page, _ = new_page(**DESKTOP)
    goto(page, site.url("events/2025-11-03-peru-breaks-relations/"))
    ref = page.locator("a.footnote-ref").first
    note = page.locator(str(ref.get_attribute("href")).replace(":", "\\:")).inner_text()
    ref.hover()
    assert note.split(",")[0] in _tooltip(page)


def test_footnote_shows_its_note_on_tap_without_leaving_the_place(site: Site, new_page: NewPage) -> None:
    page, _ = new_page(**PHONE)
    goto(page, site.url("actors/betssy-chavez/"))
    ref = page.locator("a.footnote-ref").first
    ref.scroll_into_view_if_needed()
    ref.tap()
    assert "Betssy" in _tooltip(page) or _tooltip(page)
    assert "#" not in page.url, "the first tap jumped to the foot of the page"
    ref.tap()  # a second tap goes to the note
    page.wait_for_function("() => location.hash.startsWith('#fn:')")


WORDS = [("en", "Jerí", "Jeri"), ("en", "Chávez", "Chavez"), ("es", "México", "Mexico"), ("es", "Jerí", "Jeri")]


@pytest.mark.parametrize(("lang", "accented", "plain"), WORDS)
def test_search_without_accents_finds_as_much_and_the_story_first(
    site: Site, new_page: NewPage, lang: str, accented: str, plain: str
) -> None:
    found = {}
    for word in (accented, plain):
        page, _ = new_page(**PHONE)
        goto(page, site.url("", lang))
        found[word] = measure.search(page, word)
    (with_accent, _), (without, top) = found[accented], found[plain]
    assert without >= 0.9 * with_accent, f"{plain!r} finds {without}, {accented!r} {with_accent}"
    kinds = [measure.kind_of(href) for href in top]
    assert len(kinds) == 5 and all(k.rstrip("/") + "/" in measure.STORY for k in kinds), kinds


def test_source_record_snippet_is_its_title_and_outlet(site: Site, new_page: NewPage) -> None:
    page, _ = new_page(**PHONE)
    goto(page, site.url())
    measure.search(page, "Telemundo")
    first = page.locator(".md-search-result__item").first
    text = str(first.inner_text())
    assert "Telemundo" in text and "http" not in text, text


def test_language_switch_keeps_the_anchor(site: Site, new_page: NewPage) -> None:
    page, _ = new_page(**DESKTOP)
    goto(page, site.url("questions/"))
    anchor = str(page.locator("article h2[id]").last.get_attribute("id"))
    page.evaluate("id => { location.hash = id }", anchor)  # the reader follows a link to one question
    switch_language(page, "es")
    assert page.url == site.url(f"questions/#{anchor}", "es")
    assert page.evaluate("window.scrollY") > 500, "the Spanish page opened at the top, not at the question"
