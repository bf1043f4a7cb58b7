"""The validated content: every record with the file it came from, the prose pages, the site.

Why apart from validation: every later stage reads these types, and none of them
needs to know how they were checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import PageMeta, Site
from .yaml_reader import RawDoc


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
