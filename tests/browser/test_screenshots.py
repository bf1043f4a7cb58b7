"""Full-page screenshots for a human to look at (test-output/screenshots/, git-ignored).

They assert only that the page rendered; what they show is reviewed by eye.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import PAGES, SCREENSHOTS, NewPage, Site, goto

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SHOTS = [
    # (name, page kind, lang, scheme, viewport)
    ("home-en-light", "home", "en", "light", None),
    ("chronology-en-light", "chronology", "en", "light", None),
    ("actor-en-light", "actor", "en", "light", None),
    ("home-es-dark", "home", "es", "dark", None),
    ("chronology-es-dark", "chronology", "es", "dark", None),
    ("actor-es-dark", "actor", "es", "dark", None),
    ("home-en-phone", "home", "en", "light", PHONE),
    ("home-es-phone-dark", "home", "es", "dark", PHONE),
]


@pytest.mark.parametrize(("name", "kind", "lang", "scheme", "viewport"), SHOTS, ids=[s[0] for s in SHOTS])
def test_screenshot(
    site: Site, new_page: NewPage, name: str, kind: str, lang: str, scheme: str, viewport: dict[str, int] | None
) -> None:
    page, _ = new_page(color_scheme=scheme, viewport=viewport)
    goto(page, site.url(PAGES[kind], lang))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    if viewport:
        # Nothing may make the page wider than the phone: a horizontal scroll bar on the whole page.
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name}: the page is {overflow}px wider than the {viewport['width']}px viewport"
