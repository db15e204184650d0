"""Reference data: curated rows load as their own source, distinguishable from text evidence."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from graph.embedded.store import EmbeddedStore
from graph.model import EntityType, Provenance, entity_id
from ingest.kb import Actor, KnowledgeBase
from ingest.kb.reference import ReferenceFileError, kb_lookup, load_reference
from ingest.load import Loader, load_batch
from ingest.progress import Progress
from ingest.resolve import Resolver

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "reference" / "us-designations.yaml"


def test_example_file_loads_as_reference_source(store: EmbeddedStore) -> None:
    ref = load_reference(EXAMPLE)
    assert ref.errors == ()
    assert ref.article.id == "reference:us-designations"
    assert ref.article.provenance is Provenance.REFERENCE
    progress = Progress(io.StringIO(), tty=False)
    load_batch(ref.batch, Loader(store, Resolver(store)), progress)
    counts = store.counts()
    assert counts.articles == 1 and counts.relations["DESIGNATED_TERRORIST_BY"] == 8
    kh = entity_id(EntityType.ARMED_GROUP, "Kataib Hezbollah")
    edge = next(e for e in store.subgraph([kh]).edges if e.predicate == "DESIGNATED_TERRORIST_BY")
    assert edge.attrs["date"] == "2009-07-02" and edge.first_seen == "2009-07-02"
    [ev] = store.evidence(edge.id)
    assert ev.provenance is Provenance.REFERENCE and ev.article_id == "reference:us-designations"
    assert ev.sentence.startswith("The State Department added Kataib Hezbollah")
    assert ref.article.body[ev.start:ev.end] == ev.sentence
    load_batch(load_reference(EXAMPLE).batch, Loader(store, Resolver(store)), progress)
    assert store.counts() == counts and progress.tally.unchanged == 1


def test_csv_rows_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "sanctions.csv"
    path.write_text(
        "subject,subject_type,predicate,object,object_type,date,citation,programme\n"
        "Falih al-Fayyadh,Person,SANCTIONED_BY,US Treasury Department,StateBody,2021-01-08,"
        "Treasury notice of 8 January 2021,Global Magnitsky\n"
        "Somebody,Person,FUNDED,Someone,Person,,a note,\n"
        "Nobody,Person,SANCTIONED_BY,US Treasury Department,StateBody,8 Jan 2021,a note,\n"
        ",Person,SANCTIONED_BY,US Treasury Department,StateBody,,a note,\n"
        "Unknown Actor,,SANCTIONED_BY,US Treasury Department,StateBody,,a note,\n", encoding="utf-8")
    ref = load_reference(path)
    [rel] = ref.batch.relations
    assert rel.attrs == {"programme": "Global Magnitsky", "date": "2021-01-08"}
    assert rel.evidence[0].sentence == "Treasury notice of 8 January 2021"
    reasons = [(e.row, e.reason) for e in ref.errors]
    assert reasons[0] == (2, "unknown predicate 'FUNDED'")
    assert reasons[1][0] == 3 and "not an ISO date" in reasons[1][1]
    assert reasons[2] == (4, "missing subject")
    assert reasons[3][0] == 5 and "give subject_type" in reasons[3][1]


def test_knowledge_base_names_take_their_ids(tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text("relations:\n  - {subject: KH, predicate: DESIGNATED_TERRORIST_BY,"
                    " object: State, object_type: StateBody, citation: listed}\n", encoding="utf-8")
    kb = KnowledgeBase([Actor("kataib-hezbollah", "Kataib Hezbollah", EntityType.ARMED_GROUP, ("KH",))])
    ref = load_reference(path, kb_lookup(kb.lookup))
    assert ref.batch.relations[0].subject == "armedgroup:kataib-hezbollah"
    assert ref.batch.entities[0].name == "Kataib Hezbollah"


def test_unusable_files_are_errors(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("- just a list\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("relations: [\n", encoding="utf-8")
    for name in ("a.yaml", "b.txt", "c.yaml", "missing.yaml"):
        with pytest.raises(ReferenceFileError):
            load_reference(tmp_path / name)
