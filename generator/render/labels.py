"""One language's view of the content's texts: the text to show, record names, plain text, the glossary.

Why a module of its own: pages, the timeline, the graph, the feed and the
JSON-LD all need "this text in this language" and "this record's name". When
that lived on the renderer, each of them needed the whole renderer, and the
renderer needed each of them. They take a `Labels` instead.
"""

from __future__ import annotations

import functools
from typing import Any

from ..content.model import REF_KINDS
from ..content.validate import Content
from ..structure.changes import Change
from . import markup

GLOSSARY_DEFINITION = 220
"""Characters of a concept's summary shown as the tooltip of a glossary link."""


class Labels:
    """Texts of one language edition, falling back visibly to the default language (cached per edition)."""

    def __init__(self, content: Content, lang: str) -> None:
        self.content = content
        self.lang = lang
        self.default = content.languages[0]
        self._labels: dict[tuple[str, str], str] = {}
        self._plain: dict[str, str] = {}

    def pick(self, value: Any) -> tuple[str, bool]:
        """The text for this language, and whether it fell back to the default (pages mark the fallback)."""
        if isinstance(value, dict):
            if self.lang in value:
                return value[self.lang], False
            return value.get(self.default, next(iter(value.values()))), True
        return str(value), self.lang != self.default

    def text(self, value: Any) -> str:
        """Localized plain text (fallback to the default language, unmarked)."""
        return self.plain(self.pick(value)[0])

    def plain(self, text: str) -> str:
        """Content text without markup (remembered: titles recur on every page that lists them)."""
        found = self._plain.get(text)
        if found is None:
            found = self._plain[text] = markup.plain(text, self.resolve_label)
        return found

    def label(self, kind: str, rid: str) -> str:
        """A record's display name in this language (cached: pages ask for the same names many times)."""
        key = (kind, rid)
        found = self._labels.get(key)
        if found is None:
            found = self._labels[key] = self._label(kind, rid)
        return found

    def _label(self, kind: str, rid: str) -> str:
        model = self.content.get(kind, rid)
        if kind == "actors":
            return markup.plain(self.pick(model.short_name or model.name)[0])
        if kind == "legal":
            return markup.plain(self.pick(model.short_title or model.title)[0])
        if kind == "sources":
            return str(model.title)
        if kind == "questions":
            return markup.plain(self.pick(model.question)[0])
        return markup.plain(self.pick(model.title)[0])

    def resolve_label(self, kind: str, rid: str) -> tuple[str, str] | None:
        """A `markup.Resolver` that names records and links nowhere (for plain text)."""
        folder = REF_KINDS.get(kind)
        if folder is None or rid not in self.content.records.get(folder, {}):
            return None
        return "", self.label(folder, rid)

    def change_label(self, change: Change) -> str:
        """What a history entry is about: the record's name, or the prose page's title."""
        if change.kind == "pages":
            page = self.content.pages[change.rid]
            return page.meta.get(self.lang, page.meta[self.default]).title
        return self.label(change.kind, change.rid)

    @functools.cached_property
    def glossary(self) -> markup.Glossary:
        """Concepts' titles and aliases in this language, mapped to (id, short definition)."""
        terms: dict[str, tuple[str, str]] = {}
        for rid, rec in sorted(self.content.records.get("legal", {}).items()):
            m = rec.model
            if m.kind != "concept":
                continue
            definition = markup.plain(self.pick(m.summary)[0], self.resolve_label)
            if len(definition) > GLOSSARY_DEFINITION:
                definition = definition[: GLOSSARY_DEFINITION - 1].rstrip() + "…"
            for name in [m.title, m.short_title, *m.aliases]:
                if name is not None:
                    terms.setdefault(markup.plain(self.pick(name)[0]), (rid, definition))
        return markup.Glossary(terms)


def text_in(value: Any, lang: str, default: str) -> str:
    """The text in `lang`, else in `default`, else the first one given; "" for no text (the downloads).

    Why not `Labels.pick`: data files carry no "not translated" mark, and an
    empty translation falls through to the default language.
    """
    if isinstance(value, dict):
        return str(value.get(lang) or value.get(default) or next(iter(value.values())))
    return "" if value is None else str(value)


def plain_names(content: Content, lang: str) -> markup.Resolver:
    """Names of records in `lang`, for turning `[[kind:id]]` into plain text in the downloads.

    Cached per call: the chronology files name the same few hundred actors tens of thousands of times.
    """
    default = content.languages[0]

    @functools.cache
    def resolve(kind: str, rid: str) -> tuple[str, str] | None:
        rec = content.records.get(REF_KINDS.get(kind, ""), {}).get(rid)
        if rec is None:
            return None
        m = rec.model
        name = (
            getattr(m, "short_name", None)
            or getattr(m, "name", None)
            or getattr(m, "short_title", None)
            or getattr(m, "title", None)
            or getattr(m, "question", None)
        )
        return "", markup.plain(text_in(name, lang, default))

    return resolve
