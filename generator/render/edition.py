"""One language edition: every page of the site in one language, and the context each template gets.

Every template receives `p` (the page's helpers, `page.Page`), `c` (the
validated `Content`), `site` (content/site.yml) and `ix` (the back-link
`Index`); record pages also get `rid` and the record (`e` for an event, `m`
otherwise). Project overrides use these names, so they are kept. The other
names each template gets are listed in the comment at its top.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeAlias

import jinja2

from ..content.model import PartialDate
from ..content.validate import Content
from ..structure import routes
from ..structure.changes import collect, latest
from ..structure.changes import months as by_month
from ..structure.relations import Index
from .downloads import chronology_csv, chronology_ics, feed
from .embed_pages import EmbedPages
from .graph import Graph
from .i18n import month_name
from .labels import Labels
from .page import Page, Shared
from .search import with_search_terms
from .timeline import COMPACT, timeline

CITE_IN_YEAR = 100
"""Past this many events in a year, the year page leaves footnotes to the event pages (one click away)."""
LATEST = 6
"""Newest events on the home page."""
RECENT = 5
"""Newest changes on the home page."""
RELATED_EVENTS = 3
"""Events listed under "Related" on a question's page (key moments first); its events list has the rest."""
RELATED_OTHER = 2
"""Legal records, and actors, listed under "Related" on a question's page."""
RECORD_TEMPLATES = {"actors": "actor.md.j2", "legal": "legal.md.j2", "sources": "source.md.j2"}
"""The page template of each kind of record with a page of its own (events apart: they are listed by date)."""
INDEX_TEMPLATES = {"actors": "actors-index.md.j2", "legal": "legal-index.md.j2", "sources": "sources-index.md.j2"}

Events: TypeAlias = list[tuple[str, Any]]
"""(id, event) pairs in date order."""


class Edition:
    """Renders every page of one language."""

    def __init__(self, content: Content, index: Index, lang: str, env: jinja2.Environment) -> None:
        self.content = content
        self.index = index
        self.lang = lang
        self.default = content.languages[0]
        self.env = env
        self.labels = Labels(content, lang)
        self.shared = Shared(self.labels, index)
        self.graph = Graph(self.labels)

    def page(self, template: str, path: str, **ctx: Any) -> str:
        """One page: `template` rendered for the page at `path` with the common names and `ctx`."""
        p = Page(self.shared, path)
        body = self.env.get_template(template).render(p=p, c=self.content, site=self.content.site, ix=self.index, **ctx)
        return with_search_terms(body.rstrip() + "\n")

    def render(
        self,
        keep: Callable[[str, str], bool] | None = None,
        years_keep: set[int] | None = None,
        keep_pages: set[str] | None = None,
    ) -> dict[str, str]:
        """Every page of this edition; with `keep`, record pages for which it is true are skipped (reused),
        and so are the summary pages named in `keep_pages`."""
        events = [(rid, self.content.get("events", rid)) for rid in self.index.events_by_date]
        out: dict[str, str] = {}
        self._chronology(out, events, years_keep)
        for rid, e in events:
            if keep is None or not keep("events", rid):
                path = routes.target_path("events", rid)
                out[path] = self.page("event.md.j2", path, rid=rid, e=e)
        self._records(out, keep, keep_pages or set())
        self._summaries(out, keep_pages or set())
        out.update(EmbedPages(self.env, self.shared).render([(r, e) for r, e in events if e.key], events, keep))
        return out

    def _chronology(self, out: dict[str, str], events: Events, years_keep: set[int] | None) -> None:
        """The home page, the chronology and its year pages."""
        years = sorted({PartialDate.parse(e.date).year for _, e in events})
        key_events = [(rid, e) for rid, e in events if e.key]
        out[routes.HOME] = self.page(
            "home.md.j2",
            routes.HOME,
            key_events=key_events,
            latest=list(reversed(events))[:LATEST],
            recent=latest(collect(self.content), RECENT),
            timeline=timeline(self.labels, key_events, events, routes.HOME),
        )
        by_year: dict[int, Events] = {year: [] for year in years}
        for rid, e in events:
            by_year[PartialDate.parse(e.date).year].append((rid, e))
        out[routes.CHRONOLOGY] = self.page(
            "chronology.md.j2",
            routes.CHRONOLOGY,
            years=years,
            by_year=by_year,
            compact=len(events) > COMPACT,
            timeline=timeline(self.labels, key_events, events, routes.CHRONOLOGY),
        )
        for year in years:
            if years_keep is not None and year in years_keep:
                continue
            in_year = by_year[year]
            months: dict[int, Events] = {}
            for rid, e in in_year:
                months.setdefault(PartialDate.parse(e.date).month, []).append((rid, e))
            out[routes.year_page(year)] = self.page(
                "year.md.j2",
                routes.year_page(year),
                year=year,
                months=months,
                month_name=lambda m: month_name(m, self.lang) if m else "",
                cite_all=len(in_year) <= CITE_IN_YEAR,
            )

    def _records(self, out: dict[str, str], keep: Callable[[str, str], bool] | None, skip: set[str]) -> None:
        """The index and record pages of actors, legal records and sources."""
        for kind, template in RECORD_TEMPLATES.items():
            records = self.content.records.get(kind, {})
            index = routes.index_page(kind)
            if index not in skip:
                extra = {"graph": self.graph.svg(index)} if kind == "actors" else {}
                out[index] = self.page(INDEX_TEMPLATES[kind], index, records=records, **extra)
            for rid, rec in records.items():
                if keep is not None and keep(kind, rid):
                    continue
                path = routes.target_path(kind, rid)
                extra = {"graph": self.graph.svg(path, rid)} if kind == "actors" else {}
                out[path] = self.page(template, path, rid=rid, m=rec.model, **extra)

    def _summaries(self, out: dict[str, str], skip: set[str]) -> None:
        """Questions, disputes, data, what's new with its feed, the calendar downloads and the prose pages."""
        content = self.content
        questions = sorted(content.records.get("questions", {}).items(), key=lambda kv: (kv[1].model.order, kv[0]))
        landing = routes.index_page("questions")
        if landing not in skip:
            out[landing] = self.page("questions.md.j2", landing, questions=questions)
        for qid, rec in questions:
            path = routes.target_path("questions", qid)
            out[path] = self.page("question.md.j2", path, rid=qid, m=rec.model, related=self.related(rec.model))
        if routes.DISPUTES not in skip:
            out[routes.DISPUTES] = self.page("disputes.md.j2", routes.DISPUTES, disputes=self.disputes())
        root = "" if self.lang == self.default else routes.edition_base(content, self.default)
        out[routes.DATA_PAGE] = self.page(
            "data.md.j2",
            routes.DATA_PAGE,
            dataset_url=root + routes.DATASET,
            csv_url=root + routes.CHRONOLOGY_CSV,
        )
        changes = collect(content)
        out[routes.WHATS_NEW] = self.page(
            "whats-new.md.j2", routes.WHATS_NEW, months=by_month(changes), total=len(changes)
        )
        out[routes.FEED] = feed(self.labels, changes)
        base = routes.edition_base(content, self.lang)
        if self.lang == self.default:
            out[routes.CHRONOLOGY_CSV] = chronology_csv(content, self.index.events_by_date, base)
        out[routes.CHRONOLOGY_ICS] = chronology_ics(content, self.index.events_by_date, self.lang, base)
        for pid, page in content.pages.items():
            lang = self.lang if self.lang in page.meta else self.default
            path = routes.prose_page(pid)
            out[path] = self.page(
                "prose.md.j2", path, meta=page.meta[lang], body=page.body[lang], fallback=lang != self.lang
            )

    def related(self, question: Any) -> list[tuple[str, str]]:
        """The few records most worth reading next from a question: its key events first, newest first.

        Why a short list: "Related:" runs of 20 to 30 links once followed every
        answer; a reader follows two or three.
        """
        order = {rid: i for i, rid in enumerate(self.index.events_by_date)}
        events = sorted(question.events, key=lambda rid: (not self.content.get("events", rid).key, -order.get(rid, 0)))
        refs = [("events", rid) for rid in events[:RELATED_EVENTS]]
        refs += [("legal", rid) for rid in question.legal[:RELATED_OTHER]]
        refs += [("actors", rid) for rid in question.actors[:RELATED_OTHER]]
        return refs

    def disputes(self) -> list[dict[str, Any]]:
        """Every recorded disagreement, one entry per event or disputed role, oldest first.

        Each entry: `kind`, `rid`, `rec` (the event or role the versions differ from),
        `date` (the heading's date), `role` (a role's title, else None), `disputed`, and whether any
        of those is `major` or `minor`.
        """
        found: list[dict[str, Any]] = []
        for rid in self.index.events_by_date:
            e = self.content.get("events", rid)
            if e.disputed:
                found.append(
                    {"kind": "events", "rid": rid, "rec": e, "date": e.date, "role": None, "disputed": e.disputed}
                )
        for rid, rec in sorted(self.content.records.get("actors", {}).items()):
            for role in rec.model.roles:
                if role.disputed:
                    date = role.start or role.end or ""
                    found.append(
                        {
                            "kind": "actors",
                            "rid": rid,
                            "rec": role,
                            "date": date,
                            "role": role.title,
                            "disputed": role.disputed,
                        }
                    )
        for x in found:
            x["major"] = any(not d.minor for d in x["disputed"])
            x["minor"] = any(d.minor for d in x["disputed"])
        return sorted(found, key=lambda x: (PartialDate.parse(x["date"]) if x["date"] else PartialDate(0), x["rid"]))


__all__ = ["CITE_IN_YEAR", "Edition"]
