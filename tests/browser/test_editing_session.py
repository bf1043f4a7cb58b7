"""An editor's session against a real `explainer serve`: after every edit the served page is a full build's page.

The edits are those an editor makes through a pull request: change a text, add
a record, delete one, rename one with `explainer rename` (then edit again, which
once left serve stuck), break the YAML and fix it, add a translation, add a
redirect. After each, Chromium waits (polling, with a timeout) until the open
page has live-reloaded to what a fresh `explainer build` of the same content
shows: the article's text and the navigation entries, which must name every
section (a dirty rebuild once showed "None").
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import HOST, _free_port, _wait_until_up
from tests.conftest import FIXTURES, make_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT = 60.0
"""Seconds an edit may take to reach the open page (it takes about one; CI machines are slower)."""
SECTIONS = 10
"""Navigation entries of the small fixture: nine sections and its one prose page (the session adds one)."""

# What a page shows, read the same way from the served page and the full build's file.
READ = """() => {
  const norm = (s) => (s || "").replace(/\\s+/g, " ").trim();
  const article = document.querySelector("article.md-content__inner");
  const items = document.querySelectorAll("nav.md-nav--primary > ul > li");
  return {
    article: article ? norm(article.textContent) : null,
    nav: [...items].map((li) => norm(li.querySelector(".md-ellipsis")?.textContent)),
  };
}"""


@dataclass
class Session:
    """The project being edited, the serve process and its log, and a browser page on it."""

    project: Path
    base: str
    log: Path
    page: Any
    reference: Any
    tmp: Path
    builds: int = 0
    sections: int = SECTIONS
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def serve(self, lang: str | None = None) -> str:
        """Start `explainer serve` (for one edition) on a free port; returns its address."""
        port = _free_port()
        base = f"http://{HOST}:{port}/"
        cmd = [
            sys.executable,
            "-m",
            "generator",
            "--project",
            str(self.project),
            "serve",
            "--dev-addr",
            f"{HOST}:{port}",
        ]
        with self.log.open("ab") as out:
            self.procs.append(subprocess.Popen([*cmd, *(["--lang", lang] if lang else [])], stdout=out, stderr=out))
        _wait_until_up(base + (f"{lang}/" if lang else ""), self.procs[-1], timeout=TIMEOUT)
        return base

    def stop(self) -> None:
        """Stop the serve processes started (two previews would regenerate the same folder at once)."""
        for proc in self.procs:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self.procs.clear()

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.project / "content" / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{rel} does not contain {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        (self.project / "content" / rel).write_text(text, encoding="utf-8")

    def explainer(self, *args: str) -> None:
        cmd = [sys.executable, "-m", "generator", "--project", str(self.project), *args]
        subprocess.run(cmd, check=True, capture_output=True)

    def full_build(self) -> Path:
        """A fresh `explainer build` of the content as it is now, for the address serve uses."""
        from generator.pipeline import build

        self.builds += 1
        copy = make_project(self.tmp / f"full-{self.builds}", self.project / "content")
        build(copy, site_url=self.base, site_dir=copy / "site")
        return copy / "site"

    def expected(self, site: Path, path: str) -> dict[str, Any]:
        self.reference.goto((site / path / "index.html").as_uri(), wait_until="load")
        shown: dict[str, Any] = self.reference.evaluate(READ)
        return shown

    def open(self, path: str, base: str | None = None) -> None:
        deadline = time.monotonic() + TIMEOUT
        while True:
            response = self.page.goto((base or self.base) + path, wait_until="load")
            if response is not None and response.ok:
                return
            assert time.monotonic() < deadline, f"{path} never appeared"
            self.page.wait_for_timeout(250)

    def shows(self, expected: dict[str, Any]) -> dict[str, Any]:
        """Wait until the open page (reloaded by MkDocs' live reload) shows `expected`; returns what it shows."""
        deadline = time.monotonic() + TIMEOUT
        shown: dict[str, Any] = {}
        while time.monotonic() < deadline:
            try:
                shown = self.page.evaluate(READ)
            except Exception:  # noqa: BLE001 - the page is reloading: read it again
                shown = {}
            if shown == expected:
                return shown
            self.page.wait_for_timeout(200)
        assert shown == expected, f"{self.page.url} did not become the full build's page"
        return shown

    def check(self, *paths: str, base: str | None = None) -> None:
        """Each page, served, equals the full build's page, and its navigation names every section."""
        site = self.full_build()
        for path in paths:
            want = self.expected(site, path)
            assert want["article"], f"{path}: no article in the full build"
            assert len(want["nav"]) == self.sections and "None" not in want["nav"] and all(want["nav"])
            self.open(path, base)
            self.shows(want)

    def wait_for_log(self, text: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        while text not in (log := self.log.read_text(encoding="utf-8", errors="replace")):
            assert time.monotonic() < deadline, f"serve never printed {text!r}:\n{log[-3000:]}"
            time.sleep(0.1)
        return log


@pytest.fixture
def session(tmp_path: Path, browser: Any) -> Iterator[Session]:
    project = make_project(tmp_path / "project", FIXTURES / "small" / "content")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    s = Session(project, "", tmp_path / "serve.log", context.new_page(), context.new_page(), tmp_path)
    try:
        s.base = s.serve()
        yield s
    finally:
        context.close()
        s.stop()


def test_an_editing_session(session: Session) -> None:
    s = session
    s.check("events/2025-11/", "actors/alpha/")

    s.edit("events/2025-11.yml", "Talks during November", "Talks all through November")
    s.check("events/2025-11/", "chronology/2025/")

    s.write(
        "actors/gamma.yml",
        'kind: person\nname: {en: "Gamma Person"}\ncountry: PE\nsummary: {en: "A witness."}\nsources: [news-one]\n',
    )
    s.check("actors/gamma/", "actors/")

    (s.project / "content" / "events" / "2022-12-07-attempt.yml").unlink()
    s.check("chronology/", "actors/land/")
    gone = s.page.goto(s.base + "events/2022-12-07-attempt/")
    assert gone is not None and gone.status == 404

    s.explainer("rename", "actor", "beta", "beta-lawyer")
    s.check("actors/beta-lawyer/", "actors/alpha/")
    s.page.goto(s.base + "actors/beta/")
    s.page.wait_for_url(s.base + "actors/beta-lawyer/")

    # The next edit after a rename once stopped every rebuild ("redirect would overwrite a generated page").
    s.edit("actors/alpha.yml", "A former minister.", "A former minister of Land.")
    s.check("actors/alpha/", "actors/beta-lawyer/")

    s.check("events/2025-11/")
    before = s.page.evaluate(READ)
    s.edit("events/2025-11.yml", "date: ", "date: [")
    log = s.wait_for_log("[yaml-syntax]")
    assert "content/events/2025-11.yml:1:7: error: " in log and "Traceback" not in log
    assert s.page.evaluate(READ) == before, "the preview must keep the last good page"
    s.edit("events/2025-11.yml", "date: [", "date: ")
    s.edit("events/2025-11.yml", "Talks all through November", "Talks in November")
    s.check("events/2025-11/")

    # `serve` previews one edition: the Spanish one shows the translation (one preview at a time).
    s.stop()
    s.base = s.serve("es")
    s.check("es/actors/gamma/")
    s.edit("actors/gamma.yml", 'summary: {en: "A witness."}', 'summary: {en: "A witness.", es: "Un testigo."}')
    s.check("es/actors/gamma/", "es/actors/")

    s.write("redirects.yml", "actors/old-alpha.md: actors/alpha.md\nactors/beta.md: actors/beta-lawyer.md\n")
    s.check("es/actors/alpha/")
    s.open("es/actors/old-alpha/")
    s.page.wait_for_url(s.base + "es/actors/alpha/")

    # A new prose page changes the navigation of every page, also of those that did not change.
    s.write("pages/extra.md", '---\ntitle: Extra\ndescription: More.\norder: 2\nadded: "2025-11-01"\n---\nMore.\n')
    s.sections += 1
    s.check("es/actors/beta-lawyer/", "es/extra/")
