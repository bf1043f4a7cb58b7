"""Redirects for renamed records: `content/redirects.yml` → static HTML redirect pages.

Why: a page's address is its record's id, and people link to those
addresses. When `explainer rename` changes an id it records
`actors/old.md: actors/new.md` here, and every edition of the site keeps a
tiny page at the old address that sends readers on. MkDocs cannot redirect
from Markdown, but it copies `.html` files in the docs folder as they are,
so a meta-refresh page works with any builder that reads `mkdocs.yml`.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..content.load import load_file
from ..problems import Problem, error
from .routes import RECORD_PAGES, edition_root, site_pages, url_of, url_relative

REDIRECTS = "redirects.yml"
"""File name inside content/."""
_PATH = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
_MOVED = {
    "en": ("Page moved", "This page has moved to"),
    "es": ("Página trasladada", "Esta página se ha trasladado a"),
    "pt": ("Página movida", "Esta página foi movida para"),
}


def known_pages(content: Path) -> set[str]:
    """Docs-relative paths of the pages a redirect may point to (record, index and prose pages).

    Read from the file names in `content/`, so that a redirect can be checked
    even when records fail validation; `routes` says where each one is.
    """
    records = {folder: [p.stem for p in (content / folder).glob("*.yml")] for folder in RECORD_PAGES}
    prose = [p.name.split(".", 1)[0] for p in (content / "pages").glob("*.md")]
    years = {p.name[:4] for p in (content / "events").glob("*.yml") if p.name[:4].isdigit()}
    return site_pages(records, prose, years)


def load_redirects(content: Path) -> tuple[dict[str, str], list[Problem]]:
    """Read and check `content/redirects.yml` (optional): old page path → new page path, both `.md`.

    A source must not be a page that exists (the redirect would hide it) and
    a target must be one.
    """
    path = content / REDIRECTS
    shown = f"content/{REDIRECTS}"
    if not path.exists():
        return {}, []
    doc, problems = load_file(path, shown)
    if doc is None:
        return {}, problems
    if doc.data is None:
        return {}, []
    if not isinstance(doc.data, dict):
        return {}, [error(shown, 1, 1, "bad-redirects", "expected a mapping of old page path to new page path")]
    pages = known_pages(content)
    found: dict[str, str] = {}
    for old, new in doc.data.items():
        line, col = doc.key_pos((old,))
        if not isinstance(new, str):
            vline, vcol = doc.pos((old,))
            problems.append(
                error(
                    shown,
                    vline,
                    vcol,
                    "bad-redirect",
                    f"redirect of '{old}' must be a page path such as 'actors/new-id.md'",
                )
            )
            continue
        if not _PATH.match(old) or not _PATH.match(new):
            bad = old if not _PATH.match(old) else new
            problems.append(
                error(shown, line, col, "bad-redirect", f"'{bad}' is not a page path such as 'actors/jose-jeri.md'")
            )
            continue
        if old in pages:
            problems.append(
                error(shown, line, col, "redirect-shadows-page", f"'{old}' is an existing page; remove this redirect")
            )
            continue
        if new not in pages:
            vline, vcol = doc.pos((old,))
            problems.append(
                error(
                    shown, vline, vcol, "redirect-target-missing", f"redirect target '{new}' is not a page of the site"
                )
            )
            continue
        found[old] = new
    return dict(sorted(found.items())), problems


def check_redirects(project: Path) -> list[Problem]:
    """Problems in `content/redirects.yml`, for `explainer validate`."""
    return load_redirects(project / "content")[1]


def redirect_html(old: str, new: str, lang: str, base_url: str) -> str:
    """A redirect page at `old`'s URL: meta refresh, canonical link, and a plain link for the rest."""
    old_url, new_url = url_of(old), url_of(new)
    relative = url_relative(new_url, old_url)
    title, moved = _MOVED.get(lang, _MOVED["en"])
    href = html.escape(relative, quote=True)
    canonical = html.escape(base_url + new_url, quote=True) if base_url else ""
    link = f'<link rel="canonical" href="{canonical}">\n' if canonical else ""
    return (
        f'<!doctype html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n{link}"
        f'<meta name="robots" content="noindex">\n<meta http-equiv="refresh" content="0; url={href}">\n'
        f'</head>\n<body>\n<p>{html.escape(moved)} <a href="{href}">{href}</a>.</p>\n</body>\n</html>\n'
    )


def _site_url(content: Path) -> str:
    doc, _ = load_file(content / "site.yml", "content/site.yml")
    url = doc.data.get("site_url") if doc is not None and isinstance(doc.data, dict) else None
    return url.rstrip("/") + "/" if isinstance(url, str) else ""


def redirect_pages(project_root: Path, languages: list[str], site_url: str | None = None) -> dict[str, str]:
    """Static redirect files keyed by path under generated/, e.g. `en/actors/old/index.html`.

    The first language is published at the site root and the others under
    `<lang>/`, as `explainer build` lays them out; canonical links use
    `site_url` (default: site.yml's).
    """
    content = project_root / "content"
    redirects, _ = load_redirects(content)
    base = (site_url.rstrip("/") + "/") if site_url else _site_url(content)
    files: dict[str, str] = {}
    for lang in languages:
        edition = edition_root(base, lang, languages) if base else ""
        for old, new in redirects.items():
            files[f"{lang}/{url_of(old)}index.html"] = redirect_html(old, new, lang, edition)
    return dict(sorted(files.items()))


__all__ = [
    "REDIRECTS",
    "check_redirects",
    "known_pages",
    "load_redirects",
    "redirect_html",
    "redirect_pages",
]
