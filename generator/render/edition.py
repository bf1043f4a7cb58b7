"""Content → Markdown pages, one docs folder per language, through Jinja templates.

Why Jinja with autoescape on: every value a template prints is HTML-escaped
unless it went through `markup.inline` (content) or is one of our own
Markup fragments, so a forgotten filter fails safe.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from types import BuiltinMethodType, MethodType
from typing import Any

import jinja2
import jinja2.runtime
from markupsafe import Markup

from .. import workers
from ..content.model import REF_KINDS, PartialDate
from ..content.validate import Content
from ..output.staging import Staging
from ..structure.changes import MAX_PAGE, Change, atom, collect
from ..structure.relations import Index, build_index, event_key, independent_publishers, source_id
from . import markup
from .downloads import SCHEMA_TYPES, chronology_csv, chronology_ics, dataset_json, jsonld
from .graph import Edge, Node, neighbourhood_svg, overview_svg
from .i18n import format_date, month_name, t
from .mkdocs_config import edition_base
from .timeline import timeline_svg

COMPACT = 300
"""Past this many events, the chronology index and timeline summarise by year and month (pages stay small)."""
CITE_IN_YEAR = 100
"""Past this many events in a year, the year page leaves footnotes to the event pages (one click away)."""

PAGE_OF = {"actors": "actors/{}.md", "legal": "legal/{}.md", "sources": "sources/{}.md", "events": "events/{}.md"}
ANCHORED = {"questions": "questions/index.md#{}"}


def target_path(kind: str, rid: str) -> str:
    """Docs-relative path of the page (and anchor) a record lives on."""
    if kind in PAGE_OF:
        return PAGE_OF[kind].format(rid)
    if kind in ANCHORED:
        return ANCHORED[kind].format(rid)
    return "index.md"


class Notes:
    """Numbered footnotes of one page: the same citation gets the same number."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.keys: dict[tuple[str, str, str], int] = {}
        self.items: list[Any] = []

    def cite(self, citations: list[Any]) -> Markup:
        refs: list[str] = []
        for cite in citations:
            key = (source_id(cite), getattr(cite, "quote", None) or "", getattr(cite, "locator", None) or "")
            if key not in self.keys:
                self.items.append(cite)
                self.keys[key] = len(self.items)
            ref = f"[^{self.keys[key]}]"
            if ref not in refs:
                refs.append(ref)
        return Markup("".join(refs))

    def definitions(self) -> Markup:
        lines = [f"[^{i}]: {self.page.footnote(cite)}" for i, cite in enumerate(self.items, 1)]
        return Markup("\n".join(lines))


class Page:
    """Helpers a template calls while rendering one page in one language."""

    def __init__(self, r: Renderer, path: str) -> None:
        self.r = r
        self.path = path
        self.lang = r.lang
        self.notes = Notes(self)
        self.glossary_on = True

    # texts
    def text(self, value: Any) -> str:
        """Localized plain text (fallback to the default language)."""
        return self.r.plain(self.r.pick(value)[0])

    def md(self, value: Any) -> Markup:
        """Localized content text as safe Markdown, with a visible mark when it is a fallback."""
        if value is None:
            return Markup("")
        text, fallback = self.r.pick(value)
        # Links are relative to the page's folder, so pages in one folder can share the result.
        key = (text, self.path.rpartition("/")[0], self.glossary_on)
        out = self.r.inline_cache.get(key)
        if out is None:
            out = markup.inline(text, self.resolver, self.r.glossary if self.glossary_on else None)
            self.r.inline_cache[key] = out
        if fallback:
            out += Markup(f' <small class="untranslated">{markup.attr(t(self.lang, "not_translated"))}</small>')
        return out

    def resolver(self, kind: str, rid: str) -> tuple[str, str] | None:
        folder = REF_KINDS.get(kind)
        if folder is None or rid not in self.r.content.records.get(folder, {}):
            return None
        return self.link(folder, rid), self.r.label(folder, rid)

    def change_link(self, change: Change) -> Markup:
        """A Markdown link to the record (and anchor) a change is about."""
        target = markup.relative(self.r.change_target(change), self.path)
        return Markup(f"[{markup.escape(self.r.change_label(change))}]({target})")

    def events_of(self, kind: str, rid: str) -> list[tuple[str, Any]]:
        """Events that mention a record, oldest first."""
        ids = [r for k, r in self.r.index.mentions.get((kind, rid), []) if k == "events"]
        ids.sort(key=lambda e: self.r.order.get(e, 0))
        return [(e, self.r.content.get("events", e)) for e in ids]

    def stated(self, rec: Any, dispute: Any) -> Markup:
        """The version this page states, for the field a dispute is about."""
        field = dispute.field
        if field == "date":
            return Markup(markup.escape(self.date(rec.date)))
        if field in ("from", "to"):
            value = rec.start if field == "from" else rec.end
            return Markup(markup.escape(self.date(value) if value else "—"))
        if field == "title" or not hasattr(rec, "summary"):
            return self.md(rec.title)
        return Markup(markup.escape(self.t("as_above")))

    def prose(self, body: str) -> Markup:
        """An editor's Markdown page: structure kept, HTML and attribute lists shown as text, links checked."""
        return markup.prose(body, self.resolver)

    def link(self, kind: str, rid: str) -> str:
        """Relative URL from this page to a record."""
        return markup.relative(target_path(kind, rid), self.path)

    def html_link(self, kind: str, rid: str) -> str:
        """Relative URL for raw HTML (SVG marks), which MkDocs does not rewrite."""
        return markup.html_relative(target_path(kind, rid), self.path)

    def to(self, path: str) -> str:
        """Relative URL from this page to a generated page path."""
        return markup.relative(path, self.path)

    def ref(self, kind: str, rid: str) -> Markup:
        """A Markdown link to a record, labelled with its name."""
        return Markup(f"[{markup.escape(self.r.label(kind, rid))}]({self.link(kind, rid)})")

    def date(self, value: str | None) -> str:
        return format_date(value, self.lang) if value else ""

    def t(self, key: str, **values: Any) -> str:
        return t(self.lang, key, **values)

    def cite(self, citations: list[Any]) -> Markup:
        return self.notes.cite(citations)

    def footnote(self, cite: Any) -> str:
        """One footnote: title, publisher, date, link, and the quote where given."""
        src = self.r.content.get("sources", source_id(cite))
        parts = [f"[{markup.escape(src.title)}](<{src.url}>)", markup.escape(src.publisher)]
        if src.published:
            parts.append(markup.escape(format_date(src.published, self.lang)))
        line = ", ".join(parts) + "."
        quote = getattr(cite, "quote", None)
        if quote:
            line += f" “{markup.escape(quote)}”"
            translation = (getattr(cite, "translation", None) or {}).get(self.lang)
            if translation and src.language != self.lang:
                line += f" ({markup.escape(t(self.lang, 'translation'))}: “{markup.escape(translation)}”)"
        locator = getattr(cite, "locator", None)
        if locator:
            line += f" — {markup.escape(locator)}"
        line += f" [↗]({self.link('sources', source_id(cite))})"
        return line

    def cite_short(self, citations: list[Any]) -> Markup:
        """Sources named by publisher, each linking to its source page (for long summary pages)."""
        seen: list[str] = []
        for cite in citations:
            sid = source_id(cite)
            if sid not in seen:
                seen.append(sid)
        links = [
            f"[{markup.escape(self.r.content.get('sources', sid).publisher)}]({self.link('sources', sid)})"
            for sid in seen
        ]
        return Markup(" (" + "; ".join(links) + ")")

    def sure(self, citations: list[Any]) -> Markup:
        """How many independent publishers back a fact; a single one is flagged."""
        n = len(independent_publishers(self.r.content, citations))
        if n <= 1:
            return Markup(f'<span class="sure sure-single">{markup.attr(self.t("single_source"))}</span>')
        return Markup(f'<span class="sure">{markup.attr(self.t("n_sources", n=n))}</span>')

    def ld(self, kind: str, rid: str = "") -> dict[str, Any]:
        """schema.org description of the page's record (Event, Person, Organization, Legislation...)."""
        base = edition_base(self.r.content, self.lang)
        url = base + markup.url_of(target_path(kind, rid) if rid else self.path)
        if kind == "events":
            e = self.r.content.get("events", rid)
            return self.history_ld(
                e,
                {
                    "@type": "Event",
                    "name": self.text(e.title),
                    "startDate": e.date,
                    "description": self.text(e.summary),
                    "url": url,
                    "eventStatus": "https://schema.org/EventScheduled",
                    "location": {
                        "@type": "Place",
                        "name": "Peru" if "peru" in e.actors else self.r.content.site.site_url,
                    },
                    "about": [{"@type": "Thing", "name": self.r.label("actors", a)} for a in e.actors],
                },
            )
        if kind == "actors":
            a = self.r.content.get("actors", rid)
            data: dict[str, Any] = {
                "@type": SCHEMA_TYPES.get(a.kind, "Organization"),
                "name": self.text(a.name),
                "description": self.text(a.summary),
                "url": url,
            }
            if a.wikidata:
                data["sameAs"] = f"https://www.wikidata.org/wiki/{a.wikidata}"
            return self.history_ld(a, data)
        if kind == "legal":
            m = self.r.content.get("legal", rid)
            data = {
                "@type": "Legislation"
                if m.kind in ("treaty", "provision", "domestic-law", "resolution")
                else "DefinedTerm"
                if m.kind == "concept"
                else "CreativeWork",
                "name": self.text(m.title),
                "description": self.text(m.summary),
                "url": url,
            }
            if m.adopted:
                data["legislationDate" if data["@type"] == "Legislation" else "dateCreated"] = m.adopted.date
            if m.text_url:
                data["sameAs"] = m.text_url
            return self.history_ld(m, data)
        if kind == "sources":
            m = self.r.content.get("sources", rid)
            data = {
                "@type": "NewsArticle" if m.kind in ("news", "wire") else "CreativeWork",
                "headline": m.title,
                "publisher": {"@type": "Organization", "name": m.publisher},
                "url": m.url,
                "inLanguage": m.language,
            }
            if m.published:
                data["datePublished"] = m.published
            return self.history_ld(m, data)
        return {"@type": "WebPage", "name": self.text(self.r.content.site.title), "url": url, "inLanguage": self.lang}

    def history_ld(self, model: Any, data: dict[str, Any]) -> dict[str, Any]:
        """dateCreated/dateModified from the record's history, and its corrections as CorrectionComments."""
        if getattr(model, "added", None):
            data["dateCreated"] = model.added
        modified = getattr(model, "updated", None) or getattr(model, "added", None)
        if modified:
            data["dateModified"] = modified
        corrections = getattr(model, "corrections", None) or []
        if corrections:
            data["correction"] = [
                {"@type": "CorrectionComment", "datePublished": c.date, "text": self.text(c.text)} for c in corrections
            ]
        return data

    def search_terms(self, *texts: Any) -> Markup:
        """Accent-free spellings of names, for search only (Material's search does not fold accents).

        Why: readers type "Jeri" for "Jerí". The words go in a hidden element
        that screen readers skip; nothing is shown twice on the page.
        """
        words = {markup.plain(self.r.pick(text)[0]) for text in texts if text}
        folded = sorted({fold_accents(w) for w in words} - words)
        if not folded:
            return Markup("")
        return Markup(f'<span class="search-only" aria-hidden="true">{markup.attr(" · ".join(folded))}</span>')

    def front(
        self, title: str, description: str, ld: dict[str, Any] | None = None, search_exclude: bool = False
    ) -> Markup:
        """YAML front matter (JSON strings are valid YAML).

        Why HTML-escaped: Material prints `page.title` and `page.meta.description`
        into `<title>` and `content="..."` without escaping (MkDocs templates do
        not autoescape), so a quote in a headline would otherwise break out of
        the attribute.
        """
        short = description if len(description) <= 300 else description[:299].rstrip() + "…"
        data = {"title": markup.attr(title), "description": markup.attr(short)}
        if search_exclude:
            # Summary pages repeat the event pages' text: searching them would double every hit and the index.
            data["search"] = {"exclude": True}  # type: ignore[assignment]
        if ld is not None and ld.get("@type") in SCHEMA_TYPES.values():
            # Who-is-who pages first in search results for a name.
            data["search"] = {"boost": 2}  # type: ignore[assignment]
        if ld is not None:
            ld.setdefault("dateModified", self.r.content.site.reviewed)
            data["updated"] = ld["dateModified"]
            data["jsonld"] = jsonld(ld)
        lines = [f"{k}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}" for k, v in data.items()]
        return Markup("---\n" + "\n".join(lines) + "\n---\n")


def fold_accents(text: str) -> str:
    """Remove diacritics: "José Jerí" → "Jose Jeri"."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Renderer:
    """Renders every page of one language."""

    def __init__(self, content: Content, index: Index, lang: str, env: jinja2.Environment) -> None:
        self.content = content
        self.index = index
        self.lang = lang
        self.default = content.languages[0]
        self.env = env
        self._labels: dict[tuple[str, str], str] = {}
        self._plain: dict[str, str] = {}
        self.inline_cache: dict[tuple[str, str, bool], Markup] = {}
        """Inline Markdown by (text, page folder, glossary): an event's summary is the same on its page and its year's."""
        self._edges: list[Edge] | None = None
        self.order = {rid: i for i, rid in enumerate(index.events_by_date)}
        self.glossary = self._glossary()

    def _glossary(self) -> markup.Glossary:
        """Concepts' titles and aliases in this language, mapped to (id, short definition)."""
        terms: dict[str, tuple[str, str]] = {}
        for rid, rec in sorted(self.content.records.get("legal", {}).items()):
            m = rec.model
            if m.kind != "concept":
                continue
            definition = markup.plain(self.pick(m.summary)[0], self.resolve_label)
            if len(definition) > 220:
                definition = definition[:219].rstrip() + "…"
            for name in [m.title, m.short_title, *m.aliases]:
                if name is not None:
                    terms.setdefault(markup.plain(self.pick(name)[0]), (rid, definition))
        return markup.Glossary(terms)

    def pick(self, value: Any) -> tuple[str, bool]:
        """The text for this language, and whether it fell back to the default."""
        if isinstance(value, dict):
            if self.lang in value:
                return value[self.lang], False
            return value.get(self.default, next(iter(value.values()))), True
        return str(value), self.lang != self.default

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
            return model.title
        if kind == "questions":
            return markup.plain(self.pick(model.question)[0])
        return markup.plain(self.pick(model.title)[0])

    def plain(self, text: str) -> str:
        """Content text without markup (remembered: titles recur on every page that lists them)."""
        found = self._plain.get(text)
        if found is None:
            found = self._plain[text] = markup.plain(text, self.resolve_label)
        return found

    def resolve_label(self, kind: str, rid: str) -> tuple[str, str] | None:
        folder = REF_KINDS.get(kind)
        if folder is None or rid not in self.content.records.get(folder, {}):
            return None
        return "", self.label(folder, rid)

    def page(self, template: str, path: str, **ctx: Any) -> str:
        p = Page(self, path)
        body = self.env.get_template(template).render(p=p, c=self.content, site=self.content.site, ix=self.index, **ctx)
        return body.rstrip() + "\n"

    def render(
        self,
        keep: Callable[[str, str], bool] | None = None,
        years_keep: set[int] | None = None,
        keep_pages: set[str] | None = None,
    ) -> dict[str, str]:
        """Every page of this edition; with `keep`, record pages for which it is true are skipped (reused),
        and so are the summary pages named in `keep_pages`."""
        content, ix = self.content, self.index
        out: dict[str, str] = {}
        skip = keep_pages or set()
        events = [(rid, content.get("events", rid)) for rid in ix.events_by_date]
        years = sorted({PartialDate.parse(e.date).year for _, e in events})
        latest = list(reversed(events))[:6]
        key_events = [(rid, e) for rid, e in events if e.key]
        out["index.md"] = self.page(
            "home.md.j2",
            "index.md",
            key_events=key_events,
            latest=latest,
            recent=[c for c in collect(content) if c.kind != "sources" or c.type == "correction"][:5],
            timeline=self.timeline(key_events, events, "index.md"),
        )
        by_year: dict[int, list[Any]] = {year: [] for year in years}
        for rid, e in events:
            by_year[PartialDate.parse(e.date).year].append((rid, e))
        out["chronology/index.md"] = self.page(
            "chronology.md.j2",
            "chronology/index.md",
            years=years,
            by_year=by_year,
            compact=len(events) > COMPACT,
            timeline=self.timeline(key_events, events, "chronology/index.md"),
        )
        for year in years:
            if years_keep is not None and year in years_keep:
                continue
            in_year = by_year[year]
            months: dict[int, list[Any]] = {}
            for rid, e in in_year:
                months.setdefault(PartialDate.parse(e.date).month, []).append((rid, e))
            out[f"chronology/{year}.md"] = self.page(
                "year.md.j2",
                f"chronology/{year}.md",
                year=year,
                months=months,
                month_name=lambda m: month_name(m, self.lang) if m else "",
                cite_all=len(in_year) <= CITE_IN_YEAR,
            )
        for rid, e in events:
            if keep is None or not keep("events", rid):
                out[f"events/{rid}.md"] = self.page("event.md.j2", f"events/{rid}.md", rid=rid, e=e)
        for kind, template in (("actors", "actor.md.j2"), ("legal", "legal.md.j2"), ("sources", "source.md.j2")):
            records = content.records.get(kind, {})
            if f"{kind}/index.md" not in skip:
                extra = {"graph": self.graph(f"{kind}/index.md")} if kind == "actors" else {}
                out[f"{kind}/index.md"] = self.page(f"{kind}-index.md.j2", f"{kind}/index.md", records=records, **extra)
            for rid, rec in records.items():
                if keep is not None and keep(kind, rid):
                    continue
                extra = {"graph": self.graph(f"{kind}/{rid}.md", rid)} if kind == "actors" else {}
                out[f"{kind}/{rid}.md"] = self.page(template, f"{kind}/{rid}.md", rid=rid, m=rec.model, **extra)
        questions = sorted(content.records.get("questions", {}).items(), key=lambda kv: (kv[1].model.order, kv[0]))
        if "questions/index.md" not in skip:
            out["questions/index.md"] = self.page("questions.md.j2", "questions/index.md", questions=questions)
        if "disputes.md" not in skip:
            out["disputes.md"] = self.page("disputes.md.j2", "disputes.md", disputes=self.disputes())
        root = "" if self.lang == self.default else edition_base(content, self.default)
        out["data.md"] = self.page(
            "data.md.j2", "data.md", dataset_url=root + "data/explainer.json", csv_url=root + "data/chronology.csv"
        )
        changes = collect(content)
        out["whats-new.md"] = self.page(
            "whats-new.md.j2", "whats-new.md", changes=changes[:MAX_PAGE], total=len(changes)
        )
        out["feed.xml"] = self.feed(changes)
        base = edition_base(content, self.lang)
        if self.lang == self.default:
            # Every language's titles and summaries are columns of the one file.
            out["data/chronology.csv"] = chronology_csv(content, ix.events_by_date, base)
        out["data/chronology.ics"] = chronology_ics(content, ix.events_by_date, self.lang, base)
        for pid, page in content.pages.items():
            lang = self.lang if self.lang in page.meta else self.default
            out[f"{pid}.md"] = self.page(
                "prose.md.j2", f"{pid}.md", meta=page.meta[lang], body=page.body[lang], fallback=lang != self.lang
            )
        return out

    def timeline(self, key_events: list[Any], events: list[Any], path: str) -> Markup:
        """Marks for the timeline SVG: every event, or, past COMPACT events, one mark per month (with its count)."""
        p = Page(self, path)
        if len(events) <= COMPACT:
            marks = [
                (p.html_link("events", rid), PartialDate.parse(e.date), self.label("events", rid), e.key)
                for rid, e in events
            ]
            return timeline_svg(marks, self.lang)
        months: dict[tuple[int, int], int] = {}
        for _, e in events:
            d = PartialDate.parse(e.date)
            months[(d.year, d.month)] = months.get((d.year, d.month), 0) + 1
        marks = [
            (
                markup.html_relative(f"chronology/{y}.md" + (f"#m-{y}-{m:02d}" if m else ""), path),
                PartialDate(y, m),
                f"{format_date(PartialDate(y, m), self.lang) if m else y}: {t(self.lang, 'n_events', n=n)}",
                False,
            )
            for (y, m), n in sorted(months.items())
        ]
        marks += [
            (p.html_link("events", rid), PartialDate.parse(e.date), self.label("events", rid), True)
            for rid, e in key_events[-40:]
        ]
        return timeline_svg(marks, self.lang)

    def change_target(self, change: Change) -> str:
        """Docs path (with anchor) a change links to."""
        if change.kind == "pages":
            path = f"{change.rid}.md"
        else:
            path = target_path(change.kind, change.rid)
        if change.type == "correction" and "#" not in path:
            path += "#corrections"
        return path

    def change_label(self, change: Change) -> str:
        if change.kind == "pages":
            page = self.content.pages[change.rid]
            return page.meta.get(self.lang, page.meta[self.default]).title
        return self.label(change.kind, change.rid)

    def feed(self, changes: list[Change]) -> str:
        """The Atom feed of this edition."""
        base = edition_base(self.content, self.lang)
        entries = []
        for change in changes:
            label = self.change_label(change)
            kind = t(self.lang, f"change_{change.type}")
            summary = markup.plain(self.pick(change.text)[0], self.resolve_label) if change.text else f"{kind}: {label}"
            link = base + markup.url_of(self.change_target(change))
            entries.append((change, f"{kind}: {label}", summary, link))
        return atom(
            entries,
            f"{markup.plain(self.pick(self.content.site.title)[0])} — {t(self.lang, 'whats_new')}",
            base,
            self.lang,
        )

    def graph_edges(self) -> list[Edge]:
        """Relations (strong) and offices held in an organization (weak), one line per pair (computed once)."""
        if self._edges is None:
            self._edges = self._graph_edges()
        return self._edges

    def _graph_edges(self) -> list[Edge]:
        edges: dict[tuple[str, str], Edge] = {}
        for rid, rec in self.content.records.get("actors", {}).items():
            name = self.label("actors", rid)
            for rel in rec.model.relations:
                pair = tuple(sorted((rid, rel.actor)))
                label = f"{name}: {markup.plain(self.pick(rel.relation)[0])} {self.label('actors', rel.actor)}"
                edges.setdefault(pair, Edge(pair[0], pair[1], label))  # type: ignore[arg-type]
            for role in rec.model.roles:
                if role.organization and role.organization != rid:
                    pair = tuple(sorted((rid, role.organization)))
                    label = f"{name}: {markup.plain(self.pick(role.title)[0])}"
                    edges.setdefault(pair, Edge(pair[0], pair[1], label, weak=True))  # type: ignore[arg-type]
        return [edges[k] for k in sorted(edges)]

    def _edges_of(self, rid: str) -> list[Edge]:
        if not hasattr(self, "_by_actor"):
            self._by_actor: dict[str, list[Edge]] = {}
            for edge in self.graph_edges():
                self._by_actor.setdefault(edge.a, []).append(edge)
                self._by_actor.setdefault(edge.b, []).append(edge)
        return self._by_actor.get(rid, [])

    def graph(self, path: str, center: str | None = None) -> Markup:
        """The actor diagram for a page: the overview, or one actor's neighbourhood."""
        p = Page(self, path)
        actors = self.content.records.get("actors", {})

        def node(rid: str) -> Node:
            return Node(rid, self.label("actors", rid), actors[rid].model.kind, p.html_link("actors", rid))

        edges = self.graph_edges()
        if center is None:
            return overview_svg(
                [node(rid) for rid in actors], edges, t(self.lang, "graph_title"), t(self.lang, "graph_desc")
            )
        mine = [e for e in self._edges_of(center)]
        around = sorted({e.b if e.a == center else e.a for e in mine})
        nodes = {rid: node(rid) for rid in [center, *around]}
        name = self.label("actors", center)
        return neighbourhood_svg(
            nodes[center],
            [nodes[a] for a in around],
            mine,
            t(self.lang, "neighbourhood_title", name=name),
            t(self.lang, "graph_desc"),
        )

    def disputes(self) -> list[tuple[str, str, Any]]:
        """Every recorded disagreement: (kind, id, record), in date/id order."""
        found: list[tuple[str, str, Any]] = []
        for rid in self.index.events_by_date:
            e = self.content.get("events", rid)
            if e.disputed:
                found.append(("events", rid, e))
        for rid, rec in self.content.records.get("actors", {}).items():
            if any(role.disputed for role in rec.model.roles):
                found.append(("actors", rid, rec.model))
        return found


_ENVIRONMENTS: dict[tuple[str, tuple[tuple[str, int], ...]], jinja2.Environment] = {}


def environment(project: Path | None) -> jinja2.Environment:
    """The Jinja environment, compiled once per process and set of template files.

    Why cached: compiling the templates costs more than rendering a small
    site; the live preview regenerates in the same process, so it reuses them
    until a template file changes.
    """
    folders = [project / "overrides" / "generator"] if project is not None else []
    folders.append(Path(str(resources.files("generator.render") / "templates")))
    stamp = tuple(
        (str(f), f.stat().st_mtime_ns) for folder in folders if folder.is_dir() for f in sorted(folder.rglob("*.j2"))
    )
    key = (str(project), stamp)
    if key not in _ENVIRONMENTS:
        _ENVIRONMENTS.clear()
        _ENVIRONMENTS[key] = _make_environment(project)
    return _ENVIRONMENTS[key]


class _HelperContext(jinja2.runtime.Context):
    """A template context that calls our own page helpers directly.

    Why: every `{{ p.something(...) }}` goes through `Context.call`, which
    looks for `pass_context`-style markers on each call; our helpers have
    none, and at 10,000 events skipping the lookups saved about 5% of rendering.
    Anything else (a project's own globals, filters) takes Jinja's path.
    """

    def call(self, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        if (type(obj) is MethodType and type(obj.__self__) is Page) or type(obj) is BuiltinMethodType:
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
            return obj(*args, **kwargs)
        return super().call(obj, *args, **kwargs)


def _make_environment(project: Path | None) -> jinja2.Environment:
    """Templates from the project's overrides/generator/ first, then the package's."""
    loaders: list[jinja2.BaseLoader] = []
    if project is not None and (project / "overrides" / "generator").is_dir():
        loaders.append(jinja2.FileSystemLoader(project / "overrides" / "generator"))
    loaders.append(jinja2.FileSystemLoader(str(resources.files("generator.render") / "templates")))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.context_class = _HelperContext
    env.filters["esc"] = lambda s: Markup(markup.escape(str(s)))
    env.filters["attr"] = lambda s: Markup(markup.attr(str(s)))
    return env


_SHARED: tuple[Content, Index, jinja2.Environment, Staging | None] | None = None
"""What forked workers inherit (fork shares it without pickling the models)."""

DATASET = "data/explainer.json"
"""The one copy of the dataset download, in the default edition's folder (every edition links to it)."""


def _part(name: str) -> dict[str, str] | tuple[list[str], int]:
    """One language edition's pages, or the dataset download, keyed by path under generated/ (a worker's task).

    With a staging folder the worker writes its files there and returns only (paths, files changed).
    """
    assert _SHARED is not None
    content, index, env, staging = _SHARED
    if name == DATASET:
        files = {f"{content.languages[0]}/{DATASET}": dataset_json(content)}
    else:
        files = {f"{name}/{path}": text for path, text in Renderer(content, index, name, env).render().items()}
    if staging is None:
        return files
    return sorted(files), staging.put(files)


def jobs_for(content: Content) -> int:
    """How many processes render the editions: one per language and CPU on large content, else one."""
    return workers.jobs(sum(len(records) for records in content.records.values()), len(content.languages))


def render_site(
    content: Content, project: Path | None, incremental: bool = False, staging: Staging | None = None
) -> dict[str, str]:
    """Every generated file of every language, keyed by path under generated/.

    With `incremental` (the live preview), record pages that no changed record
    can affect are reused from the previous run in this process. Large content
    renders its editions in parallel; the output is the same either way. With
    `staging`, those parallel workers write their editions into it themselves and
    the returned mapping holds only the rest (`staging.paths` lists everything).
    """
    global _SHARED
    from .incremental import plan, remember
    from .mkdocs_config import edition_files

    index = build_index(content)
    env = environment(project)
    files: dict[str, str] = {}
    reuse = plan(content, index, project) if incremental else None
    # The live preview runs inside `mkdocs serve`, whose threads make forking unsafe: it stays in one process.
    jobs = 1 if incremental else jobs_for(content)
    rendered: dict[str, dict[str, str]] = {}
    staged: set[str] = set()
    if jobs > 1:
        _SHARED = (content, index, env, staging)
        try:
            with workers.pool(jobs) as pool:
                # The dataset goes last: whichever worker finishes its edition first builds it.
                names = [*content.languages, DATASET]
                for name, part in zip(names, pool.map(_part, names, chunksize=1), strict=True):
                    if isinstance(part, dict):
                        rendered[name] = part
                    else:
                        assert staging is not None
                        staging.adopt(*part)
                        staged.add(name)
        finally:
            _SHARED = None
    for lang in content.languages:
        if lang in rendered:
            files.update(rendered[lang])
        elif lang not in staged:
            renderer = Renderer(content, index, lang, env)
            if reuse is None:
                pages = renderer.render()
            else:
                pages = renderer.render(reuse.keep, reuse.years, reuse.pages)
                for path, text in reuse.files.items():
                    if path.startswith(f"{lang}/"):
                        pages.setdefault(path[len(lang) + 1 :], text)
            for path, text in pages.items():
                files[f"{lang}/{path}"] = text
        for path, text in edition_files(content, lang).items():
            files[path] = text
    if DATASET in rendered:
        files.update(rendered[DATASET])
    elif DATASET not in staged:
        files[f"{content.languages[0]}/{DATASET}"] = dataset_json(content)
    if project is not None:
        from .redirect_pages import redirect_pages

        for path, text in redirect_pages(project, content.languages, content.site.site_url).items():
            if path in files or (staging is not None and path in staging.paths):
                msg = f"redirect {path} would overwrite a generated page"
                raise ValueError(msg)
            files[path] = text
    # The preview's memory needs every file's text; a staged parallel run does not have it here.
    remember(content, index, project, None if staged else files)
    return files


def config_paths(generated: Path, content: Content) -> list[tuple[str, Path]]:
    """The MkDocs config of each language edition in a generated folder, default language first."""
    return [(lang, generated / f"mkdocs.{lang}.yml") for lang in content.languages]


__all__ = ["config_paths", "event_key", "render_site", "target_path"]
