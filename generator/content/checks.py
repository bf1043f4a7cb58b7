"""Rules that look across records: references, languages, dates, links.

Why: a model can only check one file. These rules make "validate passes"
mean "every link on the site resolves": a deleted source, a renamed actor or
a typo inside `[[...]]` is reported where it is written, never shipped as a
broken link.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from ..problems import Problem, error, warning
from .model import REF_KINDS, Actor, CitationDetail, Event, Legal, PartialDate, Question, Source
from .records import Content
from .syntax import CROSS_REF, MD_LINK, RAW_HTML, parse_ref
from .walk import DATE_FIELDS, iter_citations_at, iter_disputes, iter_raw_refs, iter_texts
from .yaml_reader import Key, RawDoc

SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _hint(value: str, options: list[str]) -> str:
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Checker:
    """Collects problems for one content set."""

    def __init__(
        self,
        content: Content,
        interface_languages: frozenset[str],
        failed: list[RawDoc] | None = None,
        unread: frozenset[str] = frozenset(),
    ) -> None:
        self.content = content
        self.supported = interface_languages
        self.problems: list[Problem] = []
        self.ids = {kind: sorted(recs) for kind, recs in content.records.items()}
        self.failed = failed or []
        """Records that failed their model: their references are still checked, from the raw data."""
        self.cited: set[str] = set(unread)
        """Source ids cited; words of files that could not be parsed count (they may cite them)."""
        self.per_kind: dict[str, Callable[[str, RawDoc, Any], None]] = {
            "sources": self.kind_sources,
            "actors": self.kind_actors,
            "events": self.kind_events,
            "legal": self.kind_legal,
            "questions": self.kind_questions,
        }
        """The rules of each kind of record, by content folder."""

    def err(self, doc: RawDoc, path: Key, code: str, message: str) -> None:
        line, col = doc.pos(path)
        self.problems.append(error(doc.path, line, col, code, message))

    def warn(self, doc: RawDoc, path: Key, code: str, message: str) -> None:
        line, col = doc.pos(path)
        self.problems.append(warning(doc.path, line, col, code, message))

    def ref(self, doc: RawDoc, path: Key, kind: str, rid: str, what: str) -> None:
        """Check that `rid` names an existing record of `kind`."""
        if rid not in self.content.known.get(kind, set()):
            self.err(
                doc,
                path,
                "unknown-reference",
                f"{what} '{rid}' does not exist in content/{kind}/{_hint(rid, self.ids.get(kind, []))}",
            )

    def citations(self, doc: RawDoc, model: BaseModel) -> None:
        """Every `sources:` list anywhere in the record cites existing sources."""
        for key, cite in iter_citations_at(model):
            sid = cite.source if isinstance(cite, CitationDetail) else cite
            self.cited.add(sid)
            self.ref(doc, key, "sources", sid, "source")
            if isinstance(cite, CitationDetail):
                self.quote(doc, key, cite)

    def quote(self, doc: RawDoc, path: Key, cite: CitationDetail) -> None:
        """A quote stays in its source's language; readers of the other languages get a translation."""
        langs = self.content.languages
        for lang in cite.translation or {}:
            if lang not in langs:
                self.err(
                    doc,
                    (*path, "translation", lang),
                    "unknown-language",
                    f"language '{lang}' is not in site.yml languages ({', '.join(langs)})",
                )
        source = self.content.records.get("sources", {}).get(cite.source)
        if cite.quote is None or source is None:
            return
        for lang in langs:
            if lang != source.model.language and lang not in (cite.translation or {}):
                self.warn(
                    doc,
                    (*path, "quote"),
                    "missing-translation",
                    f"quote from a '{source.model.language}' source has no '{lang}' translation",
                )

    def texts(self, doc: RawDoc, model: BaseModel) -> None:
        """Every text has the default language, only known languages, and a translation (else a warning)."""
        langs = self.content.languages
        default = langs[0]
        self._date_disputes(doc, model)
        for path, value in iter_texts(model):
            if isinstance(value, str):
                if len(langs) > 1:
                    missing = ", ".join(langs[1:])
                    self.warn(
                        doc,
                        path,
                        "missing-translation",
                        f"text has no {missing} version; write it as {{{default}: ..., {langs[1]}: ...}}",
                    )
                continue
            for lang in value:
                if lang not in langs:
                    self.err(
                        doc,
                        (*path, lang),
                        "unknown-language",
                        f"language '{lang}' is not in site.yml languages ({', '.join(langs)}){_hint(lang, langs)}",
                    )
            if default not in value:
                self.err(
                    doc, path, "missing-default-language", f"text has no '{default}' version (the default language)"
                )
            for lang in langs[1:]:
                if lang not in value:
                    self.warn(doc, path, "missing-translation", f"text has no '{lang}' version")

    def _date_disputes(self, doc: RawDoc, model: BaseModel) -> None:
        """A disputed date must be written as a date."""
        for key, dispute in iter_disputes(model):
            if dispute.field in DATE_FIELDS:
                try:
                    PartialDate.parse(dispute.value if isinstance(dispute.value, str) else "")
                except ValueError:
                    self.err(
                        doc,
                        (*key, "value"),
                        "bad-format",
                        f"a disputed {dispute.field} is a date: expected YYYY-MM-DD, YYYY-MM or YYYY",
                    )

    def strings(self, doc: RawDoc) -> None:
        """Inline links and HTML in every string, whatever the field.

        Each pattern is tried only on strings holding its fixed part (`[[`, `](`, `<`):
        most strings hold none (at 10,000 events this took checking from 0.73 s to 0.53 s).
        """
        for path, text in doc.marked_strings():
            has_ref = "[[" in text
            for match in CROSS_REF.finditer(text) if has_ref else ():
                inner = match.group(1)
                ref = parse_ref(inner)
                kind = ref.kind if ref else inner.partition("|")[0].strip()
                if ref is None or kind not in REF_KINDS:
                    self.err(
                        doc,
                        path,
                        "bad-cross-reference",
                        f"'[[{inner}]]' is not a cross-reference: write [[actor:id]], [[event:id]], [[legal:id]], [[source:id]] or [[question:id]]{_hint(kind, list(REF_KINDS))}",
                    )
                    continue
                folder = REF_KINDS[kind]
                if folder == "sources":
                    self.cited.add(ref.id)
                self.ref(doc, path, folder, ref.id, kind)
            for match in MD_LINK.finditer(text) if "](" in text else ():
                url = match.group(1)
                if not url.lower().startswith(SAFE_SCHEMES):
                    self.err(
                        doc,
                        path,
                        "unsafe-link",
                        f"link target '{url}' is not allowed: links must start with https:// or http://",
                    )
            if "<" in text and RAW_HTML.search(CROSS_REF.sub("", text) if has_ref else text):
                self.warn(doc, path, "raw-html", "HTML in content is not passed through; it will be shown as text")

    def dates(self, doc: RawDoc, start: str | None, end: str | None, path: Key) -> None:
        if (
            start
            and end
            and PartialDate.parse(start) > PartialDate.parse(end)
            and PartialDate.parse(start).end() > PartialDate.parse(end).end()
        ):
            self.err(doc, (*path, "to"), "date-order", f"'to' ({end}) is before 'from' ({start})")

    def run(self) -> list[Problem]:
        content = self.content
        self.site()
        for kind, records in content.records.items():
            for rid, rec in records.items():
                self.citations(rec.raw, rec.model)
                self.texts(rec.raw, rec.model)
                self.strings(rec.raw)
                self.history(rec.raw, rec.model)
                self.per_kind[kind](rid, rec.raw, rec.model)
        for doc in self.failed:
            self.unvalidated(doc)
        self.pages()
        self.sources()
        return self.problems

    def unvalidated(self, doc: RawDoc) -> None:
        """The references and inline links of a record that failed its model (one run names every mistake)."""
        for path, folder, what, rid in iter_raw_refs(doc.data):
            if folder == "sources":
                self.cited.add(rid)
            self.ref(doc, path, folder, rid, what)
        self.strings(doc)

    def history(self, doc: RawDoc, model: Any) -> None:
        """added ≤ updated; corrections after added, newest first; nothing dated after the review date."""
        added, updated = model.added, model.updated
        if added and updated and PartialDate.parse(updated) < PartialDate.parse(added):
            self.err(doc, ("updated",), "history-order", f"'updated' ({updated}) is before 'added' ({added})")
        reviewed = PartialDate.parse(self.content.site.reviewed)
        for field in ("added", "updated"):
            value = getattr(model, field)
            if value and PartialDate.parse(value) > reviewed:
                self.warn(
                    doc,
                    (field,),
                    "after-review",
                    f"'{field}' ({value}) is after site.yml's reviewed date ({self.content.site.reviewed}):"
                    f" once this record is reviewed, set 'reviewed: \"{value}\"' (or later) in content/site.yml",
                )
        previous: PartialDate | None = None
        for i, corr in enumerate(model.corrections):
            date = PartialDate.parse(corr.date)
            if added and date < PartialDate.parse(added):
                self.err(
                    doc,
                    ("corrections", i, "date"),
                    "history-order",
                    f"correction dated {corr.date} is before 'added' ({added})",
                )
            if previous is not None and date > previous:
                self.err(
                    doc, ("corrections", i, "date"), "corrections-order", "corrections must be listed newest first"
                )
            if updated and date > PartialDate.parse(updated):
                self.warn(
                    doc,
                    ("corrections", i, "date"),
                    "history-order",
                    f"correction dated {corr.date} is after 'updated' ({updated}); move 'updated'",
                )
            previous = date

    def site(self) -> None:
        site, doc = self.content.site, self.content.site_raw
        seen: set[str] = set()
        for i, lang in enumerate(site.languages):
            if lang not in self.supported:
                self.err(
                    doc,
                    ("languages", i),
                    "unsupported-language",
                    f"no interface strings for language '{lang}'; supported: {', '.join(sorted(self.supported))}",
                )
            if lang in seen:
                self.err(doc, ("languages", i), "duplicate-language", f"language '{lang}' is listed twice")
            seen.add(lang)
        self.citations(doc, site)
        self.texts(doc, site)
        self.strings(doc)

    def kind_sources(self, rid: str, doc: RawDoc, model: Source) -> None:
        if (
            model.language not in self.content.languages
            and model.language not in self.supported
            and len(model.language) != 2
        ):
            self.warn(doc, ("language",), "unknown-language", f"unusual language code '{model.language}'")

    def kind_actors(self, rid: str, doc: RawDoc, model: Actor) -> None:
        for i, role in enumerate(model.roles):
            if role.organization:
                self.ref(doc, ("roles", i, "organization"), "actors", role.organization, "actor")
            self.dates(doc, role.start, role.end, ("roles", i))
        for i, rel in enumerate(model.relations):
            if rel.actor == rid:
                self.err(doc, ("relations", i, "actor"), "self-relation", "an actor cannot relate to itself")
            self.ref(doc, ("relations", i, "actor"), "actors", rel.actor, "actor")
            self.dates(doc, rel.start, rel.end, ("relations", i))

    def kind_events(self, rid: str, doc: RawDoc, model: Event) -> None:
        for i, aid in enumerate(model.actors):
            self.ref(doc, ("actors", i), "actors", aid, "actor")
        for i, lid in enumerate(model.legal):
            self.ref(doc, ("legal", i), "legal", lid, "legal record")
        prefix = rid[: len(model.date)]
        if rid[:4].isdigit() and prefix != model.date:
            self.warn(
                doc,
                ("date",),
                "id-date",
                f"the id starts with '{prefix}' but the date is '{model.date}'; rename the file so ids sort by date",
            )

    def kind_legal(self, rid: str, doc: RawDoc, model: Legal) -> None:
        actors = self.content.actors
        for i, party in enumerate(model.parties):
            self.ref(doc, ("parties", i, "state"), "actors", party.state, "state")
            if party.state in actors and actors[party.state].kind != "state":
                self.err(doc, ("parties", i, "state"), "not-a-state", f"'{party.state}' is not an actor of kind state")
            self.dates(doc, party.signed, party.ratified, ("parties", i))

    def kind_questions(self, rid: str, doc: RawDoc, model: Question) -> None:
        for field, folder, what in (
            ("events", "events", "event"),
            ("actors", "actors", "actor"),
            ("legal", "legal", "legal record"),
        ):
            for i, ref in enumerate(getattr(model, field)):
                self.ref(doc, (field, i), folder, ref, what)
        for i, pos in enumerate(model.positions):
            self.ref(doc, ("positions", i, "actor"), "actors", pos.actor, "actor")

    def pages(self) -> None:
        langs = self.content.languages
        for page in self.content.pages.values():
            for lang, doc in page.raw.items():
                self.history(doc, page.meta[lang])
                if lang not in langs:
                    self.err(
                        doc,
                        (),
                        "unknown-language",
                        f"page language '{lang}' is not in site.yml languages ({', '.join(langs)})",
                    )
                for match in CROSS_REF.finditer(page.body[lang]):
                    ref = parse_ref(match.group(1))
                    line = page.body[lang][: match.start()].count("\n") + 1
                    if (
                        ref
                        and ref.kind in REF_KINDS
                        and ref.id not in self.content.known.get(REF_KINDS[ref.kind], set())
                    ):
                        self.problems.append(
                            error(doc.path, line, 1, "unknown-reference", f"{ref.kind} '{ref.id}' does not exist")
                        )
            if langs[0] not in page.meta:
                any_doc = next(iter(page.raw.values()))
                self.err(
                    any_doc,
                    (),
                    "missing-default-language",
                    f"page '{page.id}' has no {langs[0]} version ({page.id}.md)",
                )
            for lang in langs[1:]:
                if lang not in page.meta and langs[0] in page.raw:
                    self.warn(
                        page.raw[langs[0]],
                        ("title",),
                        "missing-translation",
                        f"page '{page.id}' has no '{lang}' version ({page.id}.{lang}.md)",
                    )

    def sources(self) -> None:
        urls: dict[str, str] = {}
        for rid, rec in self.content.records.get("sources", {}).items():
            url = rec.model.url
            if url in urls:
                self.warn(rec.raw, ("url",), "duplicate-url", f"same URL as source '{urls[url]}'")
            urls.setdefault(url, rid)
            if rid not in self.cited:
                self.warn(rec.raw, (), "unused-source", f"source '{rid}' is not cited anywhere")


def check_content(
    content: Content,
    interface_languages: frozenset[str],
    failed: list[RawDoc] | None = None,
    unread: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Run every cross-record rule; `failed` records get their reference checks, `unread` words count as cited."""
    return Checker(content, interface_languages, failed, unread).run()
