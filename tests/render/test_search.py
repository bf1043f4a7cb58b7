"""Accent-free search terms: at the end of each line that has accented words, never in a heading."""

from generator.render.search import folded_terms, with_search_terms, without_accents

HIDDEN = '<span class="search-only" aria-hidden="true">'


def test_without_accents_and_folded_terms() -> None:
    assert without_accents("José Jerí") == "Jose Jeri"
    assert folded_terms("José Jerí, Jerí y México; plain Peru") == ["Jeri", "Jose", "Mexico"]
    assert folded_terms("plain words only") == []


def test_each_line_gets_its_own_terms() -> None:
    page = '---\ntitle: "x"\n---\n# Jerí\n\nIntro by Jerí.\n\n## Chávez\n\nText[^1]\n\n[^1]: México\n'
    out = with_search_terms(page)
    assert out.startswith(f'---\ntitle: "x"\n---\n# Jerí\n\nIntro by Jerí. {HIDDEN}Jeri</span>\n\n## Chávez\n')
    assert out.endswith(f"[^1]: México {HIDDEN}Mexico</span>\n")
    assert with_search_terms("# Plain\n") == "# Plain\n"
    assert with_search_terms('<p class="x">Añadido</p>\n') == f'<p class="x">Añadido {HIDDEN}Anadido</span></p>\n'


def test_headings_tables_and_code_are_left_alone() -> None:
    page = 'Título\n======\n\n| Perú | 1 |\n\n```\nMéxico\n```\n\n!!! note "Perú"\n'
    assert with_search_terms(page) == page


def test_pages_left_out_of_search_stay_as_they_are() -> None:
    page = '---\nsearch: {"exclude": true}\n---\n# Jerí\n\nJerí\n'
    assert with_search_terms(page) == page
