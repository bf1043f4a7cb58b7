"""The one inline syntax: `[[kind:id|label]]`, links, HTML, read the same way by every stage."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.content.syntax import CROSS_REF, MD_LINK, RAW_HTML, Ref, has_markup, parse_ref


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ("actor:jose-jeri", Ref("actor", "jose-jeri", None)),
        ("actor:jose-jeri|Jerí", Ref("actor", "jose-jeri", "Jerí")),
        (" event : 2025-11-03-asylum | the asylum ", Ref("event", "2025-11-03-asylum", "the asylum")),
        ("source:a|", Ref("source", "a", "")),
        ("legal:x|a|b", Ref("legal", "x", "a|b")),
        ("no colon here", None),
        ("", None),
    ],
)
def test_parse_ref(inner: str, expected: Ref | None) -> None:
    assert parse_ref(inner) == expected


def test_cross_ref_finds_each_reference_and_nothing_nested() -> None:
    text = "See [[actor:a]] and [[event:b|B]]; [[not [nested]]] stays."
    assert [m.group(1) for m in CROSS_REF.finditer(text)] == ["actor:a", "event:b|B"]


def test_link_targets_and_html() -> None:
    assert [m.group(1) for m in MD_LINK.finditer("[a](https://x.org/) [b]( <javascript:y> )")] == [
        "https://x.org/",
        "javascript:y",
    ]
    assert RAW_HTML.search("a <script>") and RAW_HTML.search("</ b>") and RAW_HTML.search("<!-- c")
    assert not RAW_HTML.search("3 < 4 and 5 > 2")


@given(st.text(max_size=80))
def test_parse_ref_never_raises_and_strips(inner: str) -> None:
    ref = parse_ref(inner)
    if ref is not None:
        assert ref.kind == ref.kind.strip() and ref.id == ref.id.strip()
        assert ":" in inner.partition("|")[0]


@given(st.text(max_size=80))
def test_has_markup_is_needed_for_every_match(text: str) -> None:
    """The fast pre-check never hides a reference, a link or HTML from the patterns."""
    if CROSS_REF.search(text) or MD_LINK.search(text) or RAW_HTML.search(text):
        assert has_markup(text)
