"""The timeline of key moments, written at build time as an ordered list: no JavaScript, no picture to zoom.

Why a list and not a drawing: a drawn axis at a phone's 358 px either shrinks its
text below 12 px or scrolls sideways past labels no screen shows whole, and a
linear scale crushes the weeks when most happened. A list read top to bottom,
grouped by year (and by month in a busy year), keeps every date and title at
text size on any screen, gives each moment a full-width tap target, and is its
own text for screen readers. The CSS draws the line and the dots.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import Any

from markupsafe import Markup

from ..content.model import PartialDate
from ..structure.routes import html_relative, month_anchor, target_path, year_page
from . import markup
from .i18n import format_date, month_name, t
from .labels import Labels

Moment = tuple[str, PartialDate, str]
"""(link, date, title) of a key moment."""
Counts = dict[tuple[int, int], int]
"""Events per (year, month); month 0 when only the year is known."""

COMPACT = 300
"""Past this many events, the chronology index summarises by year and month (pages stay small)."""
KEY_MARKS = 40
"""Key moments listed on a summarised timeline (the latest ones)."""
BUSY = 5
"""A year with more key moments than this is split by month, so a dense period reads as its own group."""


def _moment(link: str, date: PartialDate, title: str, lang: str) -> str:
    iso = f"{date.year:04d}" + (f"-{date.month:02d}" if date.month else "") + (f"-{date.day:02d}" if date.day else "")
    return (
        f'<li class="tl-moment"><a href="{markup.attr(link)}">'
        f'<time datetime="{iso}">{markup.attr(format_date(date, lang))}</time> '
        f'<span class="tl-title">{markup.attr(title)}</span></a></li>'
    )


def _group(label: str, link: str, count: str, cls: str) -> str:
    return (
        f'<a class="{cls}" href="{markup.attr(link)}"><span class="tl-when">{markup.attr(label)}</span> '
        f'<span class="tl-count">{markup.attr(count)}</span></a>'
    )


def timeline_list(moments: Sequence[Moment], counts: Counts, lang: str, path: str) -> Markup:
    """Years from the first key moment's on, each with its number of events and its key moments.

    Each year and busy month links to its place in the chronology; each moment to its page.
    """
    if not counts:
        return Markup("")
    first = min((d.year for _, d, _ in moments), default=min(y for y, _ in counts))
    years = sorted({y for y, _ in counts if y >= first})
    by_year = {year: [m for m in moments if m[1].year == year] for year in years}
    title = markup.attr(t(lang, "timeline_label"))
    out = [
        '<figure class="timeline" aria-labelledby="timeline-title">',
        f'<figcaption id="timeline-title">{title}</figcaption><ol class="tl-years">',
    ]
    for year in years:
        total = sum(n for (y, _), n in counts.items() if y == year)
        link = html_relative(year_page(year), path)
        out.append(f'<li class="tl-year">{_group(str(year), link, t(lang, "n_events", n=total), "tl-head")}')
        mine = sorted(by_year[year], key=lambda m: (m[1].month or 0, m[1].day or 0))
        if len(mine) > BUSY:
            out.append('<ol class="tl-months">')
            for month, group in groupby(mine, key=lambda m: m[1].month or 0):
                n = counts.get((year, month), 0)
                label = f"{month_name(month, lang)} {year}" if month else str(year)
                link = html_relative(month_anchor(year, month), path)
                out.append(f'<li class="tl-month">{_group(label, link, t(lang, "n_events", n=n), "tl-sub")}')
                out.append('<ol class="tl-moments">')
                out.extend(_moment(lk, d, ti, lang) for lk, d, ti in group)
                out.append("</ol></li>")
            out.append("</ol>")
        elif mine:
            out.append('<ol class="tl-moments">')
            out.extend(_moment(lk, d, ti, lang) for lk, d, ti in mine)
            out.append("</ol>")
        out.append("</li>")
    out.append("</ol></figure>")
    return Markup("".join(out))


def timeline(labels: Labels, key_events: list[tuple[str, Any]], events: list[tuple[str, Any]], path: str) -> Markup:
    """The timeline of a page: every key moment (the latest KEY_MARKS past COMPACT events) and the events per year."""
    counts: Counts = {}
    for _, e in events:
        d = PartialDate.parse(e.date)
        counts[(d.year, d.month)] = counts.get((d.year, d.month), 0) + 1
    shown = key_events if len(events) <= COMPACT else key_events[-KEY_MARKS:]
    moments = [
        (html_relative(target_path("events", rid), path), PartialDate.parse(e.date), labels.label("events", rid))
        for rid, e in shown
    ]
    return timeline_list(moments, counts, labels.lang, path)
