"""Full-page screenshots for a human to look at (test-output/screenshots/, git-ignored).

They assert only that the page rendered; what they show is reviewed by eye.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import PAGES, SCREENSHOTS, NewPage, Site, goto
from tests.browser.measure import search

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
KINDS = ["home", "chronology", "event", "actor", "legal", "questions", "search"]
SHOTS = [
    # (name, page kind, lang, scheme, viewport): every kind at both widths, light and dark, in turn EN and ES
    (f"{kind}-{lang}-{width}-{scheme}", kind, lang, scheme, viewport)
    for i, kind in enumerate(KINDS)
    for width, viewport in (("phone", PHONE), ("desktop", DESKTOP))
    for scheme in ("light", "dark")
    for lang in [("en", "es")[(i + (scheme == "dark")) % 2]]
]


@pytest.mark.parametrize(("name", "kind", "lang", "scheme", "viewport"), SHOTS, ids=[s[0] for s in SHOTS])
def test_screenshot(
    site: Site, new_page: NewPage, name: str, kind: str, lang: str, scheme: str, viewport: dict[str, int] | None
) -> None:
    page, _ = new_page(color_scheme=scheme, viewport=viewport)
    goto(page, site.url(PAGES.get(kind, ""), lang))
    if kind == "search":
        search(page, "Chavez")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=kind != "search")
    assert path.stat().st_size > 10_000
    if viewport == PHONE:
        # Nothing may make the page wider than the phone: a horizontal scroll bar on the whole page.
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name}: the page is {overflow}px wider than the {viewport['width']}px viewport"
