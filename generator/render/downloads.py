"""Data downloads and structured data: the dataset as JSON, the chronology as CSV and iCalendar, JSON-LD.

Why: journalists and researchers reuse data, calendars show the timeline,
and search engines read schema.org. Every file is derived from the validated
content only (no clock), so two builds give the same bytes.
"""

from __future__ import annotations

import calendar
import csv
import functools
import io
import json
from typing import Any

from ..content.model import REF_KINDS, PartialDate
from ..content.validate import Content
from ..structure.relations import source_id
from . import markup


def _pick(value: Any, lang: str, default: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or value.get(default) or next(iter(value.values())))
    return "" if value is None else str(value)


def labels(content: Content, lang: str) -> markup.Resolver:
    """Names of records in `lang`, for turning `[[kind:id]]` into plain text.

    Cached per call: the chronology files name the same few hundred actors tens of thousands of times.
    """
    default = content.languages[0]

    @functools.cache
    def resolve(kind: str, rid: str) -> tuple[str, str] | None:
        rec = content.records.get(REF_KINDS.get(kind, ""), {}).get(rid)
        if rec is None:
            return None
        m = rec.model
        name = (
            getattr(m, "short_name", None)
            or getattr(m, "name", None)
            or getattr(m, "short_title", None)
            or getattr(m, "title", None)
            or getattr(m, "question", None)
        )
        return "", markup.plain(_pick(name, lang, default))

    return resolve


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
    resolvers = {lang: labels(content, lang) for lang in langs}
    for rid in order:
        e = content.get("events", rid)
        ids = [source_id(c) for c in e.sources]
        writer.writerow(
            [
                rid,
                e.date,
                PartialDate.parse(e.date).precision,
                "yes" if e.key else "no",
                *(markup.plain(_pick(e.title, lang, langs[0]), resolvers[lang]) for lang in langs),
                *(markup.plain(_pick(e.summary, lang, langs[0]), resolvers[lang]) for lang in langs),
                " ".join(e.actors),
                " ".join(e.legal),
                " ".join(ids),
                " ".join(sources[s].model.url for s in ids if s in sources),
                f"{base}events/{rid}/",
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
    resolve = labels(content, lang)
    host = base.split("//", 1)[-1].split("/", 1)[0]
    stamp = PartialDate.parse(content.site.reviewed)
    dtstamp = f"{stamp.year:04d}{stamp.month or 1:02d}{stamp.day or 1:02d}T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//explainer//chronology//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ics_text(markup.plain(_pick(content.site.title, lang, default)))}",
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
            f"SUMMARY:{_ics_text(markup.plain(_pick(e.title, lang, default), resolve))}",
            f"DESCRIPTION:{_ics_text(markup.plain(_pick(e.summary, lang, default), resolve))}",
            f"URL:{base}events/{rid}/",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _next_day(year: int, month: int, day: int) -> tuple[int, int, int]:
    if day < calendar.monthrange(year, month)[1]:
        return (year, month, day + 1)
    return (year + 1, 1, 1) if month == 12 else (year, month + 1, 1)


def jsonld(data: dict[str, Any]) -> str:
    """schema.org JSON-LD, safe inside a <script> element (no `<`, `>` or `&` left unescaped)."""
    text = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


SCHEMA_TYPES = {
    "person": "Person",
    "state": "Country",
    "government-body": "GovernmentOrganization",
    "legislature": "GovernmentOrganization",
    "court": "GovernmentOrganization",
    "organization": "Organization",
    "party": "PoliticalParty",
}
