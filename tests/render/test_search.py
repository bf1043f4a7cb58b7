"""Accent-free search terms: every accented word of a section, folded, at the end of that section."""

from generator.render.search import folded_terms, with_search_terms, without_accents


def test_without_accents_and_folded_terms() -> None:
    assert without_accents("José Jerí") == "Jose Jeri"
    assert folded_terms("José Jerí, Jerí y México; plain Peru") == ["Jeri", "Jose", "Mexico"]
    assert folded_terms("plain words only") == []


def test_each_section_gets_its_own_terms() -> None:
    page = '---\ntitle: "x"\n---\n# Jerí\n\nIntro.\n\n## Chávez\n\nText [^1]\n\n[^1]: México\n'
    out = with_search_terms(page)
    assert out.startswith(
        '---\ntitle: "x"\n---\n# Jerí\n\nIntro.\n\n<p class="search-only" aria-hidden="true">Jeri</p>'
    )
    assert out.endswith('[^1]: México\n\n<p class="search-only" aria-hidden="true">Chavez Mexico</p>\n')
    assert with_search_terms("# Plain\n") == "# Plain\n"


def test_pages_left_out_of_search_stay_as_they_are() -> None:
    page = '---\nsearch: {"exclude": true}\n---\n# Jerí\n'
    assert with_search_terms(page) == page
