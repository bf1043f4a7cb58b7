"""The content model: one pydantic model per content kind, declared once.

Why: the validator, the JSON Schema editors get autocomplete from, and the
templates all read these classes, so a field exists in exactly one place.
Every field carries a description; it becomes the hover help in editors.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Literal, TypeAlias

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_RE = re.compile(ID_PATTERN)
"""What a record id is: lowercase ASCII words joined by single hyphens (also the file name)."""


def fold(rid: str) -> str:
    """An id with accents and case removed: ids equal after folding collide on disk or in URLs."""
    decomposed = unicodedata.normalize("NFKD", rid)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


DATE_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
LANG_PATTERN = r"^[a-z]{2,3}$"

Slug: TypeAlias = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=120)]
LangCode: TypeAlias = Annotated[str, StringConstraints(pattern=LANG_PATTERN)]


def _check_date(value: str) -> str:
    """Reject impossible calendar dates while keeping the written precision."""
    PartialDate.parse(value)
    return value


def _check_url(value: str) -> str:
    """Allow only absolute http(s) URLs: no javascript:, data:, relative paths."""
    if not re.match(r"^https?://[^\s/$.?#][^\s<>\"']*$", value, re.IGNORECASE):
        msg = "expected an absolute http:// or https:// URL without spaces or quotes"
        raise ValueError(msg)
    return value


DateStr: TypeAlias = Annotated[
    str,
    StringConstraints(pattern=DATE_PATTERN),
    AfterValidator(_check_date),
    Field(json_schema_extra={"examples": ["2025-11-06", "2025-11", "2025"]}),
]
Url: TypeAlias = Annotated[
    str, AfterValidator(_check_url), Field(json_schema_extra={"format": "uri", "pattern": "^https?://"})
]
NonEmpty: TypeAlias = Annotated[str, StringConstraints(min_length=1, max_length=20000)]

LOCALIZED = "localized-text"
"""Marker in `Text`'s metadata: lets code find every translatable field from the models."""

Text: TypeAlias = Annotated[NonEmpty | dict[LangCode, NonEmpty], LOCALIZED]
"""A human-readable text: a string in the default language, or a mapping by language code."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date with the precision the sources give: a year, a month or a day."""

    year: int
    month: int = 0
    day: int = 0

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError if impossible (cached: dates repeat)."""
        return _parse_date(text)

    @classmethod
    def _parse(cls, text: str) -> PartialDate:
        if not re.match(DATE_PATTERN, text):
            msg = "expected a date written YYYY-MM-DD, YYYY-MM or YYYY"
            raise ValueError(msg)
        parts = [int(p) for p in text.split("-")]
        if len(parts) >= 2 and not 1 <= parts[1] <= 12:
            msg = f"month {parts[1]} does not exist"
            raise ValueError(msg)
        if len(parts) == 3:
            try:
                dt.date(parts[0], parts[1], parts[2])
            except ValueError:
                msg = f"day {parts[2]} does not exist in {parts[0]:04d}-{parts[1]:02d}"
                raise ValueError(msg) from None
        return cls(*parts)

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        """How much of the date is known."""
        if self.day:
            return "day"
        return "month" if self.month else "year"

    def iso(self) -> str:
        """The date as written in content."""
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def end(self) -> tuple[int, int, int]:
        """The last day this date could mean, for from/to ordering checks."""
        return (self.year, self.month or 12, self.day or 31)


@functools.lru_cache(maxsize=65536)
def _parse_date(text: str) -> PartialDate:
    return PartialDate._parse(text)


class Model(BaseModel):
    """Base of every content model: unknown fields are errors, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class CitationDetail(Model):
    """A citation with an optional short verbatim quote and where in the source it is."""

    source: Slug = Field(description="Id of a record in content/sources/.")
    quote: NonEmpty | None = Field(
        None, description="A short verbatim quote, in the language of the source (not translated)."
    )
    translation: dict[LangCode, NonEmpty] | None = Field(
        None, description="Translation of the quote into the site's other languages, by language code."
    )
    locator: Text | None = Field(
        None, description="Where in the source: page, paragraph, article, speaker, timestamp; in every site language."
    )


Citation: TypeAlias = Slug | CitationDetail
"""A source id, or a mapping with the id plus quote and locator."""


class Correction(Model):
    """A dated, visible correction of a record: what was wrong and what shows it."""

    date: DateStr = Field(description="When the correction was made.")
    text: Text = Field(description="What was corrected, in every site language.")
    sources: list[Citation] = Field(default_factory=list, description="Sources that showed the error, if any.")


class Tracked(Model):
    """History every record may carry: when it entered the explainer, when it last changed, and corrections."""

    added: DateStr | None = Field(None, description="Date the record entered the explainer.")
    updated: DateStr | None = Field(None, description="Date of the record's last substantive change.")
    corrections: list[Correction] = Field(
        default_factory=list, description="Corrections, newest first; never removed once published."
    )


class Dispute(Model):
    """A fact the sources disagree on: the alternative version and who says it."""

    field: Literal["date", "title", "summary", "from", "to", "other"] = Field(
        description="Which field of this record the other version disagrees with."
    )
    value: Text = Field(description="The alternative value, as the disagreeing sources give it.")
    sources: list[Citation] = Field(min_length=1, description="Sources that give the alternative value.")
    note: Text | None = Field(None, description="What the disagreement is about, neutrally worded.")
    minor: bool = Field(
        False,
        strict=True,
        description=(
            "true for a difference that changes nothing in the story (a dateline a day off, a vote tally, a title's "
            "wording, an isolated slip): shown compactly on the record's page, in full on the disputes page."
        ),
    )


class Role(Model):
    """An office or position an actor held, over a period."""

    title: Text = Field(description="The office, e.g. 'President of the Council of Ministers'.")
    organization: Slug | None = Field(None, description="Actor id of the body the role belongs to.")
    start: DateStr | None = Field(None, alias="from", description="When the role began.")
    end: DateStr | None = Field(None, alias="to", description="When the role ended; leave out while it lasts.")
    sources: list[Citation] = Field(min_length=1, description="Sources for this role.")
    disputed: list[Dispute] = Field(default_factory=list, description="Versions of this role the sources disagree on.")


class Relation(Model):
    """A link from one actor to another, shown in the who-is-who diagram."""

    actor: Slug = Field(description="Id of the other actor.")
    relation: Text = Field(description="How this actor relates to the other, e.g. 'lawyer of'.")
    start: DateStr | None = Field(None, alias="from", description="When the relation began.")
    end: DateStr | None = Field(None, alias="to", description="When the relation ended.")
    sources: list[Citation] = Field(min_length=1, description="Sources for this relation.")


class KeyFact(Model):
    """One line of the home page's key-facts box."""

    label: Text = Field(description="What the fact is, e.g. 'Relations broken'.")
    value: Text = Field(description="The fact itself.")
    sources: list[Citation] = Field(min_length=1, description="Sources for this fact.")


class Site(Model):
    """content/site.yml: the explainer as a whole."""

    title: Text = Field(description="Site title.")
    tagline: Text = Field(description="One sentence saying what the explainer is about.")
    languages: list[LangCode] = Field(min_length=1, description="Language codes; the first is the default.")
    site_url: Url = Field(description="Where the site is published, for canonical links.")
    repo_url: Url | None = Field(None, description="Repository where the content is edited.")
    location: Text | None = Field(
        None,
        description="Where the story takes place (a country or city), given to search engines as its events' place.",
    )
    reviewed: DateStr = Field(description="Date the whole content was last reviewed.")
    summary: Text | None = Field(None, description="What happened, in brief, for the home page.")
    key_facts: list[KeyFact] = Field(default_factory=list, description="The home page's key-facts box.")


class Source(Tracked):
    """content/sources/<id>.yml: a document the content cites."""

    title: NonEmpty = Field(description="Title as published, in the source's language.")
    publisher: NonEmpty = Field(description="Outlet, institution or publisher.")
    url: Url = Field(description="Public address of the document.")
    published: DateStr | None = Field(None, description="Publication date, with the precision known.")
    language: LangCode = Field(description="Language the source is written in.")
    kind: Literal["news", "wire", "official-statement", "legal-text", "court-decision", "reference"] = Field(
        description="What sort of document it is."
    )
    author: NonEmpty | None = Field(None, description="Author or agency, where known.")
    archived_url: Url | None = Field(None, description="A copy in a web archive.")
    accessed: DateStr | None = Field(None, description="When the editor read the page.")
    notes: Text | None = Field(None, description="Known errors or caveats of this source.")


class Actor(Tracked):
    """content/actors/<id>.yml: a person, state or institution in the story."""

    kind: Literal["person", "state", "government-body", "legislature", "court", "organization", "party"] = Field(
        description="What sort of actor."
    )
    name: Text = Field(description="Full name.")
    short_name: Text | None = Field(None, description="Name used in running text and diagrams.")
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = Field(
        None, description="ISO 3166-1 alpha-2 country code."
    )
    wikidata: Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]*$")] | None = Field(
        None, description="Wikidata item id, e.g. Q123."
    )
    summary: Text = Field(description="Who this is, in two or three sentences.")
    roles: list[Role] = Field(default_factory=list, description="Offices held over time.")
    relations: list[Relation] = Field(default_factory=list, description="Links to other actors.")
    sources: list[Citation] = Field(min_length=1, description="Sources for the summary.")


class Event(Tracked):
    """content/events/<id>.yml: one dated development of the story."""

    date: DateStr = Field(description="When it happened, as precisely as the sources say.")
    title: Text = Field(description="Short headline.")
    summary: Text = Field(description="What happened, neutrally, in a few sentences.")
    actors: list[Slug] = Field(default_factory=list, description="Ids of actors involved.")
    legal: list[Slug] = Field(default_factory=list, description="Ids of legal records involved.")
    tags: list[Slug] = Field(default_factory=list, description="Free keywords.")
    key: bool = Field(
        False, strict=True, description="A key moment: shown on the home page and labelled on the timeline."
    )
    sources: list[Citation] = Field(min_length=1, description="Sources for this event.")
    disputed: list[Dispute] = Field(default_factory=list, description="Facts of this event the sources disagree on.")


class Adoption(Model):
    """When and where a legal instrument was adopted."""

    date: DateStr = Field(description="Date of adoption or signature.")
    place: Text | None = Field(None, description="Place of adoption.")


class Party(Model):
    """A state party to a treaty."""

    state: Slug = Field(description="Actor id of the state.")
    signed: DateStr | None = Field(None, description="Date of signature.")
    ratified: DateStr | None = Field(None, description="Date of ratification or accession.")
    sources: list[Citation] = Field(default_factory=list, description="Sources for these dates.")


class Provision(Model):
    """A key article of a legal instrument, quoted and explained."""

    article: NonEmpty = Field(description="Article or paragraph, e.g. 'Art. IV'.")
    excerpt: Text = Field(description="Short verbatim excerpt from an official text, by language.")
    summary: Text = Field(description="What it means, in plain language.")
    sources: list[Citation] = Field(min_length=1, description="Where the excerpt was read.")


class Legal(Tracked):
    """content/legal/<id>.yml: a treaty, provision, court case, concept or domestic law."""

    kind: Literal["treaty", "provision", "court-case", "concept", "domestic-law", "resolution"] = Field(
        description="What sort of legal record."
    )
    title: Text = Field(description="Full title.")
    short_title: Text | None = Field(None, description="Short title used in running text.")
    aliases: list[Text] = Field(
        default_factory=list, description="Other names; a concept's aliases become glossary terms."
    )
    adopted: Adoption | None = Field(None, description="Date and place of adoption or judgment.")
    summary: Text = Field(description="What it is and says, in plain language.")
    parties: list[Party] = Field(default_factory=list, description="States party to it.")
    provisions: list[Provision] = Field(default_factory=list, description="Key provisions quoted.")
    relevance: Text | None = Field(None, description="How it bears on this story.")
    text_url: Url | None = Field(None, description="Official text.")
    sources: list[Citation] = Field(min_length=1, description="Sources for this record.")


class Position(Model):
    """One side's position on a question, in its own terms."""

    actor: Slug = Field(description="Actor id of whoever holds the position.")
    position: Text = Field(description="The position, as that side states it.")
    sources: list[Citation] = Field(min_length=1, description="Where the side states it.")


class Question(Tracked):
    """content/questions/<id>.yml: a reader's question and its short answer."""

    question: Text = Field(description="The question as a reader would ask it.")
    answer: Text = Field(description="A brief, sourced answer.")
    order: int = Field(0, strict=True, description="Position in the list of questions (lower first).")
    status: Literal["answered", "open", "unverified"] = Field(
        "answered", description="'open' for questions the sources cannot yet answer."
    )
    positions: list[Position] = Field(default_factory=list, description="Each side's position, side by side.")
    events: list[Slug] = Field(default_factory=list, description="Related event ids.")
    actors: list[Slug] = Field(default_factory=list, description="Related actor ids.")
    legal: list[Slug] = Field(default_factory=list, description="Related legal ids.")
    sources: list[Citation] = Field(min_length=1, description="Sources for the answer.")


class PageMeta(Tracked):
    """Front matter of a prose page in content/pages/."""

    title: NonEmpty = Field(description="Page title.")
    description: NonEmpty | None = Field(None, description="One sentence for search engines and link previews.")
    order: int = Field(0, strict=True, description="Position in the navigation.")


KINDS: dict[str, type[Model]] = {
    "sources": Source,
    "actors": Actor,
    "events": Event,
    "legal": Legal,
    "questions": Question,
}
"""Content folders and the model each file in them must match."""

REF_KINDS: dict[str, str] = {
    "actor": "actors",
    "event": "events",
    "legal": "legal",
    "source": "sources",
    "question": "questions",
}
"""Inline `[[kind:id]]` link prefixes and the folder they point into."""
