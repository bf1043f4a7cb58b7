"""The one escaping function: only the allowed subset survives, for any input."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
from hypothesis import given
from hypothesis import strategies as st

from generator.render.markup import escape, inline, inline_html, plain, prose

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc"]


def resolve(kind: str, rid: str) -> tuple[str, str] | None:
    return ("../actors/x.md", "Ex") if (kind, rid) == ("actor", "x") else None


class Danger(HTMLParser):
    """Finds anything executable in HTML: script/iframe/object elements, on* attributes, script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "iframe", "object", "embed", "style", "img", "svg", "form", "base", "meta", "link"}:
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "srcdoc"}:
                self.found.append(name)
            if value and value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(value)


def dangerous(md_text: str) -> list[str]:
    parser = Danger()
    parser.feed(markdown.markdown(md_text, extensions=EXTENSIONS))
    return parser.found


def test_allowed_subset() -> None:
    assert inline("*a* **b** [c](https://x.org/a_b) [[actor:x]] [[actor:x|Label]]", resolve) == (
        "*a* **b** [c](<https://x.org/a%5Fb>) [Ex](../actors/x.md) [Label](../actors/x.md)"
    )


def test_everything_else_is_escaped() -> None:
    text = '<script>alert(1)</script> [x](javascript:alert(1)) {: onclick="x"} # h | t ![i](https://x/y.png) [^1]'
    out = inline(text, resolve)
    assert "<script" not in out and "\\{:" in out
    assert dangerous(out) == []
    html = markdown.markdown(out, extensions=EXTENSIONS)
    assert "&lt;script&gt;" in html and "<h1" not in html and "<img" not in html


def test_unknown_reference_becomes_text() -> None:
    assert inline("[[actor:nobody|Nobody]]", resolve) == "Nobody"


def test_plain() -> None:
    assert plain("**Hi** [[actor:x]] and [a](https://b.c)", resolve) == "Hi Ex and a"


def test_prose_keeps_structure_but_not_html() -> None:
    body = "## Title\n\n- item [a](about.md)\n\n<b onclick=x>bold</b> [j](javascript:x) {: .x onclick=y }\n\n[r]: javascript:alert(1)\n"
    out = prose(body, resolve)
    html = markdown.markdown(out, extensions=EXTENSIONS)
    assert "<h2" in html and "<li>" in html and 'href="about.md"' in html
    assert dangerous(out) == []


PIECES = list("<>\"'&{}[]()*_:/#!|^~`= \nabcjsvrpt.-1") + [
    "javascript:",
    "onerror=",
    "<script>",
    "[[actor:x]]",
    "](",
    "{: ",
    "<img src=x ",
    "&#",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@given(TEXTS)
def test_no_input_produces_executable_html(text: str) -> None:
    assert dangerous(inline(text, resolve)) == []
    assert dangerous(prose(text, resolve)) == []
    assert dangerous(escape(text)) == []


@given(st.text(max_size=120))
def test_arbitrary_unicode_is_safe(text: str) -> None:
    assert dangerous(inline(text, resolve)) == []
    assert dangerous(prose(text, resolve)) == []


@given(
    st.lists(st.text(alphabet="abé -", min_size=1, max_size=6), min_size=1, max_size=8, unique=True),
    st.text(alphabet="abé -.", max_size=40),
)
def test_glossary_trie_matches_like_a_longest_first_alternation(words: list[str], text: str) -> None:
    """The trie-shaped glossary pattern finds exactly what `longest|...|shortest` finds."""
    from generator.render.markup import _trie_pattern

    trie = re.compile(r"(?<!\w)(" + _trie_pattern(sorted(words)) + r")(?!\w)", re.IGNORECASE)
    plain = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    alternation = re.compile(r"(?<!\w)(" + plain + r")(?!\w)", re.IGNORECASE)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in alternation.finditer(text)]


_ESCAPABLE = '\\`*_{}[]()#+-.!<>&"|~^\t\r'


@given(st.text(alphabet=st.sampled_from(_ESCAPABLE + "ab ;é&#1"), max_size=80) | st.text(max_size=80))
def test_escape_maps_each_character_once(text: str) -> None:
    """The chained replacements equal a one-pass character map: no replacement re-escapes another's output."""
    from generator.render.markup import _HTML, _MD_SPECIAL

    table = str.maketrans({**_HTML, **{c: "\\" + c for c in _MD_SPECIAL}, "\t": " ", "\r": " "})
    assert escape(text) == text.translate(table)


@given(
    st.text(alphabet=st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000ab[]*(:)|"), max_size=60)
    | st.text(max_size=60)
)
def test_plain_collapses_whitespace_as_the_pattern_did(text: str) -> None:
    """`plain` joins str.split(); it must equal collapsing `\\s+` runs and stripping, for every character."""
    import re as _re

    from generator.render.markup import TOKEN

    def repl(match: _re.Match[str]) -> str:
        if match.group("ref"):
            target, _, label = match.group("ref").partition("|")
            return label.strip() or target.strip().partition(":")[2].replace("-", " ")
        return match.group("label") or match.group("strong") or match.group("em") or ""

    assert plain(text) == _re.sub(r"\s+", " ", TOKEN.sub(repl, text)).strip()


class _TextAndLinks(HTMLParser):
    """What a reader gets from HTML: its text (spaces collapsed) and the links, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append((dict(attrs).get("href") or "").replace("%5F", "_").replace("%2A", "*"))
        self.text.append(" " if tag in {"br", "p"} else "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _read(html: str) -> tuple[str, list[str]]:
    parser = _TextAndLinks()
    parser.feed(html)
    parser.close()
    # A quirk of Markdown aside: it takes a line of `=` under text for a heading's underline (text to the subset).
    return " ".join("".join(parser.text).replace("=", " ").split()), parser.links


NO_EMPHASIS = st.lists(st.sampled_from([p for p in PIECES if "*" not in p]), max_size=40).map("".join)
"""Without asterisks: Python-Markdown reads runs of them its own way (`*<**<*<` even leaks a placeholder into
its output), so emphasis is checked by example below."""


@given(NO_EMPHASIS)
def test_inline_html_says_what_markdown_makes_of_inline(text: str) -> None:
    """The embeds' HTML writer and the site's Markdown give the reader the same text and links."""
    html = inline_html(text, resolve)
    assert _read(html) == _read(markdown.markdown(inline(text, resolve), extensions=EXTENSIONS))


@given(TEXTS)
def test_inline_html_is_safe(text: str) -> None:
    parser = Danger()
    parser.feed(inline_html(text, resolve))
    assert parser.found == []


def test_inline_html_writes_the_subset() -> None:
    out = inline_html("*a* **b** [c](https://x.org/a_b) [[actor:x]] [[actor:x|L]] <i>\n\nnext", resolve)
    assert out == (
        '<em>a</em> <strong>b</strong> <a href="https://x.org/a_b">c</a> <a href="../actors/x.md">Ex</a> '
        '<a href="../actors/x.md">L</a> &lt;i&gt;<br><br>next'
    )
