"""`actorgraph ingest | stats | retract` end to end with the real spaCy model on the sample corpus."""

from __future__ import annotations

import io
import json
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.settings import Settings
from graph.embedded.store import EmbeddedStore
from graph.model import Batch, Relation
from ingest.load import Loader, LoadResult, run_ingest
from ingest.progress import Progress
from ingest.resolve import Resolver
from tests.ingest.ingest_helpers import CORPUS, REFERENCE, cli, few, stats

pytestmark = pytest.mark.model


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"embedded://{tmp_path / 'graph.db'}"


def test_ingesting_twice_gives_identical_stats(capsys: pytest.CaptureFixture[str], url: str) -> None:
    paths = [*few(8), str(CORPUS / "html"), str(CORPUS / "feeds")]
    code, _, err = cli(capsys, "ingest", *paths, "--reference", str(REFERENCE), "--store", url,
                       "--batch-size", "5")
    assert code == 0, err
    first = stats(capsys, url)
    assert first["articles"] >= 10 and first["relations"]
    code, _, err = cli(capsys, "ingest", *paths, "--reference", str(REFERENCE), "--store", url)
    assert code == 0, err
    assert "0 new, 0 updated" in err and "no failures" in err
    assert stats(capsys, url) == first


def test_changed_article_replaces_its_evidence(capsys: pytest.CaptureFixture[str], url: str,
                                               tmp_path: Path) -> None:
    src = Path(few(1)[0])
    copy = tmp_path / src.name
    shutil.copy(src, copy)
    assert cli(capsys, "ingest", str(copy), "--store", url)[0] == 0
    before = stats(capsys, url)
    copy.write_text(src.read_text(encoding="utf-8") + "\nKataib Hezbollah is backed by Iran.\n",
                    encoding="utf-8")
    code, _, err = cli(capsys, "ingest", str(copy), "--store", url)
    assert code == 0 and "0 new, 1 updated" in err
    after = stats(capsys, url)
    assert after["articles"] == before["articles"] == 1
    assert after["relations"].get("BACKED_BY", 0) >= 1
    assert after["evidence"] > before["evidence"]


def test_broken_files_are_reported_and_the_rest_goes_in(capsys: pytest.CaptureFixture[str], url: str,
                                                        tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in few(3):
        shutil.copy(path, folder)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\xff\xfe\x00garbage\x00")
    (folder / "latin1.txt").write_bytes("title: Caf\xe9\n\nLe caf\xe9 de Bagdad.".encode("latin-1"))
    (folder / "lines.jsonl").write_text(
        '{"id": "j1", "title": "One", "body": "Qais al-Khazali leads Asaib Ahl al-Haq."}\n{broken json\n',
        encoding="utf-8")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4")
    failures = tmp_path / "failures.jsonl"
    code, _, err = cli(capsys, "ingest", str(folder), "--store", url, "--failures", str(failures))
    assert code == 1
    rows = [json.loads(line) for line in failures.read_text(encoding="utf-8").splitlines()]
    failed = {Path(r["source"].split(":")[0]).name for r in rows}
    assert failed == {"empty.txt", "binary.txt", "latin1.txt", "lines.jsonl", "report.pdf"}
    assert all(r["stage"] == "read" and r["reason"] for r in rows)
    assert "5 items failed:" in err and "report.pdf" in err
    assert stats(capsys, url)["articles"] == 4


def test_usage_and_store_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = cli(capsys, "ingest", "--store", f"embedded://{tmp_path / 'g.db'}")
    assert code == 2 and "give at least one PATH" in err
    code, _, err = cli(capsys, "stats", "--store", "bogus://nowhere")
    assert code == 2 and err.count("\n") == 1
    with pytest.raises(SystemExit) as exc:
        cli(capsys, "ingest", "x.txt", "--workers", "0")
    assert exc.value.code == 2


# -- retraction lowers the counts by exactly what the article alone supported ------------

def _ingest_recording(store: EmbeddedStore, paths: list[str]) -> tuple[list[Batch], dict[str, str]]:
    """Ingest through the library, keeping each article's extraction and the merge decisions."""
    from ingest.kb import load_kb
    from ingest.readers import read_paths
    from ingest.service import ExtractorPool, article_extractor

    settings = Settings()
    kb = load_kb()
    extract = article_extractor(ExtractorPool(settings.spacy_model))
    extracted: list[Batch] = []
    mapping: dict[str, str] = {}

    def keep(articles: Any) -> Iterator[Any]:
        for out in extract(articles):
            if isinstance(out, Batch):
                extracted.append(out)
            yield out

    def decisions(result: LoadResult) -> None:
        mapping.update({d.incoming_id: d.resolved_id for d in result.decisions})

    loader = Loader(store, Resolver(store, is_kb=lambda i: kb.by_id(i) is not None))
    run_ingest(read_paths(paths), loader, keep, Progress(io.StringIO(), tty=False), 4, decisions)
    return extracted, mapping


def _facts(batch: Batch, mapping: dict[str, str]) -> tuple[dict[str, str], dict[str, Relation], set[str]]:
    """One article's entities (id -> type), relations (id -> relation) and evidence ids, resolved."""
    def m(i: str) -> str:
        return mapping.get(i, i)
    entities = {m(e.id): e.type.value for e in batch.entities}
    relations: dict[str, Relation] = {}
    evidence: set[str] = set()
    for rel in batch.relations:
        resolved = Relation(m(rel.subject), rel.predicate, m(rel.object), rel.attrs)
        if resolved.subject == resolved.object:
            continue
        relations[resolved.id] = resolved
        evidence |= {ev.id_for(resolved.id) for ev in rel.evidence}
    return entities, relations, evidence


def expected_drop(target: Batch, others: list[Batch], mapping: dict[str, str]) -> dict[str, Any]:
    """What retracting `target` must remove, from the extraction output alone."""
    ents, rels, evs = _facts(target, mapping)
    kept_ents: dict[str, str] = {}
    kept_rels: dict[str, Relation] = {}
    for other in others:
        e, r, _ = _facts(other, mapping)
        kept_ents.update(e)
        kept_rels.update(r)
    gone_rels = {rid: r for rid, r in rels.items() if rid not in kept_rels}
    still_used = {x for r in kept_rels.values() for x in (r.subject, r.object)}
    gone_ents = {eid: t for eid, t in ents.items() if eid not in kept_ents and eid not in still_used}
    return {"articles": 1, "evidence": len(evs),
            "relations": Counter(r.predicate.value for r in gone_rels.values()),
            "entities": Counter(gone_ents.values())}


def minus(before: dict[str, Any], drop: dict[str, Any]) -> dict[str, Any]:
    out = {k: before[k] - drop[k] for k in ("articles", "evidence")}
    for key in ("entities", "relations"):
        left = Counter(before[key])
        left.subtract(drop[key])
        out[key] = {k: v for k, v in sorted(left.items()) if v}
    return out


def test_retract_lowers_stats_by_what_the_article_alone_supported(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "graph.db"
    store = EmbeddedStore(db)
    store.ensure_schema()
    extracted, mapping = _ingest_recording(store, few(10))
    store.close()
    url = f"embedded://{db}"
    before = stats(capsys, url)
    # An article that shares some actors with the others and alone supports some relations.
    target, drop = next((b, d) for b in extracted
                        for d in [expected_drop(b, [o for o in extracted if o is not b], mapping)]
                        if sum(d["relations"].values()) and len(b.entities) > sum(d["entities"].values()))
    article_id = target.articles[0].id
    code, out, err = cli(capsys, "retract", article_id, "--store", url)
    assert code == 0, err
    assert f"removed {drop['evidence']} evidence items, {sum(drop['relations'].values())} relations" in out
    assert stats(capsys, url) == minus(before, drop)
    code, _, err = cli(capsys, "retract", article_id, "--store", url)
    assert code == 1 and "no article" in err
