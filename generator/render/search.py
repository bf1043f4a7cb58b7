"""What Material's search finds on a page: accent-free spellings of the page's own words.

Why: Material's lunr search matches words as typed and folds no accents, and
readers on phones type "Jeri", "Chavez" or "Mexico". Each section of a
searchable page (Material indexes a page by its headings) ends with the
accent-free form of every accented word in it, in an element that is neither
shown nor read aloud, so a search without accents finds the same pages and
sections as one with them. What a reader sees is unchanged.
"""

from __future__ import annotations

import re
import unicodedata

from . import markup

WORD = re.compile(r"\w*[^\W\x00-\x7f]\w*")
"""A word with at least one non-ASCII letter (the only words whose folded form differs)."""
EXCLUDED = '"exclude": true'
"""How `Page.front` marks a page Material's search leaves out."""
HEADING = re.compile(r"^(?=#{1,6} )", re.MULTILINE)
"""Where a section of the page starts (Markdown headings begin at the start of a line in our templates)."""


def without_accents(text: str) -> str:
    """Remove diacritics, keeping case: "José Jerí" → "Jose Jeri".

    Why not `content.validate.fold`: that one also casefolds (ids), and search
    terms keep the name's capitals.
    """
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def folded_terms(text: str) -> list[str]:
    """The accent-free forms of the accented words in `text`, once each, sorted."""
    found = {without_accents(w) for w in set(WORD.findall(text))}
    return sorted(w for w in found if w.isascii() and w)


def hidden_terms(words: list[str]) -> str:
    """The element that carries search-only words: out of sight and out of the accessibility tree."""
    return f'<p class="search-only" aria-hidden="true">{markup.attr(" ".join(words))}</p>'


def with_search_terms(page: str) -> str:
    """A rendered Markdown page with, at the end of each section, the accent-free forms of its accented words.

    Pages left out of search are returned as they are.
    """
    head, sep, body = page.partition("\n---\n") if page.startswith("---\n") else ("", "", page)
    if EXCLUDED in head or not WORD.search(body):
        return page
    out = []
    for section in HEADING.split(body):
        words = folded_terms(section)
        out.append(f"{section.rstrip()}\n\n{hidden_terms(words)}\n\n" if words else section)
    return (head + sep + "".join(out)).rstrip() + "\n"
