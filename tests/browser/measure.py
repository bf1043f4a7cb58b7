"""What a reader on a phone meets, measured in the page: text sizes, tap targets, overlaps, clipping, search hits.

Why one module: the browser tests assert on these figures and `bench/phone.py` prints them before and
after a change, so both read the page the same way.
"""

from __future__ import annotations

import re
from typing import Any

MIN_TEXT_PX = 12
MIN_TAP_PX = 24

# Rendered size of every piece of text in `root`: the computed font size times the SVG's scale, if any.
_BOXES_JS = """
([selector, linkSelector]) => {
  const root = document.querySelector(selector);
  if (!root) return null;
  const texts = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest('title, desc, .search-only, [hidden]')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    let scale = 1;
    if (el instanceof SVGElement && el.getScreenCTM()) scale = Math.abs(el.getScreenCTM().a);
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    // One box per line the text runs over: a wrapped text's bounding box would cover its neighbours.
    const lines = [...range.getClientRects()].filter(b => b.width > 0)
        .map(b => ({left: b.left, right: b.right, top: b.top, bottom: b.bottom}));
    texts.push({text: node.textContent.trim(), px: parseFloat(style.fontSize) * scale,
                left: r.left, right: r.right, top: r.top, bottom: r.bottom, lines});
  }
  const links = [...root.querySelectorAll(linkSelector)].map(a => {
    const r = a.getBoundingClientRect();
    return {w: r.width, h: r.height};
  });
  // The box a reader can see: the figure, or its scrolling child when it scrolls.
  const box = root.getBoundingClientRect();
  const scrollers = [...root.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1
      && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX));
  return {texts, links, box: {left: box.left, right: box.right, width: box.width},
          scroll: scrollers.map(e => ({client: e.clientWidth, scroll: e.scrollWidth})),
          viewport: document.documentElement.clientWidth};
}
"""


def _overlaps(texts: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of text boxes that overlap by more than a pixel each way."""
    found = []
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            for x in a["lines"]:
                for y in b["lines"]:
                    dx = min(x["right"], y["right"]) - max(x["left"], y["left"])
                    dy = min(x["bottom"], y["bottom"]) - max(x["top"], y["top"])
                    if dx > 1 and dy > 1 and (a["text"], b["text"]) not in found:
                        found.append((a["text"], b["text"]))
    return found


def figure(page: Any, selector: str, links: str = "a") -> dict[str, Any] | None:
    """Sizes, overlaps and clipping of one figure (timeline, who-is-who) as the reader sees it."""
    data = page.evaluate(_BOXES_JS, [selector, links])
    if data is None:
        return None
    texts, box = data["texts"], data["box"]
    widest = max((s["client"] for s in data["scroll"]), default=box["width"])
    return {
        "texts": len(texts),
        "min_text_px": round(min((t["px"] for t in texts), default=0), 1),
        "small_texts": sum(t["px"] < MIN_TEXT_PX - 0.05 for t in texts),
        "links": len(data["links"]),
        "small_links": sum(a["w"] < MIN_TAP_PX or a["h"] < MIN_TAP_PX for a in data["links"]),
        "cut_labels": sum("…" in t["text"] for t in texts),
        # A label wider than the visible box can never be read whole, whatever the scroll position.
        "wider_than_box": sum(t["right"] - t["left"] > widest + 1 for t in texts),
        # Outside the figure and not in a scrolling box: cut off for good.
        "clipped": 0
        if data["scroll"]
        else sum(t["right"] > box["right"] + 1 or t["left"] < box["left"] - 1 for t in texts),
        "overlaps": _overlaps(texts),
        "scrolls": bool(data["scroll"]),
        "page_wider_than_viewport": page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        ),
    }


_NOTES_JS = """
() => {
  const items = [...document.querySelectorAll('.footnote li')];
  const sources = items.map(li => {
    const a = [...li.querySelectorAll('a')].find(x => /\\/sources\\/[^/]+\\/$/.test(x.getAttribute('href') || ''));
    return a ? new URL(a.getAttribute('href'), document.baseURI).pathname : li.id;
  });
  const refs = [...document.querySelectorAll('a.footnote-ref')].map(a => {
    const r = a.getBoundingClientRect();
    return {w: r.width, h: r.height, left: r.left, right: r.right, top: r.top};
  });
  let touching = 0;
  for (let i = 1; i < refs.length; i++) {
    const a = refs[i - 1], b = refs[i];
    if (Math.abs(a.top - b.top) < 2 && b.left - a.right < 2) touching++;
  }
  return {notes: items.length, distinct: new Set(sources).size, refs: refs.length,
          small: refs.filter(r => r.w < 24 || r.h < 24).length, touching};
}
"""


def footnotes(page: Any) -> dict[str, Any]:
    """Footnotes of the page: notes, distinct sources among them, marks too small or touching each other."""
    data: dict[str, Any] = page.evaluate(_NOTES_JS)
    data["repeated_sources"] = data["notes"] - data["distinct"]
    return data


def search(page: Any, word: str) -> tuple[int, list[str]]:
    """Type `word` into Material's search as a reader would: the count it reports and the first five hits."""
    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    if not box.evaluate("el => el === document.activeElement"):
        box.click()
    box.fill(word)
    box.press("End")  # Material queries on keyup
    meta = page.locator(".md-search-result__meta")
    # "19 matching documents", "1 documento encontrado", "No matching documents" (Material's strings).
    page.wait_for_function(
        "() => /\\d|^No /.test(document.querySelector('.md-search-result__meta').textContent.trim())"
    )
    page.wait_for_timeout(200)
    found = re.search(r"\d[\d,.]*", str(meta.inner_text()))
    count = int(re.sub(r"[,.]", "", found.group())) if found else 0
    items = page.locator(".md-search-result__item a.md-search-result__link")
    top = [str(items.nth(i).get_attribute("href") or "") for i in range(min(5, items.count()))]
    return count, top


STORY = ("events/", "actors/", "questions/", "legal/", "chronology/", "disputes/")


def kind_of(href: str) -> str:
    """The page kind a search hit points to, from its path."""
    path = re.sub(r"^https?://[^/]+/", "", href.partition("?")[0]).removeprefix("es/")
    path = re.sub(r"^(\.\./)+", "", path)
    for kind in (*STORY, "sources/"):
        if path.startswith(kind):
            return kind.rstrip("/")
    return path.split("/")[0] or "home"
