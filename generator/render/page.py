"""What a template may call while it renders one page: `p` in every template.

Why a class of helpers: the logic stays in Python, where it is typed and
tested, and templates stay declarative. Project overrides
(`overrides/generator/*.j2`) call these methods by name, so the names and
their arguments are a public interface: `p.text`, `p.md`, `p.prose`, `p.t`,
`p.date`, `p.link`, `p.to`, `p.ref`, `p.change_link`, `p.events_of`,
`p.gist`, `p.language`, `p.country`, `p.quotes_of`, `p.stated`, `p.version`, `p.dispute_groups`, `p.cite`, `p.cite_short`, `p.sure`, `p.notes`, `p.ld`,
`p.search_terms`, `p.embeds` and `p.front`.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..content.model import REF_KINDS
from ..content.validate import Content
from ..content.walk import iter_quotes
from ..structure.changes import Change
from ..structure.relations import Index, independent_publishers, source_id
from ..structure.routes import card_url, change_target, html_relative, relative, target_path
from . import embed, jsonld, markup
from .i18n import country_called, format_date, language_called, t
from .labels import Labels
from .search import without_accents

DESCRIPTION = 300
"""Characters of a page description kept in its front matter (search snippets and link previews)."""
GIST = 200
"""Characters at most of a one-line answer on the Questions index."""
STORY_FOLDERS = ("actors", "events", "legal", "questions")
"""Folders of the record pages that tell the story (they rank first in search)."""
ACTOR_BOOST = 5
"""Search weight of a who-is-who page: a person's own page before the many events that name them.

Why 5 and not 2: an accent-free name ("Munoz") matches only text, never a title,
and a long actor page scores lower per word than a short event page.
"""
SOURCE_BOOST = 0.001
"""Search weight of a source record's page.

Why so low: Material weighs a match in a title 1,000 times one in the text, and
source titles repeat the names of the story ("Zoë Muñoz says ..."), so without
it a name finds source records before the events and people it is about.
Sources are still found, after the story pages.
"""


class Shared:
    """What every page of one edition shares: its texts, the back-links, the order of events, rendered text.

    Why shared: an event's summary is the same Markdown on its page and on its
    year's page, and the names of records recur on every page that lists them.
    """

    def __init__(self, labels: Labels, index: Index) -> None:
        self.labels = labels
        self.content: Content = labels.content
        self.index = index
        self.order = {rid: i for i, rid in enumerate(index.events_by_date)}
        self.inline_cache: dict[tuple[str, str, bool], Markup] = {}
        """Inline Markdown by (text, page folder, glossary)."""


class Notes:
    """Numbered footnotes of one page: one note per source, whatever cites it and how often.

    Why per source: a reader checks a source once; a second note for the same
    outlet (another quote, another place) reads as a second source. Repeat
    citations reuse the number, Python-Markdown links the note back to each use
    (shown a, b, c by the CSS), and the note gathers every quote the page uses.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.numbers: dict[str, int] = {}
        self.items: list[list[Any]] = []
        """The citations of each note, in the order of their numbers."""

    def cite(self, citations: list[Any]) -> Markup:
        """Footnote references for citations, numbering each new source."""
        refs: list[str] = []
        for cite in citations:
            sid = source_id(cite)
            if sid not in self.numbers:
                self.items.append([])
                self.numbers[sid] = len(self.items)
            number = self.numbers[sid]
            if cite not in self.items[number - 1]:
                self.items[number - 1].append(cite)
            ref = f"[^{number}]"
            if ref not in refs:
                refs.append(ref)
        return Markup("".join(refs))

    def definitions(self) -> Markup:
        """Every footnote cited on the page (the footer prints them)."""
        lines = [f"[^{i}]: {self.page.footnote(*cites)}" for i, cites in enumerate(self.items, 1)]
        return Markup("\n".join(lines))


class Page:
    """Helpers a template calls while rendering one page in one language."""

    def __init__(self, shared: Shared, path: str) -> None:
        self.shared = shared
        self.labels = shared.labels
        self.path = path
        self.lang = shared.labels.lang
        self.notes = Notes(self)
        self.glossary_on = True
        self._embeds: list[embed.Embed] | None = None

    def text(self, value: Any) -> str:
        """Localized plain text (fallback to the default language)."""
        return self.labels.text(value)

    def md(self, value: Any) -> Markup:
        """Localized content text as safe Markdown, with a visible mark when it is a fallback."""
        if value is None:
            return Markup("")
        text, fallback = self.labels.pick(value)
        # Links are relative to the page's folder, so pages in one folder can share the result.
        key = (text, self.path.rpartition("/")[0], self.glossary_on)
        cache = self.shared.inline_cache
        out = cache.get(key)
        if out is None:
            out = markup.inline(text, self.resolver, self.labels.glossary if self.glossary_on else None)
            cache[key] = out
        if fallback:
            out += Markup(f' <small class="untranslated">{markup.attr(t(self.lang, "not_translated"))}</small>')
        return out

    def resolver(self, kind: str, rid: str) -> tuple[str, str] | None:
        """A `markup.Resolver`: the link from this page to a record, and the record's name."""
        folder = REF_KINDS.get(kind)
        if folder is None or rid not in self.shared.content.records.get(folder, {}):
            return None
        return self.link(folder, rid), self.labels.label(folder, rid)

    def change_link(self, change: Change) -> Markup:
        """A Markdown link to the record (and anchor) a change is about."""
        target = relative(change_target(change), self.path)
        return Markup(f"[{markup.escape(self.labels.change_label(change))}]({target})")

    def events_of(self, kind: str, rid: str) -> list[tuple[str, Any]]:
        """Events that mention a record, oldest first."""
        ids = [r for k, r in self.shared.index.mentions.get((kind, rid), []) if k == "events"]
        ids.sort(key=lambda e: self.shared.order.get(e, 0))
        return [(e, self.shared.content.get("events", e)) for e in ids]

    def stated(self, rec: Any, dispute: Any, standalone: bool = False) -> Markup:
        """The version this page states, for the field a dispute is about.

        Why `standalone`: on the disputes page nothing else tells the story, so
        a dispute about a detail of the summary shows the summary itself.
        """
        field = dispute.field
        if field == "date":
            return Markup(markup.escape(self.date(rec.date)))
        if field in ("from", "to"):
            value = rec.start if field == "from" else rec.end
            return Markup(markup.escape(self.date(value) if value else "—"))
        if field == "title" or not hasattr(rec, "summary"):
            return self.md(rec.title)
        if standalone:
            return self.md(rec.summary)
        return Markup(markup.escape(self.t("as_summarised")))

    def version(self, dispute: Any) -> Markup:
        """What the other sources say: a date in this language, or their text."""
        if dispute.field in ("date", "from", "to") and isinstance(dispute.value, str):
            return Markup(markup.escape(self.date(dispute.value)))
        return self.md(dispute.value)

    @staticmethod
    def dispute_groups(disputed: list[Any]) -> tuple[list[list[Any]], list[Any]]:
        """Major disputes grouped by the field they are about (in the order given), and the minor ones."""
        groups: dict[str, list[Any]] = {}
        for d in disputed:
            if not d.minor:
                groups.setdefault(d.field, []).append(d)
        return list(groups.values()), [d for d in disputed if d.minor]

    def gist(self, value: Any, limit: int = GIST) -> str:
        """The first sentence of a text, as plain text of at most `limit` characters (index pages' one-liners)."""
        text = self.text(value)
        end = next((i + 1 for i, ch in enumerate(text) if ch in ".?!" and text[i + 1 : i + 2] in (" ", "")), len(text))
        first = text[:end]
        return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"

    def language(self, code: str) -> str:
        """A language's name in this page's language: "Spanish" for `es`."""
        return language_called(code, self.lang)

    def country(self, code: str) -> str:
        """A country's name in this page's language: "Japan" for `JP`."""
        return country_called(code, self.lang)

    def quotes_of(self, sid: str) -> list[tuple[Any, list[tuple[str, str]]]]:
        """Every quote the site takes from a source, once each: (citation, the records that quote it, in order)."""
        content = self.shared.content
        found: dict[tuple[str, str], tuple[Any, list[tuple[str, str]]]] = {}
        for kind, rid in self.shared.index.cited_by.get(sid, []):
            model = content.site if kind == "site" else content.get(kind, rid)
            for cite in iter_quotes(model):
                if cite.source != sid:
                    continue
                where = self.labels.pick(cite.locator)[0] if cite.locator else ""
                _, users = found.setdefault((cite.quote or "", where), (cite, []))
                if (kind, rid) not in users:
                    users.append((kind, rid))
        return list(found.values())

    def prose(self, body: str) -> Markup:
        """An editor's Markdown page: structure kept, HTML and attribute lists shown as text, links checked."""
        return markup.prose(body, self.resolver)

    def link(self, kind: str, rid: str) -> str:
        """Relative URL from this page to a record."""
        return relative(target_path(kind, rid), self.path)

    def html_link(self, kind: str, rid: str) -> str:
        """Relative URL for raw HTML (SVG marks), which MkDocs does not rewrite."""
        return html_relative(target_path(kind, rid), self.path)

    def to(self, path: str) -> str:
        """Relative URL from this page to a generated page path."""
        return relative(path, self.path)

    def ref(self, kind: str, rid: str) -> Markup:
        """A Markdown link to a record, labelled with its name."""
        return Markup(f"[{markup.escape(self.labels.label(kind, rid))}]({self.link(kind, rid)})")

    def date(self, value: str | None) -> str:
        """A date in this language at its own precision ("November 2025"); "" for none."""
        return format_date(value, self.lang) if value else ""

    def t(self, key: str, **values: Any) -> str:
        """An interface string in this language, with `{name}` placeholders filled from `values`."""
        return t(self.lang, key, **values)

    def cite(self, citations: list[Any]) -> Markup:
        """Footnote references to citations; the footer lists the footnotes."""
        return self.notes.cite(citations)

    def footnote(self, *cites: Any) -> str:
        """One footnote: title, publisher, date, link, then each quote (and place in the source) the page uses."""
        sid = source_id(cites[0])
        src = self.shared.content.get("sources", sid)
        parts = [f"[{markup.escape(src.title)}](<{src.url}>)", markup.escape(src.publisher)]
        if src.published:
            parts.append(markup.escape(format_date(src.published, self.lang)))
        line = ", ".join(parts) + "."
        seen: set[str] = set()
        for cite in cites:
            quoted = self._quoted(cite, src.language)
            if quoted and quoted not in seen:
                seen.add(quoted)
                line += " " + quoted
        line += f" [↗]({self.link('sources', sid)})"
        return line

    def _quoted(self, cite: Any, source_language: str) -> str:
        """A citation's quote with its translation, and its place in the source ("" for a bare citation)."""
        line = ""
        quote = getattr(cite, "quote", None)
        if quote:
            line = f"“{markup.escape(quote)}”"
            translation = (getattr(cite, "translation", None) or {}).get(self.lang)
            if translation and source_language != self.lang:
                line += f" ({markup.escape(t(self.lang, 'translation'))}: “{markup.escape(translation)}”)"
        locator = getattr(cite, "locator", None)
        if locator:
            line += f" — {markup.escape(self.labels.pick(locator)[0])}"
        return line.strip()

    def cite_short(self, citations: list[Any]) -> Markup:
        """Sources named by publisher, each linking to its source page (for long summary pages)."""
        seen: list[str] = []
        for cite in citations:
            sid = source_id(cite)
            if sid not in seen:
                seen.append(sid)
        sources = self.shared.content
        links = [
            f"[{markup.escape(sources.get('sources', sid).publisher)}]({self.link('sources', sid)})" for sid in seen
        ]
        return Markup(" (" + "; ".join(links) + ")")

    def sure(self, citations: list[Any]) -> Markup:
        """How many independent publishers back a fact; a single one is flagged."""
        n = len(independent_publishers(self.shared.content, citations))
        if n <= 1:
            return Markup(f'<span class="sure sure-single">{markup.attr(self.t("single_source"))}</span>')
        return Markup(f'<span class="sure">{markup.attr(self.t("n_sources", n=n))}</span>')

    def ld(self, kind: str, rid: str = "") -> dict[str, Any]:
        """schema.org description of the page's record (Event, Person, Organization, Legislation...)."""
        return jsonld.ld(self.labels, self.path, kind, rid)

    def search_terms(self, *texts: Any) -> Markup:
        """Accent-free spellings of names, for search only (Material's search does not fold accents).

        Why: readers type "Munoz" for "Muñoz". The words go in a hidden element
        that screen readers skip; nothing is shown twice on the page.
        """
        words = {markup.plain(self.labels.pick(text)[0]) for text in texts if text}
        folded = sorted({without_accents(w) for w in words} - words)
        if not folded:
            return Markup("")
        return Markup(f'<span class="search-only" aria-hidden="true">{markup.attr(" · ".join(folded))}</span>')

    def embeds(self) -> list[embed.Embed]:
        """The embeds this page offers to other sites (its "Embed this" box): none on most pages."""
        if self._embeds is None:
            self._embeds = embed.embeds(self.labels, self.path)
        return self._embeds

    def front(
        self, title: str, description: str, ld: dict[str, Any] | None = None, search_exclude: bool = False
    ) -> Markup:
        """YAML front matter (JSON strings are valid YAML).

        Why HTML-escaped: Material prints `page.title` and `page.meta.description`
        into `<title>` and `content="..."` without escaping (MkDocs templates do
        not autoescape), so a quote in a headline would otherwise break out of
        the attribute.
        """
        short = description if len(description) <= DESCRIPTION else description[: DESCRIPTION - 1].rstrip() + "…"
        data: dict[str, object] = {"title": markup.attr(title), "description": markup.attr(short)}
        # The link preview's picture (overrides/main.html prints it as og:image).
        data["image"] = card_url(self.shared.content, self.lang, self.path)
        if search_exclude:
            # Summary pages repeat the event pages' text: searching them would double every hit and the index.
            data["search"] = {"exclude": True}
        folder = self.path.partition("/")[0]
        if ld is not None and folder in STORY_FOLDERS:
            # The story first in search results for a name: the person's own page, then events, the law, the questions.
            data["search"] = {"boost": ACTOR_BOOST if folder == "actors" else 2}
        elif ld is not None and folder == "sources":
            data["search"] = {"boost": SOURCE_BOOST}
        discovery = embed.discovery(self.embeds())
        if discovery:
            data["oembed"] = discovery
        if ld is not None:
            ld.setdefault("dateModified", self.shared.content.site.reviewed)
            data["updated"] = ld["dateModified"]
            data["jsonld"] = jsonld.jsonld(ld)
        lines = [f"{k}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}" for k, v in data.items()]
        return Markup("---\n" + "\n".join(lines) + "\n---\n")
