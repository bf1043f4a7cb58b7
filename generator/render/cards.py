"""Share cards: the picture a messenger or social site shows beside a link to a page, drawn at build time.

Why drawn here: Material's social plugin fetches Google Fonts at build time,
and the site must build offline and load nothing from third-party hosts. Pillow
draws the text with DejaVu Sans, shipped in `assets/fonts/` (its licence is
beside it), so no network and no system font is needed. PNG is what every
link preview accepts (SVG is not). The same texts give the same bytes: Pillow
writes no time stamp into a PNG.
"""

from __future__ import annotations

import functools
import io
from importlib import resources

from PIL import Image, ImageDraw, ImageFont

from ..content.validate import Content
from ..structure.routes import CARD, CARDED, card_path
from . import markup
from .labels import Labels

WIDTH, HEIGHT = 1200, 630
"""The size link previews expect (1.91:1); messengers show it about 300 px wide, so text is large."""
MARGIN = 72
BACKGROUND = (30, 41, 59)
ACCENT = (217, 119, 6)
TEXT = (248, 250, 252)
MUTED = (203, 213, 225)
HEADLINE_SIZES = (76, 68, 60, 52)
"""Headline type sizes tried in turn, largest first, until the headline fits in three lines."""


@functools.cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    data = (resources.files("generator.render") / "assets" / "fonts" / name).read_bytes()
    return ImageFont.truetype(io.BytesIO(data), size)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int, lines: int) -> list[str]:
    """Words in lines no wider than `width`; past `lines`, the last line ends in an ellipsis."""
    out: list[str] = []
    for word in text.split():
        line = f"{out[-1]} {word}" if out else word
        if out and font.getlength(line) <= width:
            out[-1] = line
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        last = out[-1]
        while last and font.getlength(last + "…") > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        out[-1] = last + "…"
    return out


@functools.lru_cache(maxsize=1024)
def card_png(headline: str, subtitle: str, label: str) -> bytes:
    """A 1200×630 PNG: the site's name, the page's headline and a line or two of what it says."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 16, HEIGHT), fill=ACCENT)
    width = WIDTH - 2 * MARGIN
    small = _font(True, 30)
    draw.text((MARGIN, 56), _wrap(label, small, width, 1)[0], font=small, fill=ACCENT)
    size = HEADLINE_SIZES[-1]
    for size in HEADLINE_SIZES:
        if len(_wrap(headline, _font(True, size), width, 99)) <= 3:
            break
    big = _font(True, size)
    y = 130
    for line in _wrap(headline, big, width, 3):
        draw.text((MARGIN, y), line, font=big, fill=TEXT)
        y += int(size * 1.2)
    body = _font(False, 32)
    y += 24
    for line in _wrap(subtitle, body, width, max(1, (HEIGHT - 60 - y) // 44)):
        draw.text((MARGIN, y), line, font=body, fill=MUTED)
        y += 44
    # Remembered: the live preview redraws no card whose texts did not change.
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def cards(labels: Labels) -> dict[str, bytes]:
    """The share cards of one edition by docs path: the edition's own, and one per question.

    Why not one per page: a card per event would add a PNG per event and language
    to every build; questions are what readers share, and every other page shares
    the edition's card (its title and description still come from the page).
    """
    content: Content = labels.content
    site = markup.plain(labels.pick(content.site.title)[0])
    found = {CARD: card_png(site, markup.plain(labels.pick(content.site.tagline)[0]), _host(content))}
    for kind in CARDED:
        for rid, rec in sorted(content.records.get(kind, {}).items()):
            question = markup.plain(labels.pick(rec.model.question)[0], labels.resolve_label)
            answer = markup.plain(labels.pick(rec.model.answer)[0], labels.resolve_label)
            found[card_path(kind, rid)] = card_png(question, answer, site)
    return found


def _host(content: Content) -> str:
    return content.site.site_url.split("//", 1)[-1].rstrip("/")


__all__ = ["HEIGHT", "WIDTH", "card_png", "cards"]
