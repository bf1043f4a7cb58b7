"""The validated content: every record with the file it came from, the prose pages, the site.

Why apart from validation: every later stage reads these types, and none of them
needs to know how they were checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar, cast

from .model import Actor, Event, Legal, Model, PageMeta, Question, Site, Source
from .yaml_reader import RawDoc

M = TypeVar("M", bound=Model)


@dataclass
class Record:
    """A validated content record and the raw document it came from."""

    kind: str
    id: str
    model: Any
    raw: RawDoc


@dataclass
class ProsePage:
    """A prose page: front matter plus Markdown body per language."""

    id: str
    meta: dict[str, PageMeta]
    body: dict[str, str]
    raw: dict[str, RawDoc]


@dataclass
class Content:
    """Everything the explainer says, validated and indexed by id (ids sorted)."""

    site: Site
    site_raw: RawDoc
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    pages: dict[str, ProsePage] = field(default_factory=dict)
    known: dict[str, set[str]] = field(default_factory=dict)
    """Ids of every file with a valid name, including records that failed validation:
    a reference to a broken record is not also reported as a reference to a missing one."""

    @property
    def languages(self) -> list[str]:
        """Site languages, default first."""
        return list(self.site.languages)

    def get(self, kind: str, rid: str) -> Any:
        """The model of record `rid` in folder `kind`."""
        return self.records[kind][rid].model

    def models(self, kind: str, model: type[M]) -> dict[str, M]:
        """The models of one folder by id, typed (the validator put only `model` there)."""
        return {rid: cast(M, rec.model) for rid, rec in self.records.get(kind, {}).items()}

    @cached_property
    def sources(self) -> dict[str, Source]:
        """Source records by id."""
        return self.models("sources", Source)

    @cached_property
    def actors(self) -> dict[str, Actor]:
        """Actor records by id."""
        return self.models("actors", Actor)

    @cached_property
    def events(self) -> dict[str, Event]:
        """Event records by id, in file order (ids start with their date)."""
        return self.models("events", Event)

    @cached_property
    def legal(self) -> dict[str, Legal]:
        """Legal records by id."""
        return self.models("legal", Legal)

    @cached_property
    def questions(self) -> dict[str, Question]:
        """Question records by id."""
        return self.models("questions", Question)
