"""The story's own history: additions, updates and corrections as data, and the Atom feed built from them.

Why from content and not git: dates come from `added`, `updated` and
`corrections` in the records, so a tarball builds the same feed, byte for
byte, and a returning reader sees what changed since they last read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from ..content.model import PartialDate
from ..content.validate import Content

MAX_FEED = 200
"""Newest entries kept in each feed."""
MAX_MONTHS = 24
"""Newest months shown on the What's new page (the feed and the data download hold the rest)."""
GROUP = 3
"""Past this many same-day changes of one kind and type, What's new folds them into one summarised line."""
STORY_KINDS = ("events", "questions", "actors", "legal", "pages")
"""The story's own records, in the order What's new lists them; source records are counted, not listed."""


@dataclass(frozen=True)
class Change:
    """One dated change to one record."""

    date: str
    kind: str
    rid: str
    type: str
    """`added`, `updated` or `correction`."""
    number: int = 0
    """For corrections: 1 for the oldest, so ids stay stable when newer ones are added."""
    text: Any = None

    @property
    def sort_key(self) -> tuple[PartialDate, str, str, str, int]:
        return (PartialDate.parse(self.date), self.kind, self.rid, self.type, self.number)


def _record_changes(kind: str, rid: str, model: Any) -> list[Change]:
    found: list[Change] = []
    if model.added:
        found.append(Change(model.added, kind, rid, "added"))
    if model.updated and model.updated != model.added:
        found.append(Change(model.updated, kind, rid, "updated"))
    total = len(model.corrections)
    for i, corr in enumerate(model.corrections):
        found.append(Change(corr.date, kind, rid, "correction", total - i, corr.text))
    return found


def collect(content: Content) -> list[Change]:
    """Every change in the content, newest first (ties in a fixed order)."""
    changes: list[Change] = []
    for kind, records in content.records.items():
        for rid, rec in records.items():
            changes += _record_changes(kind, rid, rec.model)
    default = content.languages[0]
    for pid, page in content.pages.items():
        if default in page.meta:
            changes += _record_changes("pages", pid, page.meta[default])
    return sorted(changes, key=lambda c: c.sort_key, reverse=True)


def is_news(change: Change) -> bool:
    """A change a reader follows: anything but a source record's addition or update (its corrections count)."""
    return change.kind != "sources" or change.type == "correction"


def news(changes: list[Change], limit: int = MAX_FEED) -> list[Change]:
    """The newest news changes, at most `limit`, keeping every correction whatever its date ties with.

    Why: a feed cut at a fixed length once dropped a correction dated on the
    same day as many additions; a correction must reach every subscriber.
    """
    found = [c for c in changes if is_news(c)]
    corrections = [c for c in found if c.type == "correction"]
    others = [c for c in found if c.type != "correction"][: max(limit - len(corrections), 0)]
    return sorted(corrections + others, key=lambda c: c.sort_key, reverse=True)


@dataclass(frozen=True)
class Group:
    """Same-day changes of one type to records of one kind, shown as one line once there are many."""

    date: str
    kind: str
    type: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Month:
    """One month of What's new: corrections first, then the story's changes, then source records counted."""

    month: str
    corrections: tuple[Change, ...]
    story: tuple[Change | Group, ...]
    sources_added: int
    sources_updated: int


def _story(changes: list[Change]) -> tuple[Change | Group, ...]:
    """Changes newest first, kinds in story order; large same-day groups folded into one `Group`."""
    rank = {kind: i for i, kind in enumerate(STORY_KINDS)}
    runs: dict[tuple[str, str, str], list[Change]] = {}
    for change in changes:
        runs.setdefault((change.date, change.kind, change.type), []).append(change)
    keys = sorted(runs, key=lambda k: (PartialDate.parse(k[0]), -rank.get(k[1], 9), k[2]), reverse=True)
    items: list[Change | Group] = []
    for date, kind, type_ in keys:
        run = runs[(date, kind, type_)]
        if len(run) > GROUP:
            items.append(Group(date, kind, type_, tuple(sorted(run, key=lambda c: c.rid))))
        else:
            items += run
    return tuple(items)


def months(changes: list[Change]) -> list[Month]:
    """What's new by month, newest first (`changes` as `collect` returns them)."""
    by_month: dict[str, list[Change]] = {}
    for change in changes:
        by_month.setdefault(change.date[:7], []).append(change)
    found: list[Month] = []
    for month in sorted(by_month, key=PartialDate.parse, reverse=True)[:MAX_MONTHS]:
        items = by_month[month]
        story = [c for c in items if c.type != "correction" and c.kind != "sources"]
        found.append(
            Month(
                month,
                tuple(c for c in items if c.type == "correction"),
                _story(story),
                sum(1 for c in items if c.kind == "sources" and c.type == "added"),
                sum(1 for c in items if c.kind == "sources" and c.type == "updated"),
            )
        )
    return found


def latest(changes: list[Change], count: int) -> list[Change | Group]:
    """The newest distinct developments for the home page: corrections, then story lines as What's new shows them."""
    found: list[Change | Group] = []
    for month in months(changes):
        found += [*month.corrections, *month.story]
        if len(found) >= count:
            break
    return found[:count]


def entry_id(host: str, lang: str, change: Change) -> str:
    """A tag: URI that never changes for the same change."""
    year = change.date[:4]
    suffix = f"/{change.number}" if change.type == "correction" else ""
    return f"tag:{host},{year}:{lang}/{change.kind}/{change.rid}/{change.type}{suffix}"


def _stamp(date: str) -> str:
    d = PartialDate.parse(date)
    return f"{d.year:04d}-{d.month or 1:02d}-{d.day or 1:02d}T00:00:00Z"


def atom(entries: list[tuple[Change, str, str, str]], title: str, base: str, lang: str) -> str:
    """An Atom 1.0 feed; entries are (change, entry title, summary, absolute link)."""
    host = base.split("//", 1)[-1].split("/", 1)[0]
    updated = _stamp(entries[0][0].date) if entries else "1970-01-01T00:00:00Z"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(lang)}>',
        f"  <title>{escape(title)}</title>",
        f"  <id>{escape(base)}feed.xml</id>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(base + "feed.xml")}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(base)}/>',
        f"  <updated>{updated}</updated>",
        f"  <author><name>{escape(title)}</name></author>",
    ]
    for change, entry_title, summary, link in entries:
        stamp = _stamp(change.date)
        lines += [
            "  <entry>",
            f"    <id>{escape(entry_id(host, lang, change))}</id>",
            f"    <title>{escape(entry_title)}</title>",
            f"    <updated>{stamp}</updated>",
            f"    <published>{stamp}</published>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(link)}/>',
            f"    <summary>{escape(summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
