"""Static HTML redirect pages for renamed records, one per edition.

Why: MkDocs cannot redirect from Markdown, but it copies `.html` files in
the docs folder as they are, so a meta-refresh page at a record's old
address works with any builder that reads `mkdocs.yml`. Which addresses
moved, and where to, is `structure/redirects.py`'s job; this module only
writes the pages, in each edition's language (`locales/<lang>.yml`,
`redirect:`).
"""

from __future__ import annotations

import html
from pathlib import Path

from ..content.load import load_file
from ..structure.redirects import load_redirects
from ..structure.routes import edition_root, url_of, url_relative
from .i18n import SUPPORTED, locale


def redirect_html(old: str, new: str, lang: str, base_url: str) -> str:
    """A redirect page at `old`'s URL: meta refresh, canonical link, and a plain link for the rest."""
    old_url, new_url = url_of(old), url_of(new)
    relative = url_relative(new_url, old_url)
    wording = locale(lang if lang in SUPPORTED else "en").redirect
    href = html.escape(relative, quote=True)
    canonical = html.escape(base_url + new_url, quote=True) if base_url else ""
    link = f'<link rel="canonical" href="{canonical}">\n' if canonical else ""
    return (
        f'<!doctype html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(wording.title)}</title>\n{link}"
        f'<meta name="robots" content="noindex">\n<meta http-equiv="refresh" content="0; url={href}">\n'
        f'</head>\n<body>\n<p>{html.escape(wording.moved)} <a href="{href}">{href}</a>.</p>\n</body>\n</html>\n'
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


__all__ = ["redirect_html", "redirect_pages"]
