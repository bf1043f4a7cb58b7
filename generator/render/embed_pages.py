"""The embeds' own pages: the timeline, the key facts and each event's card, as standalone HTML.

Why standalone HTML files in the docs folder: an iframe must show none of
the theme (navigation, header, search), and MkDocs copies `.html` files as
they are, as it does the redirect pages. So the embeds need nothing in a
project's `overrides/`, and any builder that copies the docs folder
publishes them.

Why Markdown first: the bodies are page templates (`embed-*.md.j2`) using
the same helpers, escaping and timeline renderer as the site's pages, and
Python-Markdown (MkDocs' own) turns them into HTML; links are URLs rather
than `.md` paths because MkDocs does not rewrite these files.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import jinja2
import markdown
from markupsafe import Markup

from ..structure import routes
from .embed import Embed, describe, oembed
from .i18n import t
from .page import Page, Shared
from .timeline import timeline

EXTENSIONS = ["def_list", "md_in_html", "tables"]
"""A subset of the site's Markdown extensions: no `toc` (its heading permalinks would be in-frame links)."""
TEMPLATES = {routes.EMBED_TIMELINE: "embed-timeline.md.j2", routes.EMBED_KEY_FACTS: "embed-key-facts.md.j2"}


class EmbedPage(Page):
    """A page's helpers with links as URLs (`../../events/x/`): nothing rewrites `.md` links in HTML files."""

    def link(self, kind: str, rid: str) -> str:
        return self.html_link(kind, rid)

    def to(self, path: str) -> str:
        return routes.html_relative(path, self.path)


@functools.cache
def _converter() -> markdown.Markdown:
    """One converter per process (setting one up costs more than converting a card)."""
    return markdown.Markdown(extensions=EXTENSIONS)


def to_html(text: str) -> Markup:
    """Markdown of our templates, whose content text went through `markup` (so it holds no HTML), as HTML."""
    return Markup(_converter().reset().convert(text))


def _svg_links_to_top(svg: Markup) -> Markup:
    """The timeline with `target="_top"` on its links.

    Why: Chromium follows SVG links in the frame itself, whatever the page's
    `<base target>` says; HTML links obey it. Every `<a ` in the figure is
    the renderer's own (content text in it is escaped, so `<` is `&lt;`).
    """
    return Markup(str(svg).replace("<a ", '<a target="_top" '))


class EmbedPages:
    """Every embed of one edition: its HTML page and its oEmbed JSON, keyed by edition-relative path."""

    def __init__(self, env: jinja2.Environment, shared: Shared) -> None:
        self.env = env
        self.shared = shared
        self.labels = shared.labels
        self.content = shared.content

    def render(
        self, key_events: list[tuple[str, Any]], events: list[tuple[str, Any]], keep: Callable[[str, str], bool] | None
    ) -> dict[str, str]:
        """The timeline and key-facts embeds, and the card of each event `keep` does not keep."""
        out: dict[str, str] = {}
        if events:
            path = routes.EMBED_TIMELINE
            svg = _svg_links_to_top(timeline(self.labels, key_events, events, path))
            self._one(out, path, TEMPLATES[path], timeline=svg)
        if self.content.site.key_facts:
            self._one(out, routes.EMBED_KEY_FACTS, TEMPLATES[routes.EMBED_KEY_FACTS])
        for rid, e in events:
            if keep is None or not keep("events", rid):
                self._one(out, routes.embed_page(rid), "embed-event.md.j2", rid=rid, e=e)
        return out

    def _one(self, out: dict[str, str], path: str, template: str, **ctx: Any) -> None:
        embed = describe(self.labels, path)
        p = EmbedPage(self.shared, path)
        content = self.content
        body = self.env.get_template(template).render(p=p, c=content, site=content.site, ix=self.shared.index, **ctx)
        out[routes.embed_file(path)] = self.shell(embed, p, to_html(body))
        out[routes.oembed_file(path)] = oembed(self.labels, embed)

    def shell(self, embed: Embed, p: EmbedPage, body: Markup) -> str:
        """The standalone page around an embed's body: no theme, noindex, canonical, links to the top window."""
        full = routes.embedded_page(embed.path)
        lang = self.labels.lang
        site = self.content.site
        html = self.env.get_template("embed.html.j2").render(
            p=p,
            lang=lang,
            embed=embed,
            body=body,
            brand=self.labels.text(site.title),
            home=routes.url_relative("", routes.url_of(embed.path)),
            full=p.to(full),
            canonical=routes.edition_base(self.content, lang) + routes.url_of(full),
            assets=routes.url_relative("assets/", routes.url_of(embed.path)),
            reviewed=t(lang, "reviewed", date=p.date(site.reviewed)),
        )
        return html.rstrip() + "\n"


__all__ = ["EmbedPage", "EmbedPages", "to_html"]
