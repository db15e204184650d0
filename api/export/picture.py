"""Static pictures of a subgraph for documents: SVG written here, PNG rendered from that SVG.

The layout is a seeded force layout over nodes and edges in the store's order,
rounded to tenths of a pixel, so the same subgraph always gives the same bytes.
"""

from __future__ import annotations

import math
from collections import defaultdict
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from api.export.style import EDGE_COLOUR, LABEL_COLOUR, NODE_STYLE, style_of
from graph.clean import xml_safe
from graph.errors import ActorGraphError, LimitExceeded
from graph.model import Relation, Subgraph

MAX_PICTURE_NODES = 300  # beyond this a static picture is unreadable and the force layout slow
# Each drawn relation is a curve, an arrow and a haloed label: past a few hundred the picture is
# a blot and rasterising takes minutes (3,000 relations of a clique: ~80 s), so only the first
# MAX_PICTURE_EDGES (by relation id) are drawn and the caption says so.
MAX_PICTURE_EDGES = 300
SEED = 7
RADIUS = 9.0
MARGIN = 70.0
LEGEND_WIDTH = 150.0
GAP = 110.0  # between packed components
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
Point = tuple[float, float]


def layout(sub: Subgraph) -> dict[str, Point]:
    """Node positions in pixels: each connected component laid out on its own, then packed in rows."""
    if len(sub.nodes) > MAX_PICTURE_NODES:
        raise LimitExceeded(f"a picture shows at most {MAX_PICTURE_NODES} nodes; this subgraph has "
                            f"{len(sub.nodes)}: lower depth or limit, or filter predicates")
    g = nx.Graph()
    g.add_nodes_from(n.id for n in sub.nodes)
    g.add_edges_from((r.subject, r.object) for r in sub.edges)
    parts = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    boxes = [_component(g.subgraph(c)) for c in parts]
    return _pack(boxes)


def _component(g: nx.Graph) -> dict[str, Point]:
    """A seeded force layout of one component, scaled to its size, with its box at the origin."""
    if len(g) == 1:
        return {next(iter(g)): (0.0, 0.0)}
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(g))
    ordered.add_edges_from(sorted(tuple(sorted(e)) for e in g.edges))
    raw = nx.spring_layout(ordered, k=3.0 / math.sqrt(len(g)), iterations=300, seed=SEED, method="force")
    side = 150.0 * math.sqrt(len(g)) + 40.0
    xs = [float(x) for x, _ in raw.values()]
    ys = [float(y) for _, y in raw.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {n: ((float(x) - min(xs)) * side / span, (float(y) - min(ys)) * side / span)
            for n, (x, y) in raw.items()}


def _pack(boxes: list[dict[str, Point]]) -> dict[str, Point]:
    """Components left to right, largest first, wrapping rows at a readable page width."""
    row_width = max([900.0] + [max(x for x, _ in b.values()) for b in boxes])
    pos: dict[str, Point] = {}
    x0 = y0 = row_height = 0.0
    for box in boxes:
        w = max(x for x, _ in box.values())
        h = max(y for _, y in box.values())
        if x0 > 0 and x0 + w > row_width:
            x0, y0, row_height = 0.0, y0 + row_height + GAP, 0.0
        pos.update({n: (round(x0 + x, 1), round(y0 + y, 1)) for n, (x, y) in box.items()})
        x0 += w + GAP
        row_height = max(row_height, h)
    return pos


def svg(sub: Subgraph, title: str = "") -> str:
    """The subgraph as a standalone SVG document with a legend of the types shown."""
    if len(sub.edges) > MAX_PICTURE_EDGES:
        title = f"{title} ({MAX_PICTURE_EDGES} of {len(sub.edges)} relations drawn)".strip()
    pos = layout(sub) if sub.nodes else {}
    xs = [x for x, _ in pos.values()] or [0.0]
    ys = [y for _, y in pos.values()] or [0.0]
    left, top = min(xs) - MARGIN - LEGEND_WIDTH, min(ys) - MARGIN - (24 if title else 0)
    width, height = max(xs) - left + MARGIN, max(ys) - top + MARGIN
    height = max(height, _legend_height(sub) + 2 * MARGIN)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left:.1f} {top:.1f} {width:.1f} {height:.1f}" '
        f'width="{width:.0f}" height="{height:.0f}" font-family={quoteattr(FONT)}>',
        _defs(),
        f'<rect x="{left:.1f}" y="{top:.1f}" width="{width:.1f}" height="{height:.1f}" fill="#ffffff"/>',
    ]
    if title:
        parts.append(f'<text x="{left + 16:.1f}" y="{top + 28:.1f}" font-size="16" font-weight="bold" '
                     f'fill="{LABEL_COLOUR}">{escape(title)}</text>')
    parts += _edges(sub.edges[:MAX_PICTURE_EDGES], pos)
    parts += [_node(n.id, n.name, n.type, pos[n.id]) for n in sub.nodes]
    parts += _legend(sub, left + 16, top + MARGIN)
    parts.append("</svg>")
    return xml_safe("\n".join(parts) + "\n")  # names stored before ingest cleaned them stay valid


class RendererMissing(ActorGraphError):
    """CairoSVG or the system cairo library is not installed, so no PNG can be drawn (SVG still works)."""

    status = 501
    title = "PNG rendering unavailable"


def png(sub: Subgraph, title: str = "", scale: float = 2.0) -> bytes:
    """The same picture as `svg`, rasterised by CairoSVG (scale 2 for sharp print)."""
    text = svg(sub, title)
    try:
        import cairosvg
    except (ImportError, OSError) as exc:  # cairocffi raises OSError when libcairo2 is absent
        raise RendererMissing(f"PNG needs CairoSVG and the cairo library (apt: libcairo2): {exc}") from None
    data: bytes = cairosvg.svg2png(bytestring=text.encode("utf-8"), scale=scale)
    return data


def _defs() -> str:
    return ('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
            f'fill="{EDGE_COLOUR}"/></marker></defs>')


def _edges(edges: tuple[Relation, ...], pos: dict[str, Point]) -> list[str]:
    """Curved arrows (parallel edges fan out) with the predicate written at the middle."""
    groups: dict[tuple[str, str], list[Relation]] = defaultdict(list)
    for r in edges:
        groups[(min(r.subject, r.object), max(r.subject, r.object))].append(r)
    out = []
    for group in groups.values():
        for i, r in enumerate(group):
            bend = (i - (len(group) - 1) / 2) * 26.0
            out.append(_edge(r, pos[r.subject], pos[r.object], bend))
    return out


def _edge(r: Relation, a: Point, b: Point, bend: float) -> str:
    (x1, y1), (x2, y2) = a, b
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    # the bend is measured from the lower id's side, so parallel edges in both directions fan apart
    sign = 1.0 if r.subject <= r.object else -1.0
    cx, cy = (x1 + x2) / 2 - uy * bend * sign, (y1 + y2) / 2 + ux * bend * sign
    sx, sy = x1 + ux * RADIUS, y1 + uy * RADIUS
    ex, ey = x2 - ux * (RADIUS + 2), y2 - uy * (RADIUS + 2)
    mx, my = (sx + 2 * cx + ex) / 4, (sy + 2 * cy + ey) / 4
    label = r.predicate.value.replace("_", " ").lower()
    return (f'<g class="edge"><path d="M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}" '
            f'fill="none" stroke="{EDGE_COLOUR}" stroke-width="1.2" marker-end="url(#arrow)"/>'
            f'{_label(mx, my, label, 8.5, "#5b6169")}</g>')


def _node(node_id: str, name: str, etype: str, at: Point) -> str:
    colour, shape = style_of(etype)
    x, y = at
    return (f'<g class="node" data-id={quoteattr(node_id)}>{_shape(shape, x, y, RADIUS, colour)}'
            f'<title>{escape(name)}</title>{_label(x, y + RADIUS + 12, _short(name), 11, LABEL_COLOUR)}</g>')


def _short(name: str, most: int = 32) -> str:
    """A long event name cut at a word boundary with an ellipsis (the full name is the tooltip)."""
    if len(name) <= most:
        return name
    return name[:most].rsplit(" ", 1)[0] + "\u2026"


def _label(x: float, y: float, text: str, size: float, colour: str) -> str:
    """Centred text over a white halo (a stroked copy underneath: renderers agree on that)."""
    common = f'x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="middle"'
    return (f'<text {common} fill="#ffffff" stroke="#ffffff" stroke-width="3" '
            f'stroke-linejoin="round">{escape(text)}</text>'
            f'<text {common} fill="{colour}">{escape(text)}</text>')


def _shape(shape: str, x: float, y: float, r: float, colour: str) -> str:
    """One node marker; the same shapes the browser view draws."""
    paint = f'fill="{colour}" stroke="#ffffff" stroke-width="1.5"'
    if shape == "dot":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {paint}/>'
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" {paint}/>'
    return f'<polygon points="{_points(shape, x, y, r)}" {paint}/>'


def _points(shape: str, x: float, y: float, r: float) -> str:
    corners = {"triangle": (3, -90.0, 1.25), "triangleDown": (3, 90.0, 1.25), "diamond": (4, -90.0, 1.3),
               "hexagon": (6, 0.0, 1.1)}
    if shape == "star":
        pts = [(r * (1.4 if i % 2 == 0 else 0.6), -90.0 + 36.0 * i) for i in range(10)]
    else:
        n, start, grow = corners[shape]
        pts = [(r * grow, start + 360.0 / n * i) for i in range(n)]
    return " ".join(f"{x + d * math.cos(math.radians(a)):.1f},{y + d * math.sin(math.radians(a)):.1f}"
                    for d, a in pts)


def _types_shown(sub: Subgraph) -> list[str]:
    present = {n.type for n in sub.nodes}
    return [t.value for t in NODE_STYLE if t in present]


def _legend_height(sub: Subgraph) -> float:
    return 22.0 * (len(_types_shown(sub)) + 1)


def _legend(sub: Subgraph, x: float, y: float) -> list[str]:
    out = [f'<text x="{x:.1f}" y="{y:.1f}" font-size="11" font-weight="bold" fill="{LABEL_COLOUR}">'
           "Entity types</text>"]
    for i, name in enumerate(_types_shown(sub), start=1):
        colour, shape = style_of(name)
        cy = y + 22.0 * i - 4
        out.append(_shape(shape, x + 7, cy, 6.0, colour))
        out.append(f'<text x="{x + 20:.1f}" y="{cy + 4:.1f}" font-size="11" fill="{LABEL_COLOUR}">'
                   f"{escape(name)}</text>")
    return out


def marker_svg(shape: str, colour: str, size: int = 18) -> str:
    """A small standalone SVG of one node marker, for the legend of the browser view."""
    half = size / 2
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
            f'viewBox="0 0 {size} {size}" aria-hidden="true">{_shape(shape, half, half, half * 0.72, colour)}'
            "</svg>")
