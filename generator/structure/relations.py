"""Derived indexes: who appears where, what cites what. Pure functions of the content.

Why: editors write each fact once (an event lists its actors); the actor,
legal and source pages list every event and question that mention them
without anyone keeping those lists by hand.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..content.model import REF_KINDS, CitationDetail, PartialDate
from ..content.records import Content
from ..content.syntax import CROSS_REF, parse_ref
from ..content.walk import iter_citations

Ref = tuple[str, str]
"""(folder, id) of a record."""


@dataclass
class Index:
    """Back-links between records, every list sorted."""

    mentions: dict[Ref, list[Ref]] = field(default_factory=dict)
    """Record → records that mention it (list fields or inline links)."""
    cited_by: dict[str, list[Ref]] = field(default_factory=dict)
    """Source id → records citing it."""
    events_by_date: list[str] = field(default_factory=list)
    """Event ids, oldest first (ties by id)."""
    neighbours: dict[str, list[tuple[str, str, Any]]] = field(default_factory=dict)
    """Actor id → (other actor, direction 'out'/'in', relation model)."""


def source_id(cite: Any) -> str:
    """Source id of a citation written either way."""
    return cite.source if isinstance(cite, CitationDetail) else str(cite)


def event_key(content: Content, rid: str) -> tuple[PartialDate, str]:
    """Sort key: date, then id."""
    return (PartialDate.parse(content.get("events", rid).date), rid)


def _explicit(kind: str, model: Any) -> list[Ref]:
    refs: list[Ref] = []
    for name, folder in (("actors", "actors"), ("legal", "legal"), ("events", "events")):
        for rid in getattr(model, name, []) or []:
            refs.append((folder, rid))
    if kind == "actors":
        refs += [("actors", r.actor) for r in model.relations]
        refs += [("actors", r.organization) for r in model.roles if r.organization]
    if kind == "legal":
        refs += [("actors", p.state) for p in model.parties]
    if kind == "questions":
        refs += [("actors", p.actor) for p in model.positions]
    return refs


def build_index(content: Content) -> Index:
    """Compute every back-link once per build."""
    mentions: dict[Ref, set[Ref]] = defaultdict(set)
    cited: dict[str, set[Ref]] = defaultdict(set)
    for kind, records in content.records.items():
        for rid, rec in records.items():
            me = (kind, rid)
            for target in _explicit(kind, rec.model):
                if target != me:
                    mentions[target].add(me)
            for _, text in rec.raw.marked_strings():
                for match in CROSS_REF.finditer(text) if "[[" in text else ():
                    ref = parse_ref(match.group(1))
                    if ref is None:
                        continue
                    target = (REF_KINDS.get(ref.kind, ref.kind), ref.id)
                    if target != me:
                        mentions[target].add(me)
            for cite in iter_citations(rec.model):
                cited[source_id(cite)].add(me)
    for cite in iter_citations(content.site):
        cited[source_id(cite)].add(("site", "index"))
    neighbours: dict[str, list[tuple[str, str, Any]]] = defaultdict(list)
    for rid, rec in content.records.get("actors", {}).items():
        for rel in rec.model.relations:
            neighbours[rid].append((rel.actor, "out", rel))
            neighbours[rel.actor].append((rid, "in", rel))
    events = sorted(content.records.get("events", {}), key=lambda r: event_key(content, r))
    return Index(
        mentions={k: sorted(v) for k, v in sorted(mentions.items())},
        cited_by={k: sorted(v) for k, v in sorted(cited.items())},
        events_by_date=events,
        neighbours={k: sorted(v, key=lambda t: (t[0], t[1])) for k, v in sorted(neighbours.items())},
    )


def independent_publishers(content: Content, citations: list[Any]) -> list[str]:
    """Distinct publishers among citations: the "how sure are we" count."""
    sources = content.records.get("sources", {})
    names = {sources[source_id(c)].model.publisher for c in citations if source_id(c) in sources}
    return sorted(names)
