"""Every export format: schema-valid, read back by other tools' readers, and the same bytes twice."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest
import xmlschema
from PIL import Image, ImageStat

from api.export import FORMATS, export, picture, source, tabular, xml_formats
from api.export.source import Scope
from graph.embedded.store import EmbeddedStore
from graph.errors import LimitExceeded
from graph.model import Subgraph
from queries.serialize import subgraph_json
from tests.contract import fixture_graph as fx

SCHEMAS = Path(__file__).parent / "schemas"


@pytest.fixture(scope="module")
def whole(view_store: EmbeddedStore) -> Subgraph:
    return source.subgraph(view_store, Scope())


@pytest.fixture(scope="module")
def graphml_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / "graphml-subset.xsd"))


@pytest.fixture(scope="module")
def gexf_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / "gexf-subset.xsd"))


def test_whole_graph_is_every_related_entity(whole: Subgraph) -> None:
    related = {e for b in fx.BATCHES for r in b.relations for e in (r.subject, r.object)}
    ids = {r.id for b in fx.BATCHES for r in b.relations}
    assert {n.id for n in whole.nodes} == related
    assert {r.id for r in whole.edges} == ids and not whole.truncated


def test_graphml_validates_and_reads_back(whole: Subgraph, graphml_schema: xmlschema.XMLSchema) -> None:
    data = xml_formats.graphml(whole)
    graphml_schema.validate(data.decode("utf-8"))
    g = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert g.is_directed() and g.number_of_nodes() == len(whole.nodes)
    assert g.number_of_edges() == len(whole.edges)
    for entity in whole.nodes:
        assert g.nodes[entity.id]["name"] == entity.name and g.nodes[entity.id]["type"] == entity.type.value
        assert json.loads(g.nodes[entity.id]["aliases"]) == list(entity.aliases)
        assert json.loads(g.nodes[entity.id]["attrs"]) == entity.attrs
    for r in whole.edges:
        d = g.edges[r.subject, r.object, r.id]
        assert (d["predicate"], d["evidence_count"], d["confidence"]) == (
            r.predicate.value, r.evidence_count, r.confidence)
        assert json.loads(d["attrs"]) == r.attrs and d.get("first_seen") == r.first_seen


def test_gexf_validates_and_reads_back(whole: Subgraph, gexf_schema: xmlschema.XMLSchema) -> None:
    data = xml_formats.gexf(whole)
    gexf_schema.validate(data.decode("utf-8"))
    g = nx.read_gexf(io.BytesIO(data))
    assert g.number_of_nodes() == len(whole.nodes) and g.number_of_edges() == len(whole.edges)
    for entity in whole.nodes:
        assert g.nodes[entity.id]["label"] == entity.name and g.nodes[entity.id]["type"] == entity.type.value
        assert set(g.nodes[entity.id]["viz"]["color"]) >= {"r", "g", "b"}
    by_id = {d["id"]: d for _, _, d in g.edges(data=True)}
    for r in whole.edges:
        assert by_id[r.id]["label"] == r.predicate.value and by_id[r.id]["evidence_count"] == r.evidence_count


def test_a_schema_rejects_what_the_formats_never_write(graphml_schema: xmlschema.XMLSchema,
                                                       gexf_schema: xmlschema.XMLSchema) -> None:
    dangling = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">'
                '<node id="a"/><edge source="a" target="b"/></graph></graphml>')
    assert not graphml_schema.is_valid(dangling)
    bad_type = ('<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><attributes class="node">'
                '<attribute id="x" title="x" type="int"/></attributes><nodes/><edges/></graph></gexf>')
    assert not gexf_schema.is_valid(bad_type)


def test_json_is_the_api_subgraph_shape(whole: Subgraph) -> None:
    assert json.loads(tabular.as_json(whole)) == json.loads(json.dumps(subgraph_json(whole)))


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_is_neo4j_admin_import_format(whole: Subgraph) -> None:
    files = tabular.csv_files(whole)
    nodes, rels = _rows(files["nodes.csv"]), _rows(files["relationships.csv"])
    assert list(nodes[0]) == list(tabular.NODE_HEADER) and list(rels[0]) == list(tabular.REL_HEADER)
    assert [n["id:ID"] for n in nodes] == [e.id for e in whole.nodes]
    assert {n[":LABEL"] for n in nodes} == {f"Entity;{e.type.value}" for e in whole.nodes}
    kh = next(n for n in nodes if n["id:ID"] == fx.KH)
    assert kh["aliases:string[]"].split(";") == list(next(e for e in whole.nodes if e.id == fx.KH).aliases)
    assert [(r[":START_ID"], r[":TYPE"], r[":END_ID"], r["id"]) for r in rels] == [
        (r.subject, r.predicate.value, r.object, r.id) for r in whole.edges]
    assert all(int(r["evidence_count:int"]) >= 1 and 0 <= float(r["confidence:double"]) <= 1 for r in rels)


def test_csv_zip_holds_both_files_and_is_deterministic(whole: Subgraph) -> None:
    data = tabular.csv_zip(whole)
    assert data == tabular.csv_zip(whole)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert set(archive.namelist()) == {"nodes.csv", "relationships.csv", "README.txt"}
        assert archive.read("nodes.csv").decode() == tabular.csv_files(whole)["nodes.csv"]


def test_svg_is_deterministic_legible_and_complete(view_store: EmbeddedStore, whole: Subgraph) -> None:
    text = picture.svg(whole, "Fixture")
    assert text == picture.svg(source.subgraph(view_store, Scope()), "Fixture")
    from xml.etree import ElementTree as ET

    root = ET.fromstring(text)
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert len(root.findall(".//s:g[@class='node']", ns)) == len(whole.nodes)
    assert len(root.findall(".//s:g[@class='edge']", ns)) == len(whole.edges)
    labels = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {"Mustafa al-Kadhimi", "Iran", "backed by", "Entity types", "ArmedGroup"} <= labels
    positions = picture.layout(whole)
    assert len(set(positions.values())) == len(whole.nodes)  # no two nodes on one spot


def test_png_is_deterministic_and_not_blank(whole: Subgraph) -> None:
    data = picture.png(whole, "Fixture")
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data == picture.png(whole, "Fixture")
    image = Image.open(io.BytesIO(data)).convert("L")
    assert image.width > 800 and ImageStat.Stat(image).stddev[0] > 10


def test_pictures_refuse_a_graph_too_big_to_read() -> None:
    from graph.model import Entity, EntityType

    many = Subgraph(tuple(Entity(f"person:p{i}", f"P {i}", EntityType.PERSON)
                          for i in range(picture.MAX_PICTURE_NODES + 1)), ())
    with pytest.raises(LimitExceeded, match="at most"):
        picture.svg(many)


def test_html_file_is_self_contained(view_store: EmbeddedStore) -> None:
    _, body = export(view_store, "html", Scope(centers=(fx.KADHIMI,), depth=2))
    text = body.decode("utf-8")
    assert '<script src' not in text and '<link rel="stylesheet"' not in text
    assert "default-src &#39;none&#39;" in text and "vis.Network" in text
    data = text.split('<script type="application/json" id="ag-data">', 1)[1].split("</script>", 1)[0]
    payload = json.loads(data)
    assert {n["id"] for n in payload["nodes"]} >= {fx.KADHIMI, fx.KH}
    assert all(payload["evidence"][e["id"]] for e in payload["edges"])


def test_every_format_exports_a_centred_subgraph(view_store: EmbeddedStore) -> None:
    scope = Scope(centers=(fx.SADR,), depth=1)
    for name in FORMATS:
        chosen, body = export(view_store, name, scope)
        assert chosen.name == name and body
    _, body = export(view_store, "json", scope)
    assert {n["id"] for n in json.loads(body)["nodes"]} == {
        n.id for n in view_store.subgraph([fx.SADR], depth=1).nodes}
