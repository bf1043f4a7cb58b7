"""Where every generated page lives and what URL it gets: the site's one address map.

Why one module: a record's page path is also its URL, the target of every
link, the key of a redirect, the entry of a PR comment and the nav of an
edition. When each of those wrote its own rule (six modules did), moving a
kind of record to other pages meant finding them all, and nothing checked
that they agreed. Everything here is a pure function of ids and paths.

Paths are docs-relative Markdown paths (`actors/jane-doe.md`, with an
optional `#anchor`); URLs are what MkDocs makes of them with directory URLs
(`actors/jane-doe/`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from ..content.validate import Content
from .changes import Change

PAGE_OF = {
    "actors": "actors/{}.md",
    "legal": "legal/{}.md",
    "sources": "sources/{}.md",
    "events": "events/{}.md",
    "questions": "questions/{}.md",
}
"""Folders whose records have a page of their own."""
ANCHORED: dict[str, str] = {}
"""Folders whose records are anchors on one shared page. None since questions have pages of their own; the
Questions index keeps an anchor per question (`questions/#<id>`), so links to the old address still land on it."""

RECORD_PAGES = tuple(PAGE_OF)
"""Folders whose records have a page of their own, in the order the site lists them."""

HOME = "index.md"
CHRONOLOGY = "chronology/index.md"
DISPUTES = "disputes.md"
WHATS_NEW = "whats-new.md"
DATA_PAGE = "data.md"
FEED = "feed.xml"
DATASET = "data/explainer.json"
"""The one copy of the dataset download, in the default edition's folder (every edition links to it)."""
CHRONOLOGY_CSV = "data/chronology.csv"
"""In the default edition only: every language's titles and summaries are columns of the one file."""
CHRONOLOGY_ICS = "data/chronology.ics"
CARD = "assets/cards/site.png"
"""An edition's share card: the picture link previews show for every page without a card of its own."""
CARDED = ("questions",)
"""Kinds whose records have a share card of their own (what readers share most)."""

EMBED_TIMELINE = "embed/timeline.md"
"""The timeline of key moments on a page of its own, for other sites' iframes (written as HTML, see `embed_file`)."""
EMBED_KEY_FACTS = "embed/key-facts.md"
"""The key-facts box of site.yml, for other sites' iframes."""

SECTIONS = [
    HOME,
    CHRONOLOGY,
    "actors/index.md",
    "legal/index.md",
    "questions/index.md",
    DISPUTES,
    "sources/index.md",
    WHATS_NEW,
    DATA_PAGE,
]
"""Navigation: section landing pages only, so page size stays bounded as content grows."""


def target_path(kind: str, rid: str) -> str:
    """Docs-relative path of the page (and anchor) a record lives on; the home page for anything else."""
    if kind in PAGE_OF:
        return PAGE_OF[kind].format(rid)
    if kind in ANCHORED:
        return ANCHORED[kind].format(rid)
    return HOME


def record_page(kind: str, rid: str) -> str | None:
    """The page a record has to itself, or None when it is an anchor on a shared page."""
    return PAGE_OF[kind].format(rid) if kind in PAGE_OF else None


def index_page(kind: str) -> str:
    """The landing page of a kind's folder: `actors/index.md`."""
    return f"{kind}/index.md"


def year_page(year: int | str) -> str:
    """The chronology page of one year."""
    return f"chronology/{year}.md"


def month_anchor(year: int, month: int) -> str:
    """A month's heading on its year page (`chronology/2025.md#m-2025-11`); month 0 is the year page itself."""
    return year_page(year) + (f"#m-{year}-{month:02d}" if month else "")


def prose_page(pid: str) -> str:
    """The page of an editor's Markdown file `content/pages/<pid>.<lang>.md`."""
    return f"{pid}.md"


def year_of(date: object) -> int | None:
    """The year a date string starts with, or None: which chronology page an event is listed on.

    Why not `PartialDate.parse`: `explainer diff` reads records as they are,
    before validation, and a bad date must not stop the report.
    """
    return int(date[:4]) if isinstance(date, str) and date[:4].isdigit() else None


def pages_of(kind: str, rid: str, year: int | None = None) -> list[str]:
    """The pages that show a record as their subject: its own page first, then an event's chronology pages."""
    pages = [target_path(kind, rid)]
    if kind == "events":
        pages.append(CHRONOLOGY)
        if year is not None:
            pages.append(year_page(year))
    return pages


def change_target(change: Change) -> str:
    """Docs path (with anchor) a history entry links to; a correction points at the record's corrections."""
    path = prose_page(change.rid) if change.kind == "pages" else target_path(change.kind, change.rid)
    if change.type == "correction" and "#" not in path:
        path += "#corrections"
    return path


def card_path(kind: str, rid: str) -> str:
    """The share card of a record with a card of its own."""
    return f"assets/cards/{kind}-{rid}.png"


def card_of(page: str) -> str:
    """The share card a page's link preview shows: its record's own card, else the edition's."""
    folder, _, name = page.partition("/")
    if folder in CARDED and name.endswith(".md") and name != "index.md" and "/" not in name:
        return card_path(folder, name.removesuffix(".md"))
    return CARD


def card_url(content: Content, lang: str, page: str) -> str:
    """The absolute address of a page's share card, as `og:image` wants it."""
    return edition_base(content, lang) + card_of(page)


def site_pages(records: Mapping[str, Iterable[str]], prose: Iterable[str], years: Iterable[int | str]) -> set[str]:
    """Docs paths of the pages a redirect may come from or point to: records, landing pages, years, prose.

    The What's-new and data pages are not among them, as before this module
    gathered the rule (widening the set changes what `redirects.yml` accepts).
    """
    pages = {HOME, CHRONOLOGY, "questions/index.md", DISPUTES}
    for kind in RECORD_PAGES:
        pages.add(index_page(kind))
        pages |= {PAGE_OF[kind].format(rid) for rid in records.get(kind, ())}
    pages |= {prose_page(pid) for pid in prose}
    pages |= {year_page(year) for year in years}
    return pages


def embed_page(rid: str) -> str:
    """The card of one event, for other sites' iframes."""
    return f"embed/events/{rid}.md"


EMBEDDED = {EMBED_TIMELINE: CHRONOLOGY, EMBED_KEY_FACTS: HOME}
"""The full page of each embed that is not an event card (its canonical page)."""


def embedded_page(embed: str) -> str:
    """The full page an embed shows part of: its canonical link and the target of "see the full page"."""
    return EMBEDDED.get(embed) or target_path("events", embed.removeprefix("embed/events/").removesuffix(".md"))


def embeds_of(path: str) -> list[str]:
    """The embeds a full page offers ("Embed this", oEmbed discovery): home, chronology and event pages."""
    if path == HOME:
        return [EMBED_TIMELINE, EMBED_KEY_FACTS]
    if path == CHRONOLOGY:
        return [EMBED_TIMELINE]
    rid = path.removeprefix("events/").removesuffix(".md")
    if path == target_path("events", rid) and "/" not in rid and rid != "index":
        return [embed_page(rid)]
    return []


def embed_file(embed: str) -> str:
    """Where an embed's standalone HTML is written: `index.html` at the embed's URL (MkDocs copies it as is).

    Why HTML rather than a Markdown page: the embed has none of the theme
    (navigation, header, search), and a generated file needs no template in
    the project's `overrides/`, so a project made before embeds existed gets
    them on upgrade, with any builder that copies the docs folder.
    """
    return url_of(embed) + "index.html"


def oembed_file(embed: str) -> str:
    """The static oEmbed answer for an embed, at the edition's root: `oembed-timeline.json`, `oembed-events-<id>.json`.

    Why at the root: Material's language switch takes every `<link rel="alternate">` of a page (the oEmbed
    discovery link must be one) for an edition and fetches `sitemap.xml` beside it; next to the edition's
    root that is the edition's own sitemap, in a folder of its own it would be a missing file.
    """
    return "oembed-" + embed.removeprefix("embed/").removesuffix(".md").replace("/", "-") + ".json"


def url_of(md_path: str) -> str:
    """The URL MkDocs gives a page (directory URLs): `events/x.md` → `events/x/`, `index.md` → ``."""
    path, _, anchor = md_path.partition("#")
    stem = path.removesuffix(".md")
    if stem == "index":
        url = ""
    elif stem.endswith("/index"):
        url = stem.removesuffix("index")
    else:
        url = stem + "/"
    return url + (f"#{anchor}" if anchor else "")


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for clean relative paths, without touching the file system (it is called per link)."""
    to = [p for p in path.split("/") if p and p != "."]
    here = [p for p in start.split("/") if p and p != "."]
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    parts = [".."] * (len(here) - common) + to[common:]
    return "/".join(parts) or "."


def relative(target: str, base: str) -> str:
    """Relative link from page `base` to `target` (both paths of .md files, `#anchor` kept), as Markdown wants."""
    return _relative_from(target, base.rpartition("/")[0])


@cache
def _relative_from(target: str, folder: str) -> str:
    """Remembered by target and folder: every page in a folder shares its links."""
    path, _, anchor = target.partition("#")
    return _relpath(path, folder) + (f"#{anchor}" if anchor else "")


def html_relative(target: str, base: str) -> str:
    """Relative URL for raw HTML (where MkDocs does not rewrite .md links) from page `base` to `target`."""
    dest = url_of(target)
    path, _, anchor = dest.partition("#")
    here = url_of(base)
    rel = _relpath(path or ".", here or ".")
    rel = "./" if rel == "." else rel + ("/" if path.endswith("/") and not rel.endswith("/") else "")
    return rel + (f"#{anchor}" if anchor else "")


def url_relative(target_url: str, base_url: str) -> str:
    """Relative link between two directory URLs, always ending in `/` (the redirect pages' links)."""
    rel = _relpath(target_url or ".", base_url or ".")
    return "./" if rel == "." else rel + "/"


def edition_root(root: str, lang: str, languages: list[str]) -> str:
    """An edition's URL under the site's `root`: the default language at the root, others under `<lang>/`."""
    return root if lang == languages[0] else f"{root}{lang}/"


def edition_link(lang: str, other: str, languages: list[str]) -> str:
    """Relative link from the root of edition `lang` to the root of edition `other` (the language switcher)."""
    return url_relative(edition_root("", other, languages), edition_root("", lang, languages))


def edition_base(content: Content, lang: str) -> str:
    """Absolute URL of an edition's root, from site.yml's `site_url`."""
    return edition_root(content.site.site_url.rstrip("/") + "/", lang, content.languages)


def config_name(lang: str) -> str:
    """The file name of one edition's MkDocs config, beside the editions' folders in generated/."""
    return f"mkdocs.{lang}.yml"


def config_paths(generated: Path, content: Content) -> list[tuple[str, Path]]:
    """The MkDocs config of each language edition in a generated folder, default language first."""
    return [(lang, generated / config_name(lang)) for lang in content.languages]


__all__ = [
    "ANCHORED",
    "CARD",
    "CARDED",
    "CHRONOLOGY",
    "CHRONOLOGY_CSV",
    "CHRONOLOGY_ICS",
    "DATASET",
    "DATA_PAGE",
    "DISPUTES",
    "EMBEDDED",
    "EMBED_KEY_FACTS",
    "EMBED_TIMELINE",
    "FEED",
    "HOME",
    "PAGE_OF",
    "RECORD_PAGES",
    "SECTIONS",
    "WHATS_NEW",
    "card_of",
    "card_url",
    "card_path",
    "change_target",
    "config_name",
    "config_paths",
    "edition_base",
    "edition_link",
    "edition_root",
    "embed_file",
    "embed_page",
    "embedded_page",
    "embeds_of",
    "html_relative",
    "index_page",
    "month_anchor",
    "oembed_file",
    "pages_of",
    "prose_page",
    "record_page",
    "relative",
    "site_pages",
    "target_path",
    "url_of",
    "url_relative",
    "year_of",
    "year_page",
]
