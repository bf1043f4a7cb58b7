"""Every kind of page, in both editions: the right language, no English chrome in Spanish, no errors, no third parties."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import LANGS, PAGES, NewPage, Site, goto

pytestmark = pytest.mark.browser

# Interface strings that must never show in the Spanish edition: Material's own chrome (when its language
# is not set) and the generator's English labels (generator/render/locales/en.yml).
ENGLISH_INTERFACE = [
    "Search",
    "Table of contents",
    "Previous",
    "Next",
    "Back to top",
    "Skip to content",
    "Switch to dark mode",
    "Switch to light mode",
    "Select language",
    "Copy to clipboard",
    "Sources differ",
    "Where sources differ",
    "Key moments",
    "Timeline of key moments",
    "Who is who",
    "Content last reviewed",
    "What happened, in brief",
    "Latest developments",
    "Appears in these events",
    "Mentioned in",
    "Cited by",
    "This page says",
    "Other sources say",
    "Key facts",
    "All events",
    "By year",
]

# Text that is interface, not content: Material's header, navigation, sidebars, footer and search, the
# generator's headings, labels, figure captions and SVG titles, and every accessible name or tooltip.
INTERFACE_TEXT_JS = """() => {
  const parts = [];
  const chrome = '.md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-top, .md-skip, .md-source-file,'
    + ' .admonition-title, figcaption, svg title, svg desc, h1, h2, h3, h4, th, dt, .md-content__button';
  for (const el of document.querySelectorAll(chrome)) parts.push(el.innerText || el.textContent || '');
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))
    for (const name of ['aria-label', 'title', 'placeholder', 'alt'])
      if (el.hasAttribute(name)) parts.push(el.getAttribute(name));
  parts.push(document.title);
  return parts.join('\\n');
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(PAGES))
def test_html_lang_matches_the_edition(site: Site, page: Any, kind: str, lang: str) -> None:
    goto(page, site.url(PAGES[kind], lang))
    assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize("kind", list(PAGES))
def test_spanish_pages_have_no_english_interface_strings(site: Site, page: Any, kind: str) -> None:
    goto(page, site.url(PAGES[kind], "es"))
    text = page.evaluate(INTERFACE_TEXT_JS)
    found = sorted({s for s in ENGLISH_INTERFACE if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)})
    assert not found, f"/es/{PAGES[kind]} shows English interface strings: {found}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_console_errors_and_no_request_leaves_the_host(site: Site, new_page: NewPage, kind: str, lang: str) -> None:
    page, recorder = new_page()
    goto(page, site.url(PAGES[kind], lang))
    # Open search too: it starts Material's worker, which fetches the search index.
    page.keyboard.press("/")
    page.locator(".md-search__input").fill("Castillo")
    page.locator(".md-search__input").press("End")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    assert not recorder.errors, f"{page.url}:\n" + "\n".join(recorder.errors)
    assert not recorder.external, f"{page.url} requested other hosts:\n" + "\n".join(recorder.external)
