"""What the live preview may reuse: record pages that no changed record can affect.

Why: after an editor saves one file, re-rendering every page of every
language costs most of a second; only the changed records, the records that
mention them or that they mention, the sources they cite, and the summary
pages (home, indexes, chronology years, feeds) can show something new.
Anything that changes every page (site.yml, prose pages, glossary concepts,
templates) falls back to a full render.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..content.model import PartialDate
from ..content.validate import Content
from ..content.walk import iter_citations
from ..structure import routes
from ..structure.relations import Index, Ref, source_id


@dataclass
class Memory:
    """The previous run in this process."""

    project: str
    fingerprints: dict[Ref, str]
    years: dict[str, int]
    links: dict[Ref, set[Ref]]
    files: dict[str, str]
    glob: str
    disputed: set[Ref]


@dataclass
class Reuse:
    """Pages to keep from the previous run."""

    keep_refs: set[Ref]
    years: set[int]
    pages: set[str] = field(default_factory=set)
    """Summary pages none of whose records changed (edition-relative paths)."""
    files: dict[str, str] = field(default_factory=dict)

    def keep(self, kind: str, rid: str) -> bool:
        return (kind, rid) in self.keep_refs

    def skipped(self) -> set[str]:
        """Edition-relative paths of the pages a render with this plan leaves out (to take from `files`)."""
        records = {routes.record_page(kind, rid) for kind, rid in self.keep_refs}
        years = {routes.year_page(year) for year in self.years}
        # A kept event keeps its embeddable card too: the card shows a part of what its page shows.
        cards = {routes.embed_page(rid) for kind, rid in self.keep_refs if kind == "events"}
        embeds = {f(card) for card in cards for f in (routes.embed_file, routes.oembed_file)}
        return {path for path in records if path is not None} | years | self.pages | embeds


_MEMORY: Memory | None = None


def _fingerprints(content: Content) -> dict[Ref, str]:
    return {(kind, rid): repr(rec.raw.data) for kind, recs in content.records.items() for rid, rec in recs.items()}


def _global(content: Content) -> str:
    """Everything whose change affects every page."""
    concepts = sorted(
        (rid, repr(rec.raw.data))
        for rid, rec in content.records.get("legal", {}).items()
        if rec.model.kind == "concept"
    )
    pages = sorted(
        (pid, repr(p.body), repr(sorted((k, m.model_dump()) for k, m in p.meta.items())))
        for pid, p in content.pages.items()
    )
    return repr((content.site_raw.data, concepts, pages))


def _links(content: Content, index: Index) -> dict[Ref, set[Ref]]:
    """Record → records whose pages show something of it (both directions of every mention and citation)."""
    links: dict[Ref, set[Ref]] = {}
    for target, sources in index.mentions.items():
        for src in sources:
            links.setdefault(target, set()).add(src)
            links.setdefault(src, set()).add(target)
    for kind, recs in content.records.items():
        for rid, rec in recs.items():
            for cite in iter_citations(rec.model):
                sref = ("sources", source_id(cite))
                links.setdefault(sref, set()).add((kind, rid))
                links.setdefault((kind, rid), set()).add(sref)
    return links


def _years(content: Content) -> dict[str, int]:
    return {rid: PartialDate.parse(rec.model.date).year for rid, rec in content.records.get("events", {}).items()}


def plan(content: Content, index: Index, project: Path | None) -> Reuse | None:
    """Which record pages and chronology years can be reused; None means render everything."""
    memory = _MEMORY
    if memory is None or memory.project != str(project) or memory.glob != _global(content):
        return None
    now = _fingerprints(content)
    changed = {ref for ref in set(now) | set(memory.fingerprints) if now.get(ref) != memory.fingerprints.get(ref)}
    links = _links(content, index)
    affected = set(changed)
    for ref in changed:
        affected |= links.get(ref, set()) | memory.links.get(ref, set())
    years_now = _years(content)
    touched_years = {years_now[rid] for kind, rid in affected if kind == "events" and rid in years_now}
    touched_years |= {memory.years[rid] for kind, rid in affected if kind == "events" and rid in memory.years}
    keep = {ref for ref in now if ref not in affected}
    years = set(years_now.values()) - touched_years
    return Reuse(keep, years, _quiet_pages(content, index, changed, affected, memory.disputed), memory.files)


def _disputed(content: Content) -> set[Ref]:
    """What the disputes page shows: every disputed record and the sources it cites."""
    shown: set[Ref] = set()
    for kind in ("events", "actors"):
        for rid, rec in content.records.get(kind, {}).items():
            m = rec.model
            if m.disputed if kind == "events" else any(role.disputed for role in m.roles):
                shown.add((kind, rid))
                shown |= {("sources", source_id(c)) for c in iter_citations(m)}
    return shown


def _quiet_pages(
    content: Content, index: Index, changed: set[Ref], affected: set[Ref], disputed_before: set[Ref]
) -> set[str]:
    """Summary pages that show nothing of the changed records.

    An index page lists the records of its kind and the names they link to;
    the disputes page shows disputed records (now or before this edit), their
    sources and the names they link to.
    """
    kinds = {kind for kind, _ in affected}

    def named_by(ref: Ref) -> set[str]:
        """Kinds of the records whose text links to `ref` (they show its name)."""
        return {kind for kind, _ in index.mentions.get(ref, [])}

    shown_kinds = {kind for kind, _ in changed}
    for ref in changed:
        shown_kinds |= named_by(ref)
    quiet = {routes.index_page(kind) for kind in ("actors", "legal", "sources") if kind not in shown_kinds}
    questions = content.records.get("questions", {})
    question_refs = {("questions", rid) for rid in questions}
    shown_by_questions = set(question_refs)
    for rec in questions.values():
        m = rec.model
        shown_by_questions |= (
            {("events", x) for x in m.events} | {("actors", x) for x in m.actors} | {("legal", x) for x in m.legal}
        )
        shown_by_questions |= {("actors", p.actor) for p in m.positions}
        shown_by_questions |= {("sources", source_id(c)) for c in iter_citations(m)}
    if not affected & shown_by_questions and not any(kind == "questions" for kind in kinds):
        # Inline [[...]] links in answers are covered by `links` (mentions) already folded into `affected`.
        quiet.add(routes.index_page("questions"))
    disputed = _disputed(content) | disputed_before
    if not any(ref in disputed or set(index.mentions.get(ref, [])) & disputed for ref in changed):
        quiet.add(routes.DISPUTES)
    return quiet


def remember(content: Content, index: Index, project: Path | None, files: dict[str, str] | None) -> None:
    """Keep this run for the next incremental one (`files` None: nothing to reuse, the next run is full)."""
    global _MEMORY  # noqa: PLW0603 - one preview process, one previous run
    if files is None:
        _MEMORY = None
        return
    _MEMORY = Memory(
        str(project),
        _fingerprints(content),
        _years(content),
        _links(content, index),
        files,
        _global(content),
        _disputed(content),
    )
