"""The who-is-who map: the actors grouped by side, each with its labelled relations, written at build time.

Why columns and not a drawing of nodes and lines: a ring of 32 actors at a
phone's 358 px shrinks every name below 12 px, names collide, and unlabelled
lines say nothing. What a reader wants from the map is who is on which side
and who is tied to whom. So the protagonist (the person most events name)
comes first, the two states most events name head the first two columns,
everyone else stands under their country (international bodies and other
countries in a third column), and each tie is written out ("Foreign Minister
under José Muñoz"). It is HTML: the text wraps, stays at text size, is never
clipped, and reads in order without a picture. The CSS marks people, states
and institutions with a circle, a square and a diamond.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from ..structure.routes import html_relative, target_path
from . import markup
from .i18n import t
from .labels import Labels

MAX_NODES = 48
"""The overview shows the best-connected actors; every actor is listed in text below it."""
SIDES = 2
"""States that get a column of their own: those the most events name."""


@dataclass(frozen=True)
class Node:
    """An actor to show: id, name, kind, the link to its page, its side (a state's id, or "") and its office."""

    id: str
    label: str
    kind: str
    link: str
    side: str = ""
    role: str = ""


@dataclass(frozen=True)
class Edge:
    """A tie between two actors (`a` < `b`): `subject` is the actor whose record states it, `text` its words."""

    a: str
    b: str
    label: str
    weak: bool = False
    subject: str = ""
    text: str = ""

    def other(self, rid: str) -> str:
        """The actor at the other end."""
        return self.b if rid == self.a else self.a


@dataclass
class Map:
    """What the who-is-who map needs: its actors, their ties, the sides and who is at the centre."""

    nodes: Sequence[Node]
    edges: Sequence[Edge]
    sides: Sequence[str]
    centre: str | None = None
    names: dict[str, Node] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.names = {n.id: n for n in self.nodes}


def _tie(m: Map, edge: Edge, rid: str, whole: bool) -> str:
    """One relation in words: "Foreign Minister under José Muñoz", or on a focus map the whole sentence."""
    subject, other = m.names.get(edge.subject), m.names.get(edge.other(edge.subject))
    if subject is None or other is None:
        return ""
    if whole:
        return markup.attr(
            f"{subject.label}: {edge.text}" if edge.weak else f"{subject.label} {edge.text} {other.label}"
        )
    return f'{markup.attr(edge.text)} <a href="{markup.attr(other.link)}">{markup.attr(other.label)}</a>'


def _actor(m: Map, node: Node, focus: str | None) -> str:
    """An actor's entry: its name (a link), its office, and the relations it states (all of them, on a focus map)."""
    if focus:
        ties = [_tie(m, e, focus, True) for e in m.edges if node.id in (e.a, e.b)]
    else:
        ties = [_tie(m, e, node.id, False) for e in m.edges if not e.weak and e.subject == node.id]
    ties = [x for x in ties if x]
    role = f'<span class="wiw-role">{markup.attr(node.role)}</span>' if node.role else ""
    ties_html = "".join(f"<li>{x}</li>" for x in ties)
    centre = " wiw-centre" if node.id == m.centre else ""
    return (
        f'<li class="wiw-actor wiw-{markup.attr(node.kind)}{centre}">'
        f'<a class="graph-node" href="{markup.attr(node.link)}">{markup.attr(node.label)}</a>{role}'
        + (f'<ul class="wiw-ties">{ties_html}</ul>' if ties_html else "")
        + "</li>"
    )


def draw(m: Map, title: str, desc: str, lang: str, focus: str | None = None) -> Markup:
    """The map as HTML: the centre first, then one column per side, states on top, then people, then institutions."""
    centre = m.names.get(m.centre or "")
    out = [
        f'<figure class="graph wiw" aria-labelledby="graph-title"><figcaption id="graph-title">'
        f'<strong>{markup.attr(title)}</strong> <span class="wiw-legend">{markup.attr(desc)}</span></figcaption>'
    ]
    if centre is not None:
        heading = "" if focus else f'<p class="wiw-heading">{markup.attr(t(lang, "graph_centre"))}</p>'
        out.append(f'<div class="wiw-focus">{heading}<ul class="wiw-list">{_actor(m, centre, None)}</ul></div>')
    out.append('<div class="wiw-sides">')
    columns = [*m.sides, ""]
    order = {"state": 0, "person": 1}
    for side in columns:
        members = [n for n in m.nodes if n.side == side and n.id != m.centre]
        if not members:
            continue
        members.sort(key=lambda n: (order.get(n.kind, 2), n.label.casefold(), n.id))
        head = m.names[side].label if side in m.names else t(lang, "graph_elsewhere")
        out.append(f'<section class="wiw-side"><p class="wiw-heading">{markup.attr(head)}</p><ul class="wiw-list">')
        out.extend(_actor(m, n, focus) for n in members)
        out.append("</ul></section>")
    out.append("</div></figure>")
    return Markup("".join(out))


class Graph:
    """The actor maps of one edition: ties, sides and the protagonist are worked out once and shared by every page."""

    def __init__(self, labels: Labels) -> None:
        self.labels = labels
        self._edges: list[Edge] | None = None
        self._by_actor: dict[str, list[Edge]] | None = None
        self._mentions: dict[str, int] | None = None

    def edges(self) -> list[Edge]:
        """Relations (strong) and offices held in an organization (weak), one per pair."""
        if self._edges is None:
            self._edges = self._find_edges()
        return self._edges

    def _find_edges(self) -> list[Edge]:
        labels = self.labels
        found: dict[tuple[str, str], Edge] = {}
        for rid, rec in labels.content.records.get("actors", {}).items():
            name = labels.label("actors", rid)
            for rel in rec.model.relations:
                a, b = sorted((rid, rel.actor))
                text = markup.plain(labels.pick(rel.relation)[0])
                label = f"{name}: {text} {labels.label('actors', rel.actor)}"
                found.setdefault((a, b), Edge(a, b, label, subject=rid, text=text))
            for role in rec.model.roles:
                if role.organization and role.organization != rid:
                    a, b = sorted((rid, role.organization))
                    text = markup.plain(labels.pick(role.title)[0])
                    found.setdefault((a, b), Edge(a, b, f"{name}: {text}", weak=True, subject=rid, text=text))
        return [found[k] for k in sorted(found)]

    def edges_of(self, rid: str) -> list[Edge]:
        """The edges that touch one actor."""
        if self._by_actor is None:
            self._by_actor = {}
            for edge in self.edges():
                self._by_actor.setdefault(edge.a, []).append(edge)
                self._by_actor.setdefault(edge.b, []).append(edge)
        return self._by_actor.get(rid, [])

    def mentions(self) -> dict[str, int]:
        """How many events name each actor: who is at the centre, which states get a column."""
        if self._mentions is None:
            self._mentions = {}
            for rec in self.labels.content.records.get("events", {}).values():
                for rid in rec.model.actors:
                    self._mentions[rid] = self._mentions.get(rid, 0) + 1
        return self._mentions

    def _node(self, rid: str, path: str, sides: dict[str, str]) -> Node:
        labels = self.labels
        model = labels.content.records["actors"][rid].model
        side = rid if rid in sides.values() else sides.get(model.country or "", "")
        role = markup.plain(labels.pick(model.roles[-1].title)[0]) if model.roles else ""
        link = html_relative(target_path("actors", rid), path)
        return Node(rid, labels.label("actors", rid), model.kind, link, side, role)

    def svg(self, path: str, center: str | None = None) -> Markup:
        """The map for a page: the overview, or one actor and those it is tied to (the name is kept for overrides)."""
        labels, lang = self.labels, self.labels.lang
        actors = labels.content.records.get("actors", {})
        seen = self.mentions()
        states = sorted(
            (rid for rid, r in actors.items() if r.model.kind == "state"), key=lambda s: (-seen.get(s, 0), s)
        )
        sides = {actors[s].model.country or s: s for s in states[:SIDES]}
        if center is None:
            degree = {rid: len(self.edges_of(rid)) for rid in actors}
            chosen = sorted(actors, key=lambda rid: (-degree[rid] - seen.get(rid, 0), rid))[:MAX_NODES]
            people = [rid for rid in chosen if actors[rid].model.kind == "person"]
            centre = max(people, key=lambda rid: (seen.get(rid, 0), rid), default=None)
            nodes = [self._node(rid, path, sides) for rid in sorted(chosen)]
            m = Map(nodes, self.edges(), [s for s in states[:SIDES] if s in chosen], centre)
            return draw(m, t(lang, "graph_title"), t(lang, "graph_desc"), lang)
        mine = self.edges_of(center)
        around = sorted({e.other(center) for e in mine})
        if not around:
            return Markup("")
        nodes = [self._node(rid, path, sides) for rid in sorted({center, *around})]
        m = Map(nodes, mine, [s for s in states[:SIDES] if s in around or s == center], center)
        title = t(lang, "neighbourhood_title", name=labels.label("actors", center))
        return draw(m, title, t(lang, "graph_desc"), lang, focus=center)
