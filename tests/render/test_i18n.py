"""Dates in each language keep their precision; every language has every interface string."""

import pytest

from generator.render.i18n import STRINGS, format_date, month_name


@pytest.mark.parametrize(
    ("date", "lang", "expected"),
    [
        ("2025-11-06", "en", "6 November 2025"),
        ("2025-11-06", "es", "6 de noviembre de 2025"),
        ("2025-11", "en", "November 2025"),
        ("2025-11", "es", "noviembre de 2025"),
        ("2025", "es", "2025"),
        ("2026-02-01", "pt", "1 de fevereiro de 2026"),
    ],
)
def test_dates(date: str, lang: str, expected: str) -> None:
    assert format_date(date, lang) == expected


def test_every_language_has_every_string() -> None:
    keys = set(STRINGS["en"])
    for lang, table in STRINGS.items():
        assert set(table) == keys, lang
    assert month_name(11, "es") == "Noviembre"
