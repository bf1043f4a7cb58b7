"""What Material's search finds on a page: accent-free spellings of the page's own words.

Why: Material's lunr search matches words as typed and folds no accents, and
readers on phones type "Munoz", "Bogota" or "Peten". Each line of a searchable
page that holds accented words ends with their accent-free forms, in an element
that is neither shown nor read aloud, so a search without accents finds the
same pages and sections as one with them, and Material's snippet (the block
that matched) is the reader's own sentence. Headings are left alone: their
text is the result's title and the table of contents.
"""

from __future__ import annotations

import re
import unicodedata

from . import markup

WORD = re.compile(r"\w*[^\W\x00-\x7f]\w*")
"""A word with at least one non-ASCII letter (the only words whose folded form differs)."""
EXCLUDED = '"exclude": true'
"""How `Page.front` marks a page Material's search leaves out."""
SKIP = re.compile(r"^\s*(#|\||```|~~~|!!!|\?\?\?)|\|\s*$|<iframe|&lt;iframe")
"""Lines that take no search terms: headings, table rows, fences, admonition titles, and embed code (which a
reader copies as it is)."""
CLOSING = re.compile(r"</(p|li|figure|aside|div)>\s*$")
"""A line of raw HTML that ends a block: the terms go inside it, so they belong to the block that matched."""
UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
"""The line under a heading written with = or -."""


def without_accents(text: str) -> str:
    """Remove diacritics, keeping case: "José Muñoz" → "Jose Munoz".

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
    return f'<span class="search-only" aria-hidden="true">{markup.attr(" ".join(words))}</span>'


def with_search_terms(page: str) -> str:
    """A rendered Markdown page whose lines end with the accent-free forms of their accented words.

    Pages left out of search are returned as they are.
    """
    head, sep, body = page.partition("\n---\n") if page.startswith("---\n") else ("", "", page)
    if EXCLUDED in head or not WORD.search(body):
        return page
    lines = body.split("\n")
    fenced = False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced or SKIP.search(line) or (i + 1 < len(lines) and UNDERLINE.match(lines[i + 1]) and line.strip()):
            continue
        words = folded_terms(line)
        if words:
            end = CLOSING.search(line)
            at = end.start() if end else len(line)
            lines[i] = f"{line[:at]} {hidden_terms(words)}{line[at:]}"
    return head + sep + "\n".join(lines)
