"""One look for every picture: a colour and a shape per entity type, shared by SVG, PNG and the live view.

Colours follow the Okabe-Ito palette (readable for colour-blind readers and in
greyscale print); types that share a shape never share a colour.
"""

from __future__ import annotations

from typing import Any

from graph.model import EntityType

T = EntityType

# type -> (fill colour, shape); shapes are vis-network names, drawn the same way in SVG.
NODE_STYLE: dict[EntityType, tuple[str, str]] = {
    T.PERSON: ("#0072B2", "dot"),
    T.ARMED_GROUP: ("#D55E00", "triangle"),
    T.POLITICAL_PARTY: ("#009E73", "square"),
    T.STATE_BODY: ("#CC79A7", "diamond"),
    T.COUNTRY: ("#E69F00", "hexagon"),
    T.LOCATION: ("#56B4E9", "triangleDown"),
    T.ORGANIZATION: ("#8C6D31", "square"),
    T.ELECTION: ("#555555", "diamond"),
    T.EVENT: ("#B59B00", "star"),
}
EDGE_COLOUR = "#8a8f98"
LABEL_COLOUR = "#1d232b"


def style_of(entity_type: EntityType | str) -> tuple[str, str]:
    """Fill colour and shape of a type."""
    return NODE_STYLE[EntityType(entity_type)]


def legend_json() -> list[dict[str, Any]]:
    """The legend for the browser view: every type with its colour and shape, in vocabulary order."""
    return [{"type": t.value, "colour": colour, "shape": shape} for t, (colour, shape) in NODE_STYLE.items()]
