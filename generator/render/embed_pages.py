"""The embeds' own pages: the timeline, the key facts and each event's card, as standalone HTML.

Why standalone HTML files in the docs folder: an iframe must show none of
the theme (navigation, header, search), and MkDocs copies `.html` files as
they are, as it does the redirect pages. So the embeds need nothing in a
project's `overrides/`, and any builder that copies the docs folder
publishes them.

The bodies are page templates (`embed-*.html.j2`) with the same helpers,
texts and timeline renderer as the site's pages; their `p` writes content
text as HTML through `markup.inline_html`, and links as URLs, because no
Markdown converter reads these files and MkDocs rewrites no link in them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2
from markupsafe import Markup

from ..structure import routes
from ..structure.relations import source_id
from . import markup
from .embed import Embed, describe, oembed
from .i18n import t
from .page import Page, Shared
from .timeline import timeline

TEMPLATES = {routes.EMBED_TIMELINE: "embed-timeline.html.j2", routes.EMBED_KEY_FACTS: "embed-key-facts.html.j2"}


class EmbedPage(Page):
    """A page's helpers that write HTML: content text through `markup.inline_html`, links as URLs."""

    def link(self, kind: str, rid: str) -> str:
        return self.html_link(kind, rid)

    def to(self, path: str) -> str:
        return routes.html_relative(path, self.path)

    def md(self, value: Any) -> Markup:
        """Localized content text as HTML, with a visible mark when it is a fallback."""
        if value is None:
            return Markup("")
        text, fallback = self.labels.pick(value)
        out = markup.inline_html(text, self.resolver, self.labels.glossary if self.glossary_on else None)
        if fallback:
            out += Markup(f' <small class="untranslated">{markup.attr(t(self.lang, "not_translated"))}</small>')
        return out

    def ref(self, kind: str, rid: str) -> Markup:
        """A link to a record, labelled with its name."""
        label = markup.attr(self.labels.label(kind, rid))
        return Markup(f'<a href="{markup.attr(self.link(kind, rid))}">{label}</a>')

    def cite_short(self, citations: list[Any]) -> Markup:
        """Sources named by publisher, each a link to its source page."""
        seen = list(dict.fromkeys(source_id(cite) for cite in citations))
        content = self.shared.content
        links = [
            f'<a href="{markup.attr(self.link("sources", sid))}">{markup.attr(content.get("sources", sid).publisher)}</a>'
            for sid in seen
        ]
        return Markup(" (" + "; ".join(links) + ")")


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
                self._one(out, routes.embed_page(rid), "embed-event.html.j2", rid=rid, e=e)
        return out

    def _one(self, out: dict[str, str], path: str, template: str, **ctx: Any) -> None:
        embed = describe(self.labels, path)
        p = EmbedPage(self.shared, path)
        content = self.content
        body = self.env.get_template(template).render(p=p, c=content, site=content.site, ix=self.shared.index, **ctx)
        out[routes.embed_file(path)] = self.shell(embed, p, Markup(body.strip()))
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


__all__ = ["EmbedPage", "EmbedPages"]
