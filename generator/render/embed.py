"""What a newsroom pastes: each embed's iframe snippet, its static oEmbed answer and its discovery link.

Why one module: the "Embed this" box on a page, the oEmbed JSON a CMS
fetches and the `<link rel="alternate">` in the page's head must offer the
same iframe, with the same address, title and height. Every value that
comes from content (titles) is HTML-escaped here, once, with `markup.attr`.

The iframe's page reports its height with the message Datawrapper's charts
send, `{"datawrapper-height": {"<id>": <px>}}` (assets/embed.js), so a CMS
that already resizes Datawrapper embeds resizes ours too; the snippet
carries the few lines a page without that script needs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..content.validate import Content
from ..structure import routes
from . import markup
from .i18n import t
from .labels import Labels

WIDTH = 700
"""The oEmbed `width`: a newspaper article's column (the iframe itself is 100% wide)."""
HEIGHT = {routes.EMBED_TIMELINE: 560, routes.EMBED_KEY_FACTS: 160, "event": 380}
"""The iframe's height before the embed reports its own, and without JavaScript (the frame then scrolls)."""
FACT_HEIGHT = 64
"""Height added per key fact (one per line on a phone)."""

PARENT_SCRIPT = (
    "<script>window.explainerEmbeds||(window.explainerEmbeds=1,"
    'window.addEventListener("message",function(e){var h=e.data&&e.data["datawrapper-height"];'
    'if(!h||typeof h!=="object")return;document.querySelectorAll("iframe").forEach(function(f){'
    "if(f.contentWindow===e.source)for(var k in h){var n=Math.ceil(Number(h[k]));"
    'if(n>0)f.style.height=n+"px"}})}));</script>'
)
"""What the article's page needs to follow the embed's height (once per page, however many embeds).

Why inline: a CMS keeps a pasted script more often than a third-party
`src`, and the article's page then loads nothing from this site but the
iframe. It only accepts numbers, and only from the frame that sent them.
"""


@dataclass(frozen=True)
class Embed:
    """One embeddable view in one edition."""

    path: str
    """Its page path (`routes.EMBED_TIMELINE`, `routes.embed_page(id)`)."""
    kind: str
    """`timeline`, `key-facts` or `event`: the id of its snippet box and the name it reports its height under."""
    title: str
    """Plain text: the iframe's accessible name and the oEmbed title."""
    url: str
    """Absolute URL of the embed's page."""
    oembed_url: str
    """Absolute URL of its oEmbed JSON."""
    height: int

    def snippet(self) -> str:
        """The HTML to paste: the iframe, then the resize lines (text: templates escape it once more)."""
        return (
            f'<iframe src="{markup.attr(self.url)}" title="{markup.attr(self.title)}" width="100%" '
            f'height="{self.height}" style="width:100%;border:0" loading="lazy"></iframe>\n{PARENT_SCRIPT}'
        )

    def label(self, lang: str) -> str:
        """The visible label of its snippet box."""
        return t(lang, f"embed_{self.kind.replace('-', '_')}")


def available(content: Content, path: str) -> list[str]:
    """The embeds page `path` offers, leaving out a key-facts box site.yml does not have."""
    found = routes.embeds_of(path)
    if not content.site.key_facts:
        found = [e for e in found if e != routes.EMBED_KEY_FACTS]
    if not content.records.get("events"):
        found = [e for e in found if e != routes.EMBED_TIMELINE]
    return found


def describe(labels: Labels, path: str) -> Embed:
    """The embed at `path` in `labels`' edition."""
    content = labels.content
    base = routes.edition_base(content, labels.lang)
    site = labels.text(content.site.title)
    if path == routes.EMBED_TIMELINE:
        kind, title, height = "timeline", t(labels.lang, "timeline_label"), HEIGHT[path]
    elif path == routes.EMBED_KEY_FACTS:
        kind, title = "key-facts", t(labels.lang, "key_facts")
        height = HEIGHT[path] + FACT_HEIGHT * len(content.site.key_facts)
    else:
        rid = path.removeprefix("embed/events/").removesuffix(".md")
        kind, title, height = "event", labels.label("events", rid), HEIGHT["event"]
    return Embed(
        path=path,
        kind=kind,
        title=f"{title} · {site}",
        url=base + routes.url_of(path),
        oembed_url=base + routes.oembed_file(path),
        height=height,
    )


def embeds(labels: Labels, path: str) -> list[Embed]:
    """The embeds the page at `path` offers, in its edition."""
    return [describe(labels, e) for e in available(labels.content, path)]


def discovery(offered: list[Embed]) -> list[dict[str, str]]:
    """oEmbed discovery links for a page's head (values HTML-escaped: the theme prints them as they are)."""
    return [{"href": markup.attr(e.oembed_url), "title": markup.attr(e.title)} for e in offered]


def oembed(labels: Labels, embed: Embed) -> str:
    """The static oEmbed answer (type `rich`), with the provider from site.yml.

    Why `<` written as `\\u003c`: the same JSON, and nothing in it can close an
    element if a CMS prints it into a page.
    """
    content = labels.content
    data = {
        "version": "1.0",
        "type": "rich",
        "title": embed.title,
        "provider_name": labels.text(content.site.title),
        "provider_url": routes.edition_base(content, labels.lang),
        "html": embed.snippet(),
        "width": WIDTH,
        "height": embed.height,
    }
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


__all__ = ["PARENT_SCRIPT", "Embed", "available", "describe", "discovery", "embeds", "oembed"]
