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
MAX_PAGE = 500
"""Newest entries shown on the What's new page (the feed and the data download hold the rest)."""


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
    for change, entry_title, summary, link in entries[:MAX_FEED]:
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
