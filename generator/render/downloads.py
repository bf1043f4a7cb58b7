"""Data downloads: the dataset as JSON, the chronology as CSV and iCalendar, each edition's Atom feed.

Why: journalists and researchers reuse data, calendars show the timeline,
and feed readers tell returning readers what changed. Every file is derived from the validated
content only (no clock), so two builds give the same bytes.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
from typing import Any

from ..content.model import PartialDate
from ..content.validate import Content
from ..structure.changes import Change, atom, news
from ..structure.relations import source_id
from ..structure.routes import change_target, edition_base, target_path, url_of
from . import markup
from .i18n import t
from .labels import Labels, plain_names, text_in

_FRAGMENTS: dict[int, tuple[Any, str]] = {}
"""JSON of each validated model, by model identity: unchanged records are not dumped again (live preview)."""


def _fragment(model: Any) -> str:
    cached = _FRAGMENTS.get(id(model))
    if cached is not None and cached[0] is model:
        return cached[1]
    text = json.dumps(model.model_dump(by_alias=True, exclude_none=True), ensure_ascii=False, indent=1, sort_keys=True)
    _FRAGMENTS[id(model)] = (model, text)
    return text


def _nest(text: str, depth: int) -> str:
    """A JSON fragment placed `depth` levels deep: what json.dumps(indent=1) would write there."""
    return text.replace("\n", "\n" + " " * depth)


def dataset_json(content: Content) -> str:
    """Every record, as written (aliases such as `from`/`to` kept), keyed by kind and id.

    Assembled from per-record fragments; byte for byte what json.dumps(indent=1, sort_keys=True) gives.
    """
    blocks: dict[str, str] = {"site": _nest(_fragment(content.site), 1)}
    for kind, records in content.records.items():
        items = [
            f"  {json.dumps(rid, ensure_ascii=False)}: {_nest(_fragment(rec.model), 2)}"
            for rid, rec in sorted(records.items())
        ]
        blocks[kind] = "{\n" + ",\n".join(items) + "\n }" if items else "{}"
    body = ",\n".join(f" {json.dumps(key)}: {blocks[key]}" for key in sorted(blocks))
    return "{\n" + body + "\n}\n"


def chronology_csv(content: Content, order: list[str], base: str) -> str:
    """One row per event, oldest first, with every language's title and summary."""
    langs = content.languages
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "id",
            "date",
            "precision",
            "key",
            *(f"title_{lang}" for lang in langs),
            *(f"summary_{lang}" for lang in langs),
            "actors",
            "legal",
            "sources",
            "source_urls",
            "url",
        ]
    )
    sources = content.records.get("sources", {})
    resolvers = {lang: plain_names(content, lang) for lang in langs}
    for rid in order:
        e = content.get("events", rid)
        ids = [source_id(c) for c in e.sources]
        writer.writerow(
            [
                rid,
                e.date,
                PartialDate.parse(e.date).precision,
                "yes" if e.key else "no",
                *(markup.plain(text_in(e.title, lang, langs[0]), resolvers[lang]) for lang in langs),
                *(markup.plain(text_in(e.summary, lang, langs[0]), resolvers[lang]) for lang in langs),
                " ".join(e.actors),
                " ".join(e.legal),
                " ".join(ids),
                " ".join(sources[s].model.url for s in ids if s in sources),
                base + url_of(target_path("events", rid)),
            ]
        )
    return out.getvalue()


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 folding: lines of at most 75 octets, continued with a space, never inside a UTF-8 character."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts: list[bytes] = []
    start, limit = 0, 75
    while start < len(raw):
        end = min(start + limit, len(raw))
        while end < len(raw) and (raw[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(raw[start:end])
        start, limit = end, 74
    return b"\r\n ".join(parts).decode("utf-8")


def chronology_ics(content: Content, order: list[str], lang: str, base: str) -> str:
    """An all-day calendar entry per event; a month or year spans the whole period, as the data says."""
    default = content.languages[0]
    resolve = plain_names(content, lang)
    host = base.split("//", 1)[-1].split("/", 1)[0]
    stamp = PartialDate.parse(content.site.reviewed)
    dtstamp = f"{stamp.year:04d}{stamp.month or 1:02d}{stamp.day or 1:02d}T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//explainer//chronology//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ics_text(markup.plain(text_in(content.site.title, lang, default)))}",
    ]
    for rid in order:
        e = content.get("events", rid)
        d = PartialDate.parse(e.date)
        start = (d.year, d.month or 1, d.day or 1)
        if d.day:
            end = _next_day(d.year, d.month, d.day)
        elif d.month:
            end = _next_day(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
        else:
            end = (d.year + 1, 1, 1)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{rid}@{host}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{start[0]:04d}{start[1]:02d}{start[2]:02d}",
            f"DTEND;VALUE=DATE:{end[0]:04d}{end[1]:02d}{end[2]:02d}",
            f"SUMMARY:{_ics_text(markup.plain(text_in(e.title, lang, default), resolve))}",
            f"DESCRIPTION:{_ics_text(markup.plain(text_in(e.summary, lang, default), resolve))}",
            f"URL:{base}{url_of(target_path('events', rid))}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _next_day(year: int, month: int, day: int) -> tuple[int, int, int]:
    if day < calendar.monthrange(year, month)[1]:
        return (year, month, day + 1)
    return (year + 1, 1, 1) if month == 12 else (year, month + 1, 1)


SUMMARY = 400
"""Characters of a record's text kept as its feed entry's summary."""


def _about(labels: Labels, change: Change) -> str:
    """What a feed entry says: the correction's text, or what the record says (an event's summary, an answer)."""
    if change.text:
        return markup.plain(labels.pick(change.text)[0], labels.resolve_label)
    if change.kind == "pages":
        page = labels.content.pages[change.rid]
        return str(page.meta.get(labels.lang, page.meta[labels.default]).description or "")
    model = labels.content.get(change.kind, change.rid)
    text = getattr(model, "summary", None) or getattr(model, "answer", None)
    if text is None:
        return ""
    plain = markup.plain(labels.pick(text)[0], labels.resolve_label)
    return plain if len(plain) <= SUMMARY else plain[: SUMMARY - 1].rstrip() + "…"


def feed(labels: Labels, changes: list[Change]) -> str:
    """The Atom feed of one edition: the story's news, newest first, every correction kept, linking to what changed.

    Why no source entries: 200 "Added: <source title>" entries once filled the
    feed; a source record is part of the entries of the records that cite it.
    """
    content, lang = labels.content, labels.lang
    base = edition_base(content, lang)
    entries = []
    for change in news(changes):
        label = labels.change_label(change)
        kind = t(lang, f"change_{change.type}")
        summary = _about(labels, change) or f"{kind}: {label}"
        entries.append((change, f"{kind}: {label}", summary, base + url_of(change_target(change))))
    title = f"{markup.plain(labels.pick(content.site.title)[0])} — {t(lang, 'whats_new')}"
    return atom(entries, title, base, lang)
