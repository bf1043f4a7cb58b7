"""Diagrams drawn at build time as inline SVG: no JavaScript, no third-party library.

Why: readers on phones and without JavaScript still see the shape of the
story; every mark is a real link and every diagram has a text alternative.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from markupsafe import Markup

from ..content.model import PartialDate
from ..structure.routes import html_relative, month_anchor, target_path
from .i18n import format_date, t
from .labels import Labels

Mark = tuple[str, PartialDate, str, bool]
"""(link, date, label, key moment?)"""

COMPACT = 300
"""Past this many events, the chronology index and timeline summarise by year and month (pages stay small)."""
KEY_MARKS = 40
"""Key moments labelled on a summarised timeline (the latest ones)."""

ROW = 30
LEFT = 14
CHAR = 8.2
"""Average width of a label character at the SVG's 15px font, for fitting labels."""


def _x(date: PartialDate, start: int, end: int, width: int) -> float:
    """Horizontal position of a date (month/day precision used when known)."""
    span = max(end - start + 1, 1)
    frac = (date.year - start) + ((date.month or 6) - 1) / 12 + ((date.day or 15) - 1) / 365
    return LEFT + frac / span * (width - 2 * LEFT)


def _fit(text: str, room: float) -> str:
    """Shorten a label to the room it has (about 6.4 px per character at 12 px)."""
    limit = max(int(room / CHAR), 8)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def timeline_svg(marks: Sequence[Mark], lang: str, width: int = 900) -> Markup:
    """A horizontal axis of the story's years; every event a dot, key moments labelled on their own rows.

    The axis starts at the first key moment's year (older background such as
    precedents stays in the chronology), labels never overlap or overflow, the
    figure scrolls sideways on narrow screens (CSS), and every mark is a link
    with a text alternative.
    """
    key = [m for m in marks if m[3]]
    if not marks:
        return Markup("")
    first = min(m[1].year for m in (key or marks))
    shown = [m for m in marks if m[1].year >= first]
    key = [m for m in key if m[1].year >= first]
    start, end = first, max(m[1].year for m in shown)
    step = 1 if end - start <= 12 else max(1, (end - start) // 10)
    axis_y = 34
    height = int(axis_y + 18 + ROW * len(key) + 8)
    title = escape(t(lang, "timeline_label"))
    out = [
        '<figure class="timeline" role="group" aria-labelledby="timeline-title">',
        f'<figcaption id="timeline-title">{title} <small class="tl-hint">{escape(t(lang, "timeline_hint"))}</small></figcaption>',
        f'<div class="timeline-scroll"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="group" aria-labelledby="timeline-svg-title">',
        f'<title id="timeline-svg-title">{title}</title>',
        f'<line class="tl-axis" x1="{LEFT}" y1="{axis_y}" x2="{width - LEFT}" y2="{axis_y}"/>',
    ]
    for year in range(start, end + 1, step):
        x = _x(PartialDate(year, 1, 1), start, end, width)
        out.append(f'<line class="tl-tick" x1="{x:.1f}" y1="{axis_y - 6}" x2="{x:.1f}" y2="{axis_y + 6}"/>')
        out.append(f'<text class="tl-year" x="{x + 3:.1f}" y="{axis_y - 12}">{year}</text>')
    for link, date, label, is_key in shown:
        if is_key:
            continue
        x = _x(date, start, end, width)
        alt = f"{format_date(date, lang)}: {label}"
        out.append(
            f'<a href="{escape(link)}" aria-label="{escape(alt)}">'
            f'<circle class="tl-dot" cx="{x:.1f}" cy="{axis_y}" r="4"><title>{escape(alt)}</title></circle></a>'
        )
    for i, (link, date, label, _) in enumerate(key):
        x = _x(date, start, end, width)
        y = axis_y + 18 + ROW * i + ROW / 2
        full = f"{format_date(date, lang)} · {label}"
        right = x < width / 2
        room = (width - LEFT - x - 10) if right else (x - LEFT - 10)
        tx = x + 10 if right else x - 10
        out.append(
            f'<a class="tl-key" href="{escape(link)}" aria-label="{escape(full)}">'
            f'<line class="tl-stem" x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{y:.1f}"/>'
            f'<circle class="tl-dot tl-dot-key" cx="{x:.1f}" cy="{y:.1f}" r="6"/>'
            f'<text class="tl-label" x="{tx:.1f}" y="{y + 4:.1f}" text-anchor="{"start" if right else "end"}">'
            f"<title>{escape(full)}</title>{escape(_fit(full, room))}</text></a>"
        )
    out.append("</svg></div></figure>")
    return Markup("".join(out))


def timeline(labels: Labels, key_events: list[tuple[str, Any]], events: list[tuple[str, Any]], path: str) -> Markup:
    """The timeline of a page: every event, or, past COMPACT events, one mark per month (with its count)."""
    lang = labels.lang
    if len(events) <= COMPACT:
        marks = [
            (
                html_relative(target_path("events", rid), path),
                PartialDate.parse(e.date),
                labels.label("events", rid),
                e.key,
            )
            for rid, e in events
        ]
        return timeline_svg(marks, lang)
    months: dict[tuple[int, int], int] = {}
    for _, e in events:
        d = PartialDate.parse(e.date)
        months[(d.year, d.month)] = months.get((d.year, d.month), 0) + 1
    marks = [
        (
            html_relative(month_anchor(y, m), path),
            PartialDate(y, m),
            f"{format_date(PartialDate(y, m), lang) if m else y}: {t(lang, 'n_events', n=n)}",
            False,
        )
        for (y, m), n in sorted(months.items())
    ]
    marks += [
        (html_relative(target_path("events", rid), path), PartialDate.parse(e.date), labels.label("events", rid), True)
        for rid, e in key_events[-KEY_MARKS:]
    ]
    return timeline_svg(marks, lang)
