"""axe-core on every kind of page, in the light and the dark palette: no serious or critical violation.

axe.min.js is the latest npm `axe-core` when `AXE_CORE` names it (`.ci/run` installs it from the npm registry
into a temporary folder), else the copy bundled in the PyPI package `axe-playwright-python` (test extra).
Every page kind is checked at phone width (390x844) and on a desktop (1280 px), and so are search results.
The dark palette is reached the way a reader reaches it: Material follows prefers-color-scheme, which the
browser context emulates (each context has its own storage, so no stored palette choice carries over).
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import LANGS, PAGES, NewPage, Site, goto
from tests.browser.measure import search

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}
SCHEMES = {"light": "default", "dark": "slate"}  # emulated prefers-color-scheme -> Material's data-md-color-scheme
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@cache
def axe_script() -> str:
    """The npm axe-core named by AXE_CORE (a file or an npm prefix), else axe-playwright-python's copy."""
    given = os.environ.get("AXE_CORE")
    if given:
        path = Path(given)
        if path.is_dir():
            path = path / "node_modules" / "axe-core" / "axe.min.js"
        return path.read_text(encoding="utf-8")
    from axe_playwright_python.base import AXE_FILE_PATH

    return AXE_FILE_PATH.read_text(encoding="utf-8")


def run_axe(page: Any) -> list[dict[str, Any]]:
    page.evaluate(axe_script())
    result: dict[str, Any] = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"][:5]:
            summary = " ".join(str(node.get("failureSummary", "")).split())
            lines.append(f"    target={json.dumps(node['target'])} {summary}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more nodes")
    return "\n".join(lines)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", [*PAGES, "search"])
def test_no_serious_accessibility_violations(
    site: Site, new_page: NewPage, kind: str, lang: str, scheme: str, width: str
) -> None:
    page, _ = new_page(color_scheme=scheme, viewport=WIDTHS[width])
    goto(page, site.url(PAGES.get(kind, ""), lang))
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme], "palette not applied"
    if kind == "search":
        search(page, "Chavez")  # the results open over the page, as a reader sees them
    blocking = [v for v in run_axe(page) if v.get("impact") in BLOCKING]
    assert not blocking, f"{page.url} ({scheme}, {width}): axe found serious/critical violations:\n{describe(blocking)}"
