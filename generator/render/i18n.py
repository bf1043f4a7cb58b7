"""Interface strings and date formats per language, read from `locales/<lang>.yml`.

Why: the generated pages say "Sources", "Key moments" and "6 November 2025"
in the page's language. Everything a language needs (interface strings,
month names, date word order, its own name, the redirect page's wording) is
one data file, so a new language is one more file plus content, and no
code. Each file is checked against `Locale` when first used: a missing or
unknown key is an error naming the file and the key, never a `KeyError`
halfway through a build.
"""

from __future__ import annotations

import functools
import string
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import babel
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, create_model, field_validator

from ..content.model import PartialDate

LOCALES = resources.files("generator.render") / "locales"
"""The shipped locale files, one per language: `en.yml`, `es.yml`, …"""

SUPPORTED = frozenset(p.name.removesuffix(".yml") for p in LOCALES.iterdir() if p.name.endswith(".yml"))
"""Languages that have a locale file (listed without reading them, to keep start-up cheap)."""

STRING_KEYS = frozenset(
    """
    home chronology actors legal questions sources disputes key_moments key_moment key_facts in_brief
    latest events event roles relations appears_in mentioned_in cited_by provisions parties relevance official_text
    adopted signed ratified sources_differ other_sources_say note single_source n_sources one_source
    reviewed since until present positions related status_open status_unverified publisher published language kind
    archived accessed notes not_cited permalink by_year all_events translation not_translated quote actor_kind country
    field_date field_title field_summary field_from field_to field_other
    disputes_intro no_disputes questions_intro actors_intro legal_intro sources_intro chronology_intro
    timeline_label year_precision month_precision
    kind_person kind_state kind_government-body kind_legislature kind_court kind_organization kind_party
    kind_treaty kind_provision kind_court-case kind_concept kind_domestic-law kind_resolution
    kind_news kind_wire kind_official-statement kind_legal-text kind_court-decision kind_reference
    people states institutions concepts treaties cases answer graph_title graph_desc graph_centre graph_elsewhere
    neighbourhood_title
    data data_intro data_json data_csv data_ics data_licence n_events to_dark to_light timeline_hint
    added_on updated_on corrections whats_new whats_new_intro change_added change_updated change_correction
    feed subscribe not_found_title not_found_text
    as_summarised this_account version reported_by minor_differences differs_on disputes_major disputes_minor
    disputes_minor_intro page_history n_actors n_legal n_questions n_pages sources_changed
    read_next all_related read_answer read_source in_language quotes_used
    embed_this embed_timeline embed_key_facts embed_event embed_hint embed_full_page
    """.split()
)
"""Every interface string a locale must define (templates and renderers look them up with `t()`).

A new language needs no change here; a new string is added here and to every locale file.
"""


_DATE_FIELDS = {"day": {"day", "month", "year"}, "month": {"month", "year"}, "year": {"year"}}
"""The placeholders each date pattern must use, by precision."""


def _placeholders(pattern: str) -> set[str]:
    """The `{name}` fields of a `str.format` pattern."""
    return {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}


def _braced(names: set[str]) -> str:
    return ", ".join("{" + name + "}" for name in sorted(names))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_STRING_FIELDS: dict[str, Any] = {key: (str, ...) for key in sorted(STRING_KEYS)}
_Strings = create_model("Strings", __config__=ConfigDict(extra="forbid", strict=True), **_STRING_FIELDS)
"""Every string key required and no other: checks the `strings` mapping before it is kept as a dict."""


class DatePatterns(_Strict):
    """Word order of a date at each precision, with `{day}`, `{month}` (its name) and `{year}`."""

    day: str = Field(description="A full date, e.g. `{day} de {month} de {year}`.")
    month: str = Field(description="A month of a year, e.g. `{month} {year}`.")
    year: str = Field(description="A year alone, normally `{year}`.")

    @field_validator("day", "month", "year")
    @classmethod
    def _right_placeholders(cls, pattern: str, info: ValidationInfo) -> str:
        wanted, found = _DATE_FIELDS[info.field_name or ""], _placeholders(pattern)
        if found != wanted:
            msg = f"must use exactly {_braced(wanted)}; found {_braced(found) or 'none'}"
            raise ValueError(msg)
        return pattern


class RedirectWording(_Strict):
    """The page left at a renamed record's old address."""

    title: str = Field(description="The page title, e.g. `Page moved`.")
    moved: str = Field(description="The sentence before the new address's link, e.g. `This page has moved to`.")


class Locale(_Strict):
    """One language's locale file: every field and every interface string is required."""

    name: str = Field(description="The language's own name, shown in the language switch, e.g. `Español`.")
    months: tuple[str, ...] = Field(
        min_length=12, max_length=12, description="January to December, lower case as in running text."
    )
    dates: DatePatterns = Field(description="How a date reads at day, month and year precision.")
    redirect: RedirectWording = Field(description="Wording of redirect pages.")
    strings: dict[str, str] = Field(
        description="Interface strings by key (`STRING_KEYS`); `{name}` placeholders are filled in by `t()`."
    )

    @field_validator("strings", mode="before")
    @classmethod
    def _every_key(cls, strings: object) -> object:
        # A ValidationError raised here keeps its own errors, under `strings.<key>`:
        # one "missing"/"extra_forbidden" line per key, as for the other fields.
        return _Strings.model_validate(strings).model_dump()


class LocaleError(ValueError):
    """A locale file that cannot be used: a bug in the package's data, reported with the file and key."""


def load_locale(path: Traversable, shown: str | None = None) -> Locale:
    """Read and check one locale file; every problem in it is listed in one `LocaleError` (`shown` names the file)."""
    shown = shown or str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Locale.model_validate(data)
    except yaml.YAMLError as exc:
        raise LocaleError(f"{shown}: not valid YAML: {exc}") from exc
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            where = ".".join(str(part) for part in err["loc"])
            if err["type"] == "missing":
                lines.append(f"{shown}: missing key '{where}'")
            elif err["type"] == "extra_forbidden":
                lines.append(f"{shown}: unknown key '{where}'")
            else:
                message = err["msg"].removeprefix("Value error, ")
                lines.append(f"{shown}: {where}: {message}" if where else f"{shown}: {message}")
        raise LocaleError("\n".join(lines)) from exc


@functools.cache
def locale(lang: str) -> Locale:
    """The checked locale of a supported language (read once per process)."""
    return load_locale(LOCALES / f"{lang}.yml", f"generator/render/locales/{lang}.yml")


def t(lang: str, key: str, **values: Any) -> str:
    """An interface string in `lang`."""
    text = locale(lang).strings[key]
    return text.format(**values) if values else text


def language_name(lang: str) -> str:
    """A language's own name (`Español`), or its code when no locale file names it."""
    return locale(lang).name if lang in SUPPORTED else lang


@functools.cache
def _cldr(lang: str) -> babel.Locale | None:
    try:
        return babel.Locale.parse(lang)
    except (ValueError, babel.UnknownLocaleError):
        return None


def language_called(code: str, lang: str) -> str:
    """A language's name in `lang` ("Spanish", "español"), from CLDR; the code when CLDR does not know it.

    Why CLDR (Babel) and not our locale files: a source may be in any language, and naming
    every language in every locale file by hand would be a list nobody keeps complete.
    """
    cldr = _cldr(lang)
    return str(cldr.languages.get(code, code)) if cldr else code


def country_called(code: str, lang: str) -> str:
    """A country's name in `lang` ("Japan", "Japón") from its ISO 3166 alpha-2 code; the code when unknown."""
    cldr = _cldr(lang)
    return str(cldr.territories.get(code, code)) if cldr else code


def format_date(date: str | PartialDate, lang: str) -> str:
    """A date as readers write it, keeping its precision: `6 November 2025`, `noviembre de 2025`, `2025`."""
    d = PartialDate.parse(date) if isinstance(date, str) else date
    loc = locale(lang)
    if not d.month:
        return loc.dates.year.format(year=d.year)
    month = loc.months[d.month - 1]
    if not d.day:
        return loc.dates.month.format(month=month, year=d.year)
    return loc.dates.day.format(day=d.day, month=month, year=d.year)


def month_name(month: int, lang: str) -> str:
    """Month name, capitalised for headings."""
    name = locale(lang).months[month - 1]
    return name[0].upper() + name[1:]


__all__ = [
    "LOCALES",
    "STRING_KEYS",
    "SUPPORTED",
    "DatePatterns",
    "Locale",
    "LocaleError",
    "RedirectWording",
    "country_called",
    "format_date",
    "language_called",
    "language_name",
    "load_locale",
    "locale",
    "month_name",
    "t",
]
