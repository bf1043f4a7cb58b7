"""Checks on a built site through a real HTML parser: internal links resolve, no third-party loads, no script from content."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

EVENT_ATTRS_OK: set[str] = set()
"""Material's own markup carries no on* attributes; any one found came from content."""


class Page(HTMLParser):
    """Collects links, resource loads, scripts and event-handler attributes of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.loads: list[str] = []
        self.scripts: list[str] = []
        self.handlers: list[tuple[str, str]] = []
        self.bad_urls: list[str] = []
        self.ids: set[str] = set()
        self.lang: str | None = None
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = values.get("lang")
        if "id" in values:
            self.ids.add(values["id"])
        for name, value in values.items():
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data"}:
                scheme = value.strip().lower().split(":", 1)[0]
                if ":" in value and scheme in {"javascript", "data", "vbscript"}:
                    self.bad_urls.append(value)
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        if tag in {"script", "img", "iframe", "source", "audio", "video", "embed"} and values.get("src"):
            self.loads.append(values["src"])
        if tag == "link" and values.get("rel") in {"stylesheet", "preload", "icon", "manifest", "modulepreload"}:
            self.loads.append(values.get("href", ""))
        if tag == "script":
            self._in_script = True
            self.scripts.append(values.get("src", "") or "inline")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def broken_links(site: Path) -> list[str]:
    """Internal links whose target file (and anchor) does not exist."""
    broken: list[str] = []
    cache: dict[Path, Page] = {}
    for path in html_files(site):
        page = cache.setdefault(path, parse(path))
        base = path.parent
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "/")):
                continue
            target_path = unquote(parts.path)
            if not target_path:
                target = path
            else:
                target = (base / target_path).resolve()
                if target.is_dir() or target_path.endswith("/"):
                    target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)} -> {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                other = cache.setdefault(target, parse(target))
                if unquote(parts.fragment) not in other.ids:
                    broken.append(f"{path.relative_to(site)} -> {href} (no anchor)")
    return broken


def external_loads(site: Path) -> list[str]:
    """Resources (scripts, styles, images, fonts) a page would fetch from another host."""
    found: list[str] = []
    for path in html_files(site):
        for url in parse(path).loads:
            if urlsplit(url).scheme in {"http", "https"} or url.startswith("//"):
                found.append(f"{path.relative_to(site)}: {url}")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for marker in ("@import url(http", "url(https://", "url(http://", "fonts.googleapis"):
            if marker in text:
                found.append(f"{css.relative_to(site)}: {marker}")
    return found


def unsafe_markup(site: Path) -> list[str]:
    """Event-handler attributes and javascript:/data:/vbscript: URLs anywhere in the HTML."""
    found: list[str] = []
    for path in html_files(site):
        page = parse(path)
        found += [f"{path.relative_to(site)}: <{tag} {name}>" for tag, name in page.handlers]
        found += [f"{path.relative_to(site)}: {url}" for url in page.bad_urls]
    return found


def relpath(a: str, b: str) -> str:
    return posixpath.relpath(a, b)


def stray_escapes(site: Path) -> list[str]:
    """Markdown backslash escapes that reached the page as text (an escape used in a raw-HTML context)."""
    import re

    found: list[str] = []
    for path in html_files(site):
        text = re.sub(r"<script.*?</script>", "", path.read_text(encoding="utf-8"), flags=re.S)
        found += [
            f"{path.relative_to(site)}: {m.group(0)}" for m in re.finditer(r".{0,20}\\[-.()!#*_\[\]{}+].{0,10}", text)
        ]
    return found
