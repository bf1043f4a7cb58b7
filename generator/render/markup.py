"""The one place content text becomes Markdown: a small allowed subset, everything else escaped.

Why: content comes from pull requests by strangers. Only `*em*`, `**strong**`,
`[label](https://...)` and `[[kind:id|label]]` cross-references survive;
every other character that means something to Markdown or HTML is escaped,
so no field can smuggle a tag, an attribute list, a footnote or a
`javascript:` link into the site.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from typing import TypeAlias

from markupsafe import Markup

TOKEN = re.compile(
    r"\[\[(?P<ref>[^\[\]]+)\]\]"
    r"|\[(?P<label>[^\[\]]+)\]\((?P<url>https?://[^\s()<>\"']+)\)"
    r"|\*\*(?P<strong>[^*\n]+)\*\*"
    r"|\*(?P<em>[^*\n]+)\*"
)
_MD_SPECIAL = set("\\`*_{}[]()#+-.!")
_HTML = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "|": "&#124;", "~": "&#126;", "^": "&#94;"}

Resolver = Callable[[str, str], tuple[str, str] | None]
"""Maps (kind, id) to (relative URL, default label), or None when unknown."""


class Glossary:
    """Terms that link to their explanation, with the definition as a tooltip (the link title).

    Why: readers meet "safe conduct" or "persona non grata" in running text;
    the first mention in each text links to the concept's page and shows a
    short definition on hover or keyboard focus.
    """

    def __init__(self, terms: dict[str, tuple[str, str]]) -> None:
        self.terms = {k.casefold(): v for k, v in terms.items() if len(k) >= 4}
        self.pattern = (
            re.compile(r"(?<!\w)(" + _trie_pattern(sorted(self.terms)) + r")(?!\w)", re.IGNORECASE)
            if self.terms
            else None
        )

    def link(self, text: str, resolve: Resolver, seen: set[str], as_html: bool = False) -> str:
        """Escape plain text, turning the first mention of each term into a titled link (Markdown, or HTML)."""
        write = attr if as_html else escape
        if self.pattern is None:
            return write(text)
        out: list[str] = []
        pos = 0
        for match in self.pattern.finditer(text):
            rid, definition = self.terms[match.group(1).casefold()]
            if rid in seen:
                continue
            found = resolve("legal", rid)
            if found is None:
                continue
            seen.add(rid)
            out.append(write(text[pos : match.start()]))
            title = html.escape(re.sub(r"[\s\\\"]+", " ", definition), quote=True)
            if as_html:
                out.append(f'<a href="{attr(found[0])}" title="{title}">{attr(match.group(1))}</a>')
            else:
                out.append(f'[{escape(match.group(1))}]({found[0]} "{title}")')
            pos = match.end()
        out.append(write(text[pos:]))
        return "".join(out)


_Trie: TypeAlias = dict[str, "_Trie"]
"""One node per prefix; the key "" marks the end of a word."""


def _trie_pattern(words: list[str]) -> str:
    """One regular expression matching any of `words`, longest first, shaped as a trie.

    Why a trie: an alternation of every term makes the regex engine try each
    term at each position, so linking grew with the size of the glossary; the
    trie reads each character once whatever the number of terms.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        ends = "" in node
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Greedy `?`: a longer term wins; the engine backs off to the shorter one if the longer does not fit.
        return f"(?:{body})?" if ends else body

    return pattern(trie)


_STEPS: tuple[tuple[str, str], ...] = (
    ("\\", "\\\\"),
    *((c, "\\" + c) for c in sorted(_MD_SPECIAL - {"\\"})),
    ("&", "&amp;"),
    *((c, r) for c, r in sorted(_HTML.items()) if c != "&"),
    ("\t", " "),
    ("\r", " "),
)
"""Replacements in an order where none re-escapes another's output: the backslash first (the Markdown
escapes add backslashes), the Markdown characters before the entities (which add `#`), `&` before the
other entities (which add `&`)."""


@functools.cache
def escape(text: str) -> str:
    """Escape plain text for Markdown and HTML (tabs become spaces).

    Why replacements, not `str.translate`: translate with a mapping looks up every
    character, 15 µs for a summary; a replace per character present is 1.8 µs
    (tests/test_markup.py checks both give the same text). Why remembered: the same
    names, titles and publishers are escaped on thousands of pages.
    """
    for char, replacement in _STEPS:
        if char in text:
            text = text.replace(char, replacement)
    return text


def attr(text: str) -> str:
    """Escape text for an HTML attribute or element in our own templates."""
    return html.escape(text, quote=True)


_INDENT = re.compile(r"\n[ ]+")


def inline(text: str, resolve: Resolver, glossary: Glossary | None = None) -> Markup:
    """Convert the allowed subset of content text to Markdown; escape the rest."""
    parts: list[str] = []
    pos = 0
    seen: set[str] = set()

    def plain_part(chunk: str) -> str:
        return glossary.link(chunk, resolve, seen) if glossary else escape(chunk)

    for match in TOKEN.finditer(text):
        parts.append(plain_part(text[pos : match.start()]))
        pos = match.end()
        if match.group("ref"):
            target, _, label = match.group("ref").partition("|")
            kind, _, rid = target.strip().partition(":")
            found = resolve(kind.strip(), rid.strip())
            if found is None:
                parts.append(escape(label or rid))
            else:
                url, default = found
                parts.append(f"[{escape(label.strip() or default)}]({url})")
        elif match.group("url"):
            url = match.group("url").replace("_", "%5F").replace("*", "%2A")
            parts.append(f"[{escape(match.group('label'))}](<{url}>)")
        elif match.group("strong"):
            parts.append(f"**{escape(match.group('strong'))}**")
        else:
            parts.append(f"*{escape(match.group('em'))}*")
    parts.append(plain_part(text[pos:]))
    # Indentation would turn a line into a code block: drop it, keep paragraphs.
    return Markup(_INDENT.sub("\n", "".join(parts)).strip())


_PARAGRAPHS = re.compile(r"\s*\n\s*\n\s*")


def inline_html(text: str, resolve: Resolver, glossary: Glossary | None = None) -> Markup:
    """The subset `inline` allows, written as HTML, for pages no Markdown converter reads (the embeds).

    Why a second writer of the same tokens: Python-Markdown takes about 3 ms
    to convert one event's card, which at 10,000 events and two languages
    would double the generator's time; this takes a few microseconds. A test
    checks that both give the same text and links.
    """
    parts: list[str] = []
    pos = 0
    seen: set[str] = set()

    def plain_part(chunk: str) -> str:
        return glossary.link(chunk, resolve, seen, as_html=True) if glossary else attr(chunk)

    for match in TOKEN.finditer(text):
        parts.append(plain_part(text[pos : match.start()]))
        pos = match.end()
        if match.group("ref"):
            target, _, label = match.group("ref").partition("|")
            kind, _, rid = target.strip().partition(":")
            found = resolve(kind.strip(), rid.strip())
            if found is None:
                parts.append(attr(label or rid))
            else:
                url, default = found
                parts.append(f'<a href="{attr(url)}">{attr(label.strip() or default)}</a>')
        elif match.group("url"):
            parts.append(f'<a href="{attr(match.group("url"))}">{attr(match.group("label"))}</a>')
        elif match.group("strong"):
            parts.append(f"<strong>{attr(match.group('strong'))}</strong>")
        else:
            parts.append(f"<em>{attr(match.group('em'))}</em>")
    parts.append(plain_part(text[pos:]))
    # A blank line, a paragraph in Markdown, is a line break inside the element that holds the text.
    return Markup(_PARAGRAPHS.sub("<br><br>", "".join(parts).strip()))


def plain(text: str, resolve: Resolver | None = None) -> str:
    """Content text without markup, for titles, descriptions and SVG labels."""

    def repl(match: re.Match[str]) -> str:
        if match.group("ref"):
            target, _, label = match.group("ref").partition("|")
            kind, _, rid = target.strip().partition(":")
            found = resolve(kind, rid.strip()) if resolve else None
            return label.strip() or (found[1] if found else rid.replace("-", " "))
        return match.group("label") or match.group("strong") or match.group("em") or ""

    # Every token starts with "[" or "*": most titles hold neither, and skipping the scan halves their cost.
    if "[" in text or "*" in text:
        text = TOKEN.sub(repl, text)
    return " ".join(text.split())


_SAFE_TARGET = r"(?!https?://|mailto:|#|[a-z0-9][a-z0-9/-]*\.md(?:#[a-z0-9-]+)?[)\s>])"
_UNSAFE_LINK = re.compile(r"(\]\(\s*<?)" + _SAFE_TARGET + r"([^)\s>]*)", re.IGNORECASE)
_REF_DEF = re.compile(r"^(\s*\[[^\]]+\]:\s*<?)" + _SAFE_TARGET + r"(\S*)", re.IGNORECASE | re.MULTILINE)
_CROSS = re.compile(r"\[\[([^\[\]]+)\]\]")


def prose(body: str, resolve: Resolver) -> Markup:
    """Full Markdown from a prose page, made inert: no HTML, no attribute lists, only http(s) links.

    Why: prose pages need headings and lists, so they are not squeezed into
    the inline subset; instead, everything that could carry markup into HTML
    is neutralised before Markdown sees it.
    """
    text = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("{", "&#123;").replace("}", "&#125;")
    # No images: they would load from other hosts (privacy) and are not part of the content model.
    text = text.replace("![", "&#33;[")
    text = _UNSAFE_LINK.sub(lambda m: m.group(1) + "#", text)
    text = _REF_DEF.sub(lambda m: m.group(1) + "#", text)

    def cross(match: re.Match[str]) -> str:
        target, _, label = match.group(1).partition("|")
        kind, _, rid = target.strip().partition(":")
        found = resolve(kind.strip(), rid.strip())
        if found is None:
            return escape(label or rid)
        return f"[{escape(label.strip() or found[1])}]({found[0]})"

    # Block quotes were escaped to &gt; above; restore a leading ">" so quotes still work.
    text = re.sub(r"^(\s*)&gt;", r"\1>", text, flags=re.MULTILINE)
    return Markup(_CROSS.sub(cross, text).strip())
