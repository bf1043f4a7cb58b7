"""The who-is-who diagram: actors and their links, laid out and drawn as SVG at build time.

Why our own small layout: a deterministic force layout (fixed start, fixed
number of steps, no randomness) gives the same picture, byte for byte, on
every build, and needs no JavaScript or third-party library in the page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from ..structure.routes import html_relative, target_path
from . import markup
from .i18n import t
from .labels import Labels

MAX_NODES = 48
"""The overview shows the best-connected actors; every actor is listed in text beside it."""


@dataclass(frozen=True)
class Node:
    """An actor to draw: id, label, kind and the link to its page."""

    id: str
    label: str
    kind: str
    link: str


@dataclass(frozen=True)
class Edge:
    """A link between two actors; `label` becomes the edge's tooltip."""

    a: str
    b: str
    label: str
    weak: bool = False


def _mean_angle(angles: list[float], fallback: float) -> float:
    if not angles:
        return fallback
    x = sum(math.cos(a) for a in angles)
    y = sum(math.sin(a) for a in angles)
    return math.atan2(y, x) if (x or y) else fallback


def _layout(
    nodes: Sequence[Node], edges: Sequence[Edge], width: float, height: float
) -> dict[str, tuple[float, float]]:
    """Concentric rings: states in the middle, institutions around them, people outside.

    Each node sits near the mean angle of the neighbours already placed on the
    inner rings, then the ring is spaced evenly in that order: related actors
    stay close, nothing overlaps, and the result is the same on every build.
    """
    neighbours: dict[str, set[str]] = {node.id: set() for node in nodes}
    for edge in edges:
        if edge.a in neighbours and edge.b in neighbours:
            neighbours[edge.a].add(edge.b)
            neighbours[edge.b].add(edge.a)
    rings = [
        [n for n in nodes if n.kind == "state"],
        [n for n in nodes if n.kind not in ("state", "person")],
        [n for n in nodes if n.kind == "person"],
    ]
    radii = [0.2, 0.55, 1.0]
    cx, cy = width / 2, height / 2
    rx, ry = width / 2 - 190, height / 2 - 40
    angle: dict[str, float] = {}
    pos: dict[str, tuple[float, float]] = {}
    for level, ring in enumerate(rings):
        if not ring:
            continue
        wanted = []
        for i, node in enumerate(sorted(ring, key=lambda n: (-len(neighbours[n.id]), n.id))):
            placed = [angle[o] for o in sorted(neighbours[node.id]) if o in angle]
            wanted.append((_mean_angle(placed, 2 * math.pi * i / len(ring)) % (2 * math.pi), node.id))
        wanted.sort()
        offset = wanted[0][0] if level else -math.pi / 2
        for i, (_, nid) in enumerate(wanted):
            a = offset + 2 * math.pi * i / len(wanted)
            angle[nid] = a
            r = radii[level] if len(ring) > 1 or level else 0.0
            pos[nid] = (round(cx + rx * r * math.cos(a), 1), round(cy + ry * r * math.sin(a), 1))
    return pos


def _shape(node: Node, x: float, y: float, center: bool = False) -> str:
    r = 11 if center else 8
    cls = f"graph-shape graph-{escape(node.kind)}"
    if node.kind == "state":
        return f'<rect class="{cls}" x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" rx="2"/>'
    if node.kind == "person":
        return f'<circle class="{cls}" cx="{x:.1f}" cy="{y:.1f}" r="{r}"/>'
    return f'<polygon class="{cls}" points="{x:.1f},{y - r - 2:.1f} {x + r + 2:.1f},{y:.1f} {x:.1f},{y + r + 2:.1f} {x - r - 2:.1f},{y:.1f}"/>'


def _draw(
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    pos: dict[str, tuple[float, float]],
    width: int,
    height: int,
    title: str,
    desc: str,
    center: str | None = None,
) -> Markup:
    out = [
        f'<figure class="graph" role="group" aria-label="{escape(title)}">',
        f'<div class="graph-scroll"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="group" aria-labelledby="graph-title graph-desc">',
        f'<title id="graph-title">{escape(title)}</title><desc id="graph-desc">{escape(desc)}</desc>',
    ]
    for edge in edges:
        if edge.a not in pos or edge.b not in pos:
            continue
        (x1, y1), (x2, y2) = pos[edge.a], pos[edge.b]
        cls = "graph-edge graph-edge-weak" if edge.weak else "graph-edge"
        out.append(
            f'<line class="{cls}" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"><title>{escape(edge.label)}</title></line>'
        )
    for node in nodes:
        if node.id not in pos:
            continue
        x, y = pos[node.id]
        is_center = node.id == center
        dx = x - width / 2
        if is_center or abs(dx) < width * 0.12:
            anchor, tx, ty = "middle", x, (y + 24 if y >= height / 2 else y - 16)
        elif dx > 0:
            anchor, tx, ty = "start", x + 14, y + 4
        else:
            anchor, tx, ty = "end", x - 14, y + 4
        out.append(
            f'<a class="graph-node{" graph-center" if is_center else ""}" href="{escape(node.link)}" aria-label="{escape(node.label)}">'
            f"{_shape(node, x, y, is_center)}"
            f'<text class="graph-label" x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}">{escape(node.label)}</text></a>'
        )
    out.append("</svg></div>")
    out.append(f"<figcaption>{escape(desc)}</figcaption></figure>")
    return Markup("".join(out))


def overview_svg(nodes: Sequence[Node], edges: Sequence[Edge], title: str, desc: str) -> Markup:
    """Every actor (up to MAX_NODES, the best connected) and their links."""
    degree: dict[str, int] = {}
    for edge in edges:
        degree[edge.a] = degree.get(edge.a, 0) + 1
        degree[edge.b] = degree.get(edge.b, 0) + 1
    chosen = sorted(nodes, key=lambda node: (-degree.get(node.id, 0), node.id))[:MAX_NODES]
    chosen = sorted(chosen, key=lambda node: node.id)
    width, height = 960, 680
    pos = _layout(chosen, edges, width, height)
    return _draw(chosen, edges, pos, width, height, title, desc)


def neighbourhood_svg(center: Node, around: Sequence[Node], edges: Sequence[Edge], title: str, desc: str) -> Markup:
    """One actor in the middle, the actors it is linked to on a circle around it."""
    if not around:
        return Markup("")
    width, height = 720, 420
    pos = {center.id: (width / 2, height / 2)}
    ring = sorted(around, key=lambda node: node.id)
    for i, node in enumerate(ring):
        angle = 2 * math.pi * i / len(ring) - math.pi / 2
        pos[node.id] = (round(width / 2 + 260 * math.cos(angle), 1), round(height / 2 + 150 * math.sin(angle), 1))
    return _draw([center, *ring], edges, pos, width, height, title, desc, center=center.id)


class Graph:
    """The actor diagrams of one edition: the edges are worked out once and shared by every actor page."""

    def __init__(self, labels: Labels) -> None:
        self.labels = labels
        self._edges: list[Edge] | None = None
        self._by_actor: dict[str, list[Edge]] | None = None

    def edges(self) -> list[Edge]:
        """Relations (strong) and offices held in an organization (weak), one line per pair."""
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
                label = f"{name}: {markup.plain(labels.pick(rel.relation)[0])} {labels.label('actors', rel.actor)}"
                found.setdefault((a, b), Edge(a, b, label))
            for role in rec.model.roles:
                if role.organization and role.organization != rid:
                    a, b = sorted((rid, role.organization))
                    label = f"{name}: {markup.plain(labels.pick(role.title)[0])}"
                    found.setdefault((a, b), Edge(a, b, label, weak=True))
        return [found[k] for k in sorted(found)]

    def edges_of(self, rid: str) -> list[Edge]:
        """The edges that touch one actor."""
        if self._by_actor is None:
            self._by_actor = {}
            for edge in self.edges():
                self._by_actor.setdefault(edge.a, []).append(edge)
                self._by_actor.setdefault(edge.b, []).append(edge)
        return self._by_actor.get(rid, [])

    def svg(self, path: str, center: str | None = None) -> Markup:
        """The actor diagram for a page: the overview, or one actor's neighbourhood."""
        labels, lang = self.labels, self.labels.lang
        actors = labels.content.records.get("actors", {})

        def node(rid: str) -> Node:
            link = html_relative(target_path("actors", rid), path)
            return Node(rid, labels.label("actors", rid), actors[rid].model.kind, link)

        if center is None:
            return overview_svg(
                [node(rid) for rid in actors], self.edges(), t(lang, "graph_title"), t(lang, "graph_desc")
            )
        mine = self.edges_of(center)
        around = sorted({e.b if e.a == center else e.a for e in mine})
        nodes = {rid: node(rid) for rid in [center, *around]}
        return neighbourhood_svg(
            nodes[center],
            [nodes[a] for a in around],
            mine,
            t(lang, "neighbourhood_title", name=labels.label("actors", center)),
            t(lang, "graph_desc"),
        )
