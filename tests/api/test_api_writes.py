"""Writes over HTTP on both stores: retract an article; ingest posted articles (spaCy model)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import GraphStore
from tests.api.served import TOKEN, Client, serving
from tests.contract.fixture_graph import IRAN, KH, P, rid
from tests.queries import stores

AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {
    "id": "api-test-1",
    "title": "Militia leader meets envoy",
    "published": "2023-03-02",
    "source": "test",
    "body": ("Qais al-Khazali, the leader of Asaib Ahl al-Haq, met Iraqi Prime Minister Mohammed "
             "Shia al-Sudani in Baghdad on Thursday. Kataib Hezbollah, an Iran-backed militia, "
             "said it would keep its weapons."),
}


@pytest.fixture(params=stores.STORES)
def fresh(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Client, GraphStore]]:
    """A writable store with the fixture graph, served over HTTP; emptied per test."""
    if request.param == "embedded":
        store: GraphStore = stores.embedded(tmp_path)
    else:
        store = stores.neo4j(request.getfixturevalue("neo4j_driver"))
    stores.load(store)
    with serving(store) as client:
        yield client, store
    store.close()


def test_delete_article_retracts_what_only_it_supported(fresh: tuple[Client, GraphStore]) -> None:
    api, store = fresh
    before = store.counts()
    reply = api.request("DELETE", "/api/v1/articles/ap-2020-01-05-sanctions", headers=AUTH)
    assert reply.status == 200, reply.text
    gone = reply.json
    assert gone["article_id"] == "ap-2020-01-05-sanctions" and gone["evidence"] == 6
    after = store.counts()
    assert after.articles == before.articles - 1 and after.evidence == before.evidence - 6
    profile = api.get(f"/api/v1/entities/{KH}").json
    assert profile["relation_counts"]["BACKED_BY"] == 1  # still backed by Iran in the drone article
    evidence = api.get(f"/api/v1/relations/{rid(KH, P.BACKED_BY, IRAN)}/evidence").json["items"]
    assert [e["article_id"] for e in evidence] == ["reuters-2021-11-07-drone"]
    again = api.request("DELETE", "/api/v1/articles/ap-2020-01-05-sanctions", headers=AUTH)
    assert again.status == 404


@pytest.mark.model
@pytest.mark.slow
def test_post_articles_ingests_and_skips_repeats(fresh: tuple[Client, GraphStore]) -> None:
    api, store = fresh
    reply = api.request("POST", "/api/v1/articles", body=ARTICLE, headers=AUTH)
    assert reply.status == 200, reply.text
    body = reply.json
    assert body["written"] == 1 and body["ids"] == ["api-test-1"] and body["relations"] >= 1
    assert store.get_article("api-test-1") is not None
    found = api.get("/api/v1/entities", q="Khazali").json["items"]
    assert found and found[0]["type"] == "Person"
    repeat = api.request("POST", "/api/v1/articles", body={"articles": [ARTICLE]}, headers=AUTH).json
    assert repeat["written"] == 0 and repeat["skipped"] == 1
