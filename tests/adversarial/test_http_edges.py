"""Issue 12, items 5 and 7 and the fuzzer's findings: every hostile request gets a clear answer.

Ids with `/` (feed guids are URLs) could not be deleted; JSON nested 100,000 deep gave 500;
a 3 MB chunked body gave 400; 401 had no challenge; impossible dates passed the schema;
cross-field rules were unstated.
"""

from __future__ import annotations

import http.client
import json
import urllib.parse
from collections.abc import Iterator

import pytest

from graph.store import GraphStore
from tests.adversarial import hostile
from tests.api.served import TOKEN, Client, serving
from tests.contract.fixture_graph import IRAN, KADHIMI

AUTH = {"Authorization": f"Bearer {TOKEN}"}
LIMIT = 2_000_000


def raw_post(api: Client, path: str, chunks: Iterator[bytes], headers: dict[str, str]
             ) -> tuple[int, dict[str, str], bytes]:
    """POST with `Transfer-Encoding: chunked` (urllib always sends a length)."""
    host, port = urllib.parse.urlsplit(api.base).netloc.split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    conn.putrequest("POST", path)
    for name, value in {**headers, "Transfer-Encoding": "chunked"}.items():
        conn.putheader(name, value)
    conn.endheaders()
    try:
        for chunk in chunks:
            conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        conn.send(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server may answer 413 and close before the rest is sent
    reply = conn.getresponse()
    return reply.status, dict(reply.getheaders()), reply.read()


def quoted(value: str) -> str:
    return urllib.parse.quote(value, safe="")


@pytest.mark.parametrize("encode", [True, False], ids=["percent-encoded", "raw"])
def test_entity_routes_take_ids_with_slashes(hostile_api: Client, encode: bool) -> None:
    eid = quoted(hostile.SLASHED) if encode else hostile.SLASHED
    assert hostile_api.get(f"/api/v1/entities/{eid}").json["id"] == hostile.SLASHED
    for tail in ("neighbors", "timeline"):
        reply = hostile_api.get(f"/api/v1/entities/{eid}/{tail}")
        assert reply.status == 200 and reply.json["entity"] == hostile.SLASHED and reply.json["items"]


def test_article_with_a_url_id_can_be_deleted(hostile_store: GraphStore) -> None:
    # A served copy of the store's state: the article goes, so the module's graph is restored after.
    from tests.adversarial.hostile import HOSTILE_BATCH

    with serving(hostile_store) as api:
        path = f"/api/v1/articles/{quoted(hostile.ARTICLE.id)}"
        assert api.request("DELETE", path).status == 401
        gone = api.request("DELETE", path, headers=AUTH)
        assert gone.status == 200 and gone.json["article_id"] == hostile.ARTICLE.id
        assert api.request("DELETE", path, headers=AUTH).status == 404
    hostile_store.write(HOSTILE_BATCH)


def test_401_carries_a_bearer_challenge(hostile_api: Client) -> None:
    reply = hostile_api.request("POST", "/api/v1/articles", body={"body": "x"})
    assert reply.status == 401 and reply.headers["WWW-Authenticate"].startswith("Bearer")
    spec = hostile_api.get("/openapi.json").json["paths"]["/api/v1/articles"]["post"]["responses"]
    assert "WWW-Authenticate" in spec["401"]["headers"]


def test_deeply_nested_json_is_a_400(hostile_api: Client) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    for body in (deep, b'{"articles": ' + deep + b"}"):
        reply = hostile_api.request("POST", "/api/v1/articles", data=body,
                                    headers={**AUTH, "Content-Type": "application/json"})
        assert reply.status == 400 and "nested too deeply" in reply.json["detail"]


def test_chunked_body_over_the_limit_is_a_413(hostile_api: Client) -> None:
    body = json.dumps({"body": "x" * (LIMIT + 1_000_000)}).encode()
    chunks = (body[i:i + 65536] for i in range(0, len(body), 65536))
    status, _, text = raw_post(hostile_api, "/api/v1/articles", chunks,
                               {**AUTH, "Content-Type": "application/json"})
    assert status == 413 and json.loads(text)["limit"] == LIMIT


def test_small_chunked_body_is_read(hostile_api: Client) -> None:
    body = json.dumps({"articles": []}).encode()  # valid JSON, invalid request: the body was read
    status, _, text = raw_post(hostile_api, "/api/v1/articles", iter([body]),
                               {**AUTH, "Content-Type": "application/json"})
    assert status == 422 and "articles" in json.loads(text)["detail"]


def test_an_article_over_the_character_limit_is_refused_before_extraction(hostile_api: Client) -> None:
    from api.schemas import MAX_ARTICLE_CHARS

    reply = hostile_api.request("POST", "/api/v1/articles", headers=AUTH,
                                body={"body": "word " * (MAX_ARTICLE_CHARS // 5 + 1)})
    assert reply.status == 422 and "body" in reply.json["detail"]
    schema = hostile_api.get("/openapi.json").json["components"]["schemas"]["ArticleIn"]
    assert schema["properties"]["body"]["maxLength"] == MAX_ARTICLE_CHARS


@pytest.mark.parametrize("date", ["3201-47-47", "2021-02-29", "2021-04-31", "2021-13", "0999", "2021-1-1"])
def test_impossible_dates_are_a_400(hostile_api: Client, date: str) -> None:
    for path in ("/api/v1/subgraph", "/api/v1/analytics/centrality"):
        reply = hostile_api.get(path, center=KADHIMI, since=date)
        assert reply.status == 400 and "since" in reply.json["detail"], reply.text


def test_real_leap_day_is_accepted(hostile_api: Client) -> None:
    assert hostile_api.get("/api/v1/subgraph", center=KADHIMI, since="2024-02-29").status == 200


CROSS_FIELD = [
    ("/api/v1/subgraph", {"center": KADHIMI, "since": "2022-01-01", "until": "2021-01-01"}, "since"),
    ("/api/v1/paths", {"source": KADHIMI, "target": KADHIMI}, "source"),
    ("/api/v1/entities", {"q": "!!!"}, "q"),
]


@pytest.mark.parametrize(("path", "query", "field"), CROSS_FIELD, ids=["window", "paths", "search"])
def test_cross_field_rules_are_400_and_documented(hostile_api: Client, path: str, query: dict[str, str],
                                                  field: str) -> None:
    reply = hostile_api.get(path, **query)
    assert reply.status == 400 and reply.content_type == "application/problem+json"
    params = hostile_api.get("/openapi.json").json["paths"][path]["get"]["parameters"]
    described = next(p for p in params if p["name"] == field)
    assert "400" in described.get("description", ""), described


@pytest.mark.parametrize("value", ["-0.1", "1.5", "nan", "high"])
def test_min_confidence_outside_0_1_is_a_400(hostile_api: Client, value: str) -> None:
    reply = hostile_api.get("/api/v1/paths", source=KADHIMI, target=IRAN, min_confidence=value)
    assert reply.status == 400 and "min_confidence" in reply.json["detail"]
