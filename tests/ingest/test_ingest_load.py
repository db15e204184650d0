"""The batch loader over a real embedded store: hash planning, replacement, dates, retries, reports."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded.store import EmbeddedStore
from graph.errors import StoreUnavailable
from graph.model import Article, Batch, Entity, EntityType, Evidence, Predicate, Relation, entity_id
from ingest.load import Loader, Plan, RetryPolicy, chunked, run_ingest, with_evidence_dates
from ingest.progress import Failure, Progress, summary, write_failures
from ingest.readers.common import ReadError
from ingest.resolve import Resolver

G, C = EntityType.ARMED_GROUP, EntityType.COUNTRY
KH = Entity(entity_id(G, "Kataib Hezbollah"), "Kataib Hezbollah", G)
IRAN = Entity(entity_id(C, "Iran"), "Iran", C)
US = Entity(entity_id(C, "United States"), "United States", C)


def one_article(article_id: str, body: str, sponsor: Entity, published: str | None = "2021-11-08") -> Batch:
    """An article stating that KH is backed by `sponsor`, as an extraction would give it."""
    art = Article(article_id, f"{article_id}.txt", body=body, published=published)
    ev = Evidence(article_id, body, 0, len(body))
    rel = Relation(KH.id, Predicate.BACKED_BY, sponsor.id, evidence=(ev,), confidence=0.9)
    return Batch((art,), (KH, sponsor), (rel,), ((article_id, KH.id), (article_id, sponsor.id)))


def load(loader: Loader, batch: Batch) -> Plan:
    plan = loader.plan(batch.articles)
    if plan.todo:
        loader.load(batch, plan)
    return plan


def test_same_article_twice_changes_nothing(store: EmbeddedStore) -> None:
    loader = Loader(store, Resolver(store))
    batch = one_article("a1", "Kataib Hezbollah is backed by Iran.", IRAN)
    assert len(load(loader, batch).new) == 1
    before = store.counts()
    again = Loader(store, Resolver(store))
    plan = load(again, batch)
    assert (len(plan.unchanged), plan.todo) == (1, ())
    assert store.counts() == before


def test_changed_version_replaces_its_evidence(store: EmbeddedStore) -> None:
    load(Loader(store, Resolver(store)), one_article("a1", "Kataib Hezbollah is backed by Iran.", IRAN))
    v2 = one_article("a1", "Kataib Hezbollah is backed by the United States, it says.", US)
    plan = load(Loader(store, Resolver(store)), v2)
    assert [a.id for a in plan.changed] == ["a1"]
    counts = store.counts()
    assert counts.articles == 1 and counts.evidence == 1
    assert counts.entities == {"ArmedGroup": 1, "Country": 1}
    assert store.get_entity(IRAN.id) is None


def test_evidence_takes_the_article_date(store: EmbeddedStore) -> None:
    batch = with_evidence_dates(one_article("a1", "Kataib Hezbollah is backed by Iran.", IRAN, "2020-01-03"))
    assert batch.relations[0].evidence[0].date == "2020-01-03"
    load(Loader(store, Resolver(store)), one_article("a1", "Kataib Hezbollah is backed by Iran.", IRAN,
                                                     "2020-01-03"))
    load(Loader(store, Resolver(store)), one_article("a2", "Iran backs Kataib Hezbollah.", IRAN, "2021-06"))
    edge = store.subgraph([KH.id]).edges[0]
    assert (edge.first_seen, edge.last_seen, edge.evidence_count) == ("2020-01-03", "2021-06", 2)


def test_plan_sees_repeats_within_a_run(store: EmbeddedStore) -> None:
    loader = Loader(store, Resolver(store))
    a = Article("a1", "a1.txt", body="one")
    plan = loader.plan([a, Article("a1", "a1.txt", body="two")])  # last version wins
    assert [x.body for x in plan.new] == ["two"]
    assert loader.plan([Article("a1", "a1.txt", body="two")]).unchanged
    assert loader.plan([a]).changed


def test_retry_backs_off_then_succeeds() -> None:
    sleeps: list[float] = []
    calls = iter([StoreUnavailable("down"), StoreUnavailable("down"), "ok"])

    def flaky() -> str:
        out = next(calls)
        if isinstance(out, Exception):
            raise out
        return out

    assert RetryPolicy(attempts=3, base_delay=0.5, sleep=sleeps.append).call("write", flaky) == "ok"
    assert sleeps == [0.5, 1.0]


def test_retry_gives_up_with_a_clear_error() -> None:
    sleeps: list[float] = []

    def down() -> None:
        raise StoreUnavailable("connection refused")

    policy = RetryPolicy(attempts=4, base_delay=1, max_delay=2, sleep=sleeps.append)
    with pytest.raises(StoreUnavailable, match="write failed after 4 attempts: connection refused"):
        policy.call("write", down)
    assert sleeps == [1, 2, 2]


def test_run_ingest_reports_read_and_extract_failures(store: EmbeddedStore, caplog: pytest.LogCaptureFixture
                                                      ) -> None:
    good = one_article("a1", "Kataib Hezbollah is backed by Iran.", IRAN)
    items = [good.articles[0], ReadError("bad.txt", "Not UTF-8."), Article("a2", "a2.txt", body="?")]

    def extract(articles: object) -> Iterator[Batch | Failure]:
        for art in articles:  # type: ignore[attr-defined]
            yield good if art.id == "a1" else Failure(art.source, "extract", "boom", art.id)

    progress = Progress(io.StringIO(), tty=False)
    with caplog.at_level(logging.INFO, logger="ingest"):
        tally = run_ingest(items, Loader(store, Resolver(store)), extract, progress, batch_size=2)
    assert (tally.read, tally.new, tally.exit_code()) == (2, 1, 1)
    assert [(f.stage, f.source) for f in tally.failures] == [("read", "bad.txt"), ("extract", "a2.txt")]
    assert any("batch 1:" in r.getMessage() for r in caplog.records)
    text = summary(tally, 1.0)
    assert "1 new" in text and "2 items failed" in text and "read     bad.txt: Not UTF-8." in text


def test_failures_file_is_json_lines(tmp_path: Path) -> None:
    out = tmp_path / "failures.jsonl"
    write_failures(out, [Failure("x.html", "read", "Empty.", None), Failure("y.txt", "extract", "e", "y")])
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows[1] == {"source": "y.txt", "stage": "extract", "reason": "e", "article_id": "y"}


def test_tty_progress_draws_a_bar() -> None:
    stream = io.StringIO()
    progress = Progress(stream, tty=True)
    progress.read(3)
    progress.fail(Failure("bad.txt", "read", "Empty."))
    progress.close()
    assert "3art" in stream.getvalue().replace(" ", "") and "bad.txt" in stream.getvalue()


def test_chunked() -> None:
    assert list(chunked(range(5), 2)) == [[0, 1], [2, 3], [4]]


def test_stats_and_retract_commands(store: EmbeddedStore, capsys: pytest.CaptureFixture[str]) -> None:
    from api.cli import main

    load(Loader(store, Resolver(store)), one_article("a1", "Kataib Hezbollah is backed by Iran.", IRAN))
    store.close()
    url = f"embedded://{store.path}"
    assert main(["stats", "--store", url]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[:3] == ["articles  1", "evidence  1", "entities  2"]
    assert "  BACKED_BY                1" in table
    assert main(["retract", "a1", "--store", url]) == 0
    assert capsys.readouterr().out.strip() == (
        "retracted a1: removed 1 evidence items, 1 relations and 2 entities left without support")
    assert main(["stats", "--json", "--store", url]) == 0
    assert json.loads(capsys.readouterr().out) == {"articles": 0, "entities": {}, "relations": {},
                                                   "evidence": 0}
