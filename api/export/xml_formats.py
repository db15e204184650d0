"""GraphML (yEd, Cytoscape, networkx) and GEXF 1.3 (Gephi) documents of a subgraph.

Both keep every node and edge property: lists and maps are written as JSON text,
so nothing is lost and the files stay within the plain attribute types of each format.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

from api.export.style import style_of
from graph.clean import xml_safe
from graph.model import Entity, Relation, Subgraph

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://gexf.net/1.3"
GEXF_VIZ_NS = "http://gexf.net/1.3/viz"
GEXF_TYPES = {"string": "string", "int": "integer", "double": "double"}  # GraphML name -> GEXF name

# (name, GraphML type, value of an entity / relation)
NODE_KEYS: tuple[tuple[str, str], ...] = (
    ("name", "string"), ("type", "string"), ("aliases", "string"), ("external_ids", "string"),
    ("attrs", "string"))
EDGE_KEYS: tuple[tuple[str, str], ...] = (
    ("predicate", "string"), ("attrs", "string"), ("first_seen", "string"), ("last_seen", "string"),
    ("evidence_count", "int"), ("confidence", "double"))


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


def node_values(entity: Entity) -> dict[str, Any]:
    """The node's attributes as written to files (None when absent)."""
    return {"name": entity.name, "type": entity.type.value, "aliases": list(entity.aliases),
            "external_ids": entity.external_ids, "attrs": entity.attrs}


def edge_values(relation: Relation) -> dict[str, Any]:
    """The edge's attributes as written to files (None when absent)."""
    return {"predicate": relation.predicate.value, "attrs": relation.attrs,
            "first_seen": relation.first_seen, "last_seen": relation.last_seen,
            "evidence_count": relation.evidence_count, "confidence": relation.confidence}


def _finish(root: ET.Element) -> bytes:
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode", xml_declaration=True)
    # ElementTree escapes markup but writes characters XML forbids as they are (U+FFFE, C0 controls)
    return (xml_safe(text) + "\n").encode("utf-8")


def graphml(sub: Subgraph) -> bytes:
    """A directed GraphML graph; edge ids are the stable relation ids, parallel edges kept."""
    ET.register_namespace("", GRAPHML_NS)
    q = f"{{{GRAPHML_NS}}}"
    root = ET.Element(q + "graphml")
    for scope, keys, prefix in (("node", NODE_KEYS, "n_"), ("edge", EDGE_KEYS, "e_")):
        for name, kind in keys:
            ET.SubElement(root, q + "key", {"id": prefix + name, "for": scope, "attr.name": name,
                                            "attr.type": kind})
    graph = ET.SubElement(root, q + "graph", {"id": "actorgraph", "edgedefault": "directed"})
    for entity in sub.nodes:
        node = ET.SubElement(graph, q + "node", {"id": entity.id})
        _graphml_data(node, q, "n_", node_values(entity))
    for relation in sub.edges:
        edge = ET.SubElement(graph, q + "edge", {"id": relation.id, "source": relation.subject,
                                                 "target": relation.object})
        _graphml_data(edge, q, "e_", edge_values(relation))
    return _finish(root)


def _graphml_data(parent: ET.Element, q: str, prefix: str, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if value is not None:
            ET.SubElement(parent, q + "data", {"key": prefix + name}).text = _text(value)


def gexf(sub: Subgraph) -> bytes:
    """A static, directed GEXF 1.3 graph with node colours and the predicate as edge label and kind."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", GEXF_VIZ_NS)
    q, v = f"{{{GEXF_NS}}}", f"{{{GEXF_VIZ_NS}}}"
    root = ET.Element(q + "gexf", {"version": "1.3"})
    meta = ET.SubElement(root, q + "meta")
    ET.SubElement(meta, q + "creator").text = "actorgraph"
    ET.SubElement(meta, q + "description").text = "Political actors and the relations between them"
    graph = ET.SubElement(root, q + "graph", {"defaultedgetype": "directed", "mode": "static"})
    _gexf_attributes(graph, q, "node", NODE_KEYS[1:])
    _gexf_attributes(graph, q, "edge", EDGE_KEYS[1:])
    nodes = ET.SubElement(graph, q + "nodes")
    for entity in sub.nodes:
        node = ET.SubElement(nodes, q + "node", {"id": entity.id, "label": entity.name})
        _gexf_values(node, q, NODE_KEYS[1:], node_values(entity))
        colour = style_of(entity.type)[0]
        ET.SubElement(node, v + "color", {"r": str(int(colour[1:3], 16)), "g": str(int(colour[3:5], 16)),
                                          "b": str(int(colour[5:7], 16))})
    edges = ET.SubElement(graph, q + "edges")
    for relation in sub.edges:
        edge = ET.SubElement(edges, q + "edge", {
            "id": relation.id, "source": relation.subject, "target": relation.object,
            "label": relation.predicate.value, "kind": relation.predicate.value,
            "weight": str(max(relation.evidence_count, 1))})
        _gexf_values(edge, q, EDGE_KEYS[1:], edge_values(relation))
    return _finish(root)


def _gexf_attributes(graph: ET.Element, q: str, cls: str, keys: tuple[tuple[str, str], ...]) -> None:
    block = ET.SubElement(graph, q + "attributes", {"class": cls, "mode": "static"})
    for name, kind in keys:
        ET.SubElement(block, q + "attribute", {"id": name, "title": name, "type": GEXF_TYPES[kind]})


def _gexf_values(parent: ET.Element, q: str, keys: tuple[tuple[str, str], ...], values: dict[str, Any]
                 ) -> None:
    present = [(name, values[name]) for name, _ in keys if values[name] is not None]
    if present:
        block = ET.SubElement(parent, q + "attvalues")
        for name, value in present:
            ET.SubElement(block, q + "attvalue", {"for": name, "value": _text(value)})
