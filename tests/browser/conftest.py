"""Browser fixtures: the real content built for a local server, served over HTTP, driven by Debian's Chromium.

Why a real server and a site_url on 127.0.0.1: Material's language selector and search fetch
`sitemap.xml` and `search/search_index.json` from the configured site_url, so the site must be
built for the address it is served from (datasette's `datasette_server` pattern: a subprocess on
a free port, torn down at the end of the session).

Never `playwright install`: Playwright is pointed at the system Chromium through `executable_path`.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT, make_project

HOST = "127.0.0.1"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "test-output" / "screenshots"
LANGS = ("en", "es")

# One page of each kind, by path relative to an edition's root ("" is the home page).
# The ids are real content: if one is renamed, the fixture `site` says which page is missing.
PAGES: dict[str, str] = {
    "home": "",
    "chronology": "chronology/",
    "year": "chronology/2025/",
    "event": "events/2025-11-03-peru-breaks-relations/",
    "actor": "actors/betssy-chavez/",
    "actors": "actors/",
    "legal": "legal/safe-conduct/",
    "source": "sources/pulsoslp-2025-11-04/",
    "questions": "questions/",
    "disputes": "disputes/",
    "methodology": "methodology/",
}


@dataclass(frozen=True)
class Site:
    """The built site and the address it is served from."""

    root: Path
    base: str  # "http://127.0.0.1:PORT/"

    def url(self, path: str = "", lang: str = "en") -> str:
        """Absolute URL of `path` in the `lang` edition (English at /, Spanish at /es/)."""
        prefix = "" if lang == "en" else f"{lang}/"
        return f"{self.base}{prefix}{path}"


@dataclass
class Recorder:
    """What a page did that it should not: console errors, uncaught exceptions, failed or off-host requests."""

    errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on(
            "console",
            lambda msg: (
                self.errors.append(f"console.{msg.type}: {msg.text} @ {msg.location}") if msg.type == "error" else None
            ),
        )
        page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))
        page.on("requestfailed", lambda req: self.errors.append(f"request failed: {req.url} ({req.failure})"))
        page.on(
            "response", lambda res: self.errors.append(f"HTTP {res.status}: {res.url}") if res.status >= 400 else None
        )
        page.on("request", self._request)

    def _request(self, request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"data", "blob", "about"}:
            return
        if parts.hostname != HOST:
            self.external.append(request.url)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"http.server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise RuntimeError(f"http.server did not answer on {url} within {timeout}s")


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """Debian's Chromium; a missing one fails under CI=true and skips elsewhere."""
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if found is None:
        message = "chromium not found (apt-get install chromium); never `playwright install`"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="session")
def browser_type_launch_args(chromium_executable: str) -> dict[str, Any]:
    """Launch arguments (pytest-playwright's fixture name, so the same settings apply if it is installed)."""
    return {"executable_path": chromium_executable, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real content, built for and served from http://127.0.0.1:PORT/ for the whole session."""
    from generator.pipeline import build

    port = _free_port()
    base = f"http://{HOST}:{port}/"
    tmp = tmp_path_factory.mktemp("browser")
    project = make_project(tmp / "project", ROOT / "content")
    root = tmp / "site"
    build(project, site_url=base, site_dir=root)
    missing = [
        f"{lang}:{path}"
        for lang in LANGS
        for path in PAGES.values()
        if not (root / ("" if lang == "en" else lang) / path / "index.html").exists()
    ]
    assert not missing, f"pages used by the browser tests are missing from the build (content renamed?): {missing}"

    cmd = [sys.executable, "-m", "http.server", "--bind", HOST, "--directory", str(root), str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_up(base, proc)
        yield Site(root=root, base=base)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def browser(browser_type_launch_args: dict[str, Any]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(**browser_type_launch_args)
        yield launched
        launched.close()


NewPage = Callable[..., tuple[Any, Recorder]]


@pytest.fixture
def new_page(browser: Any) -> Iterator[NewPage]:
    """Factory: a page in a fresh context (own storage, so Material's stored palette never leaks) and its Recorder.

    `new_page(color_scheme="dark", viewport={"width": 390, "height": 844})`.
    """
    contexts: list[Any] = []

    def make(
        color_scheme: str = "light", viewport: dict[str, int] | None = None, **options: Any
    ) -> tuple[Any, Recorder]:
        context = browser.new_context(
            color_scheme=color_scheme, viewport=viewport or {"width": 1280, "height": 900}, **options
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        recorder = Recorder()
        recorder.attach(page)
        return page, recorder

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: NewPage) -> Any:
    """A light-scheme desktop page."""
    return new_page()[0]


def goto(page: Any, url: str) -> None:
    """Open `url` and wait until Material's scripts (sitemap, search index) are done loading."""
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.ok, f"{url}: HTTP {response.status if response else 'no response'}"
