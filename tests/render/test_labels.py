"""One language's texts: the visible fallback, record names, plain text, the glossary, history labels."""

from __future__ import annotations

from pathlib import Path

from generator.content.validate import Content
from generator.pipeline import check
from generator.render.labels import Labels, plain_names, text_in
from generator.structure.changes import Change


def test_pick_says_when_it_fell_back(es: Labels) -> None:
    assert es.pick({"en": "Hello", "es": "Hola"}) == ("Hola", False)
    assert es.pick({"en": "Hello"}) == ("Hello", True)
    assert es.pick({"pt": "Olá"}) == ("Olá", True)
    # A plain string is in the default language: a fallback everywhere else.
    assert es.pick("Daily One") == ("Daily One", True)


def test_default_language_never_falls_back(small_content: Content) -> None:
    en = Labels(small_content, "en")
    assert en.pick("Daily One") == ("Daily One", False)
    assert en.pick({"en": "Hello", "es": "Hola"}) == ("Hello", False)


def test_labels_of_each_kind(es: Labels) -> None:
    assert es.label("actors", "alpha") == "Alfa"  # the short name first
    assert es.label("actors", "land") == "Tierra"
    assert es.label("legal", "example-convention") == "Convención sobre Ejemplos"
    assert es.label("sources", "news-one") == "Alpha asks for asylum"
    assert es.label("questions", "why") == "¿Por qué reaccionó Tierra?"
    assert es.label("events", "2025-11-03-asylum") == "Alfa entra en la embajada"


def test_plain_names_references(es: Labels) -> None:
    assert es.plain("[[actor:alpha]] pidió *asilo* a [[actor:land|la Tierra]].") == "Alfa pidió asilo a la Tierra."
    assert es.text({"en": "**x**", "es": "**y**  z"}) == "y z"
    assert es.resolve_label("actor", "alpha") == ("", "Alfa")
    assert es.resolve_label("actor", "nobody") is None
    assert es.resolve_label("nonsense", "alpha") is None


def test_change_labels(es: Labels) -> None:
    assert es.change_label(Change("2025-11-04", "actors", "alpha", "added")) == "Alfa"
    assert es.change_label(Change("2025-11-01", "pages", "about", "added")) == "Acerca de"


def test_glossary_holds_concepts_only(es: Labels) -> None:
    # The fixture's one legal record is a treaty, not a concept: nothing links as a term.
    assert es.glossary.terms == {}
    assert es.glossary is es.glossary  # built once per edition


def test_text_in_falls_through_empty_translations() -> None:
    assert text_in({"en": "Hello", "es": ""}, "es", "en") == "Hello"
    assert text_in({"pt": "Olá"}, "es", "en") == "Olá"
    assert text_in(None, "es", "en") == ""
    assert text_in("x", "es", "en") == "x"


def test_plain_names_for_downloads(small_content: Content) -> None:
    resolve = plain_names(small_content, "es")
    assert resolve("actor", "alpha") == ("", "Alfa")
    assert resolve("legal", "example-convention") == ("", "Convención sobre Ejemplos")
    assert resolve("actor", "nobody") is None


def test_glossary_terms_come_from_concepts(small_project: Path) -> None:
    (small_project / "content" / "legal" / "safe-conduct.yml").write_text(
        'kind: concept\ntitle: {en: "Safe conduct", es: "Salvoconducto"}\naliases: [{en: "safe passage"}]\n'
        'summary: {en: "A permit to leave **unharmed**; see [[actor:land]].", es: "Un permiso."}\n'
        "sources: [treaty-text]\n"
    )
    content, problems = check(small_project)
    assert content is not None, problems
    en = Labels(content, "en").glossary.terms
    assert en["safe conduct"] == ("safe-conduct", "A permit to leave unharmed; see Land.")
    assert en["safe passage"] == ("safe-conduct", "A permit to leave unharmed; see Land.")
    assert Labels(content, "es").glossary.terms["salvoconducto"] == ("safe-conduct", "Un permiso.")
