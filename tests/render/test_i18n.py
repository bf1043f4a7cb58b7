"""Locale files: every language has every string, dates keep their precision, a broken file names what is wrong."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
import yaml

from generator.render.i18n import (
    LOCALES,
    STRING_KEYS,
    SUPPORTED,
    LocaleError,
    country_called,
    format_date,
    language_called,
    language_name,
    load_locale,
    locale,
    month_name,
    t,
)

PT_SAME_AS_ES = {
    # Words Portuguese and Spanish genuinely spell alike; every other Portuguese string must differ.
    "roles": "Cargos",
    "official_text": "Texto oficial",
    "note": "Nota",
    "since": "desde",
    "language": "Idioma",
    "kind": "Tipo",
    "actor_kind": "Tipo",
    "accessed": "consultado",
    "notes": "Notas",
    "country": "País",
    "field_title": "título",
    "kind_state": "Estado",
    "kind_court": "Tribunal",
    "kind_party": "Partido político",
    "kind_treaty": "Tratado",
    "states": "Estados",
    "this_account": "Este relato",
    "n_legal": "{n} textos jurídicos",
    "n_pages": "{n} páginas",
}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_shipped_languages() -> None:
    assert {"en", "es", "pt"} <= SUPPORTED
    assert {lang: language_name(lang) for lang in ("en", "es", "pt")} == {
        "en": "English",
        "es": "Español",
        "pt": "Português",
    }
    assert language_name("xx") == "xx"


@pytest.mark.parametrize("lang", sorted(SUPPORTED))
def test_every_locale_has_the_same_keys_as_english(lang: str) -> None:
    assert set(locale(lang).strings) == set(locale("en").strings) == STRING_KEYS


@pytest.mark.parametrize("lang", sorted(SUPPORTED))
def test_translations_keep_every_placeholder(lang: str) -> None:
    en = locale("en").strings
    for key, text in locale(lang).strings.items():
        assert _fields(text) == _fields(en[key]), (lang, key)


@pytest.mark.parametrize(
    ("date", "lang", "expected"),
    [
        ("2025-11-06", "en", "6 November 2025"),
        ("2025-11", "en", "November 2025"),
        ("2025", "en", "2025"),
        ("2025-11-06", "es", "6 de noviembre de 2025"),
        ("2025-11", "es", "noviembre de 2025"),
        ("2025", "es", "2025"),
        ("2026-02-01", "pt", "1 de fevereiro de 2026"),
        ("2026-03", "pt", "março de 2026"),
        ("2026", "pt", "2026"),
    ],
)
def test_dates_keep_their_precision(date: str, lang: str, expected: str) -> None:
    assert format_date(date, lang) == expected


def test_month_names_and_strings() -> None:
    assert month_name(11, "es") == "Noviembre"
    assert month_name(3, "pt") == "Março"
    assert [month_name(m, "en") for m in (1, 12)] == ["January", "December"]
    assert t("en", "n_events", n=3) == "3 events"
    assert t("pt", "reviewed", date="1 de março de 2026") == "Última revisão do conteúdo em 1 de março de 2026."


def test_languages_and_countries_are_named_in_the_page_language() -> None:
    assert (language_called("es", "en"), language_called("es", "es"), language_called("en", "pt")) == (
        "Spanish",
        "español",
        "inglês",
    )
    assert (country_called("PE", "en"), country_called("PE", "es"), country_called("MX", "es")) == (
        "Peru",
        "Perú",
        "México",
    )
    assert language_called("zz", "en") == "zz" and country_called("PE", "zz") == "PE"


def test_portuguese_is_not_spanish() -> None:
    es, pt = locale("es").strings, locale("pt").strings
    same = {key: text for key, text in pt.items() if text == es[key]}
    assert same == PT_SAME_AS_ES


def _broken(tmp_path: Path, change: str) -> Path:
    """A copy of en.yml with one edit, in a folder of its own."""
    data = yaml.safe_load((LOCALES / "en.yml").read_text(encoding="utf-8"))
    if change == "no-key":
        del data["strings"]["sources"]
    elif change == "extra-key":
        data["strings"]["sourcez"] = "Sources"
    elif change == "no-months":
        data["months"] = data["months"][:11]
    elif change == "bad-pattern":
        data["dates"]["month"] = "{month}"
    elif change == "no-name":
        del data["name"]
    path = tmp_path / "locales" / "xx.yml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("no-key", "xx.yml: missing key 'strings.sources'"),
        ("extra-key", "xx.yml: unknown key 'strings.sourcez'"),
        ("no-months", "xx.yml: months: Tuple should have at least 12 items"),
        ("bad-pattern", "xx.yml: dates.month: must use exactly {month}, {year}; found {month}"),
        ("no-name", "xx.yml: missing key 'name'"),
    ],
)
def test_a_broken_locale_names_the_file_and_the_key(tmp_path: Path, change: str, message: str) -> None:
    path = _broken(tmp_path, change)
    with pytest.raises(LocaleError) as raised:
        load_locale(path)
    assert str(raised.value).startswith(str(path.parent / message))
    assert len(str(raised.value).splitlines()) == 1


def test_every_problem_of_a_file_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "xx.yml"
    path.write_text("name: X\nmonths: []\nstrings: {home: Home}\n", encoding="utf-8")
    with pytest.raises(LocaleError) as raised:
        load_locale(path, "locales/xx.yml")
    lines = str(raised.value).splitlines()
    assert "locales/xx.yml: missing key 'dates'" in lines
    assert "locales/xx.yml: missing key 'redirect'" in lines
    assert "locales/xx.yml: missing key 'strings.sources'" in lines
    assert len([line for line in lines if "missing key 'strings." in line]) == len(STRING_KEYS) - 1


def test_not_yaml_is_a_locale_error(tmp_path: Path) -> None:
    path = tmp_path / "xx.yml"
    path.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(LocaleError, match="xx.yml: not valid YAML"):
        load_locale(path)


def test_locales_are_read_once() -> None:
    assert locale("es") is locale("es")
