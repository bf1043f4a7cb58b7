"""axe-core on every kind of page, in the light and the dark palette: no serious or critical violation.

axe.min.js comes from the PyPI package `axe-playwright-python` (test extra), so no network is needed.
The dark palette is reached the way a reader reaches it: Material follows prefers-color-scheme, which the
browser context emulates (each context has its own storage, so no stored palette choice carries over).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from tests.browser.conftest import LANGS, PAGES, NewPage, Site, goto

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}
SCHEMES = {"light": "default", "dark": "slate"}  # emulated prefers-color-scheme -> Material's data-md-color-scheme


@cache
def axe_script() -> str:
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


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_serious_accessibility_violations(site: Site, new_page: NewPage, kind: str, lang: str, scheme: str) -> None:
    page, _ = new_page(color_scheme=scheme)
    goto(page, site.url(PAGES[kind], lang))
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme], "palette not applied"
    blocking = [v for v in run_axe(page) if v.get("impact") in BLOCKING]
    assert not blocking, f"{page.url} ({scheme}): axe found serious/critical violations:\n{describe(blocking)}"
