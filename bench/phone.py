"""How the real site reads on a phone: figures for issue notes, before and after a change.

    python -m bench.phone                 # builds content/ for a local address, prints JSON
    python -m bench.phone --base http://127.0.0.1:PORT/   # a build already served there

Measures, in Debian's Chromium at 390x844 and 1280x900: text sizes, tap targets, overlaps and
clipping in the timeline and the who-is-who map, repeated and touching footnotes, and the search
counts with and without accents, with the kinds of the top five hits. Writes bench/out/phone.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.browser import measure  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, HOST, _free_port, _wait_until_up  # noqa: E402
from tests.conftest import make_project  # noqa: E402

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
FIGURES = [
    ("timeline", "", "figure.timeline"),
    ("map", "actors/", "figure.graph"),
    ("chavez-map", "actors/betssy-chavez/", "figure.graph"),
]
NOTES = ["actors/betssy-chavez/", "events/2025-11-03-peru-breaks-relations/", ""]
WORDS = [("en", "Jerí", "Jeri"), ("en", "Chávez", "Chavez"), ("es", "Jerí", "Jeri"), ("es", "México", "Mexico")]
WORDS += [("es", "Chávez", "Chavez"), ("en", "Perú", "Peru")]


def measure_site(base: str) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {"figures": {}, "footnotes": {}, "search": {}}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True)
        for width, viewport in WIDTHS.items():
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            for name, path, selector in FIGURES:
                page.goto(base + path, wait_until="networkidle")
                out["figures"][f"{name}@{width}"] = measure.figure(page, selector)
            for path in NOTES:
                page.goto(base + path, wait_until="networkidle")
                out["footnotes"][f"/{path}@{width}"] = measure.footnotes(page)
            context.close()
        context = browser.new_context(viewport=WIDTHS["phone"])
        page = context.new_page()
        for lang, accented, plain in WORDS:
            root = base if lang == "en" else f"{base}{lang}/"
            row = {}
            for word in (accented, plain):
                page.goto(root, wait_until="networkidle")
                count, top = measure.search(page, word)
                row[word] = {"count": count, "top5": [measure.kind_of(h) for h in top]}
            row["ratio"] = round(row[plain]["count"] / max(row[accented]["count"], 1), 2)
            out["search"][f"{lang}:{plain}"] = row
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", help="address of an already served build")
    args = parser.parse_args()
    if args.base:
        result = measure_site(args.base)
    else:
        from generator.pipeline import build

        port = _free_port()
        base = f"http://{HOST}:{port}/"
        with tempfile.TemporaryDirectory() as tmp:
            project = make_project(Path(tmp) / "project", REPO / "content")
            root = Path(tmp) / "site"
            build(project, site_url=base, site_dir=root)
            cmd = [sys.executable, "-m", "http.server", "--bind", HOST, "--directory", str(root), str(port)]
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                _wait_until_up(base, proc)
                result = measure_site(base)
            finally:
                proc.terminate()
                proc.wait()
    (REPO / "bench" / "out").mkdir(exist_ok=True)
    text = json.dumps(result, indent=1, ensure_ascii=False)
    (REPO / "bench" / "out" / "phone.json").write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
