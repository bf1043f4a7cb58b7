"""Redirects for renamed records: read and check `content/redirects.yml`.

Why: a page's address is its record's id, and people link to those
addresses. When `explainer rename` changes an id it records
`actors/old.md: actors/new.md` here, and every edition of the site keeps a
tiny page at the old address that sends readers on
(`render/redirect_pages.py` writes those pages).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..content.load import load_file
from ..problems import Problem, error
from .routes import RECORD_PAGES, site_pages

REDIRECTS = "redirects.yml"
"""File name inside content/."""
_PATH = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*[a-z0-9]+(?:-[a-z0-9]+)*\.md$")


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
                error(shown, line, col, "bad-redirect", f"'{bad}' is not a page path such as 'actors/jane-doe.md'")
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


__all__ = [
    "REDIRECTS",
    "check_redirects",
    "known_pages",
    "load_redirects",
]
