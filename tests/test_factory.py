"""The store factory: one URL in, the right store out; bad URLs and secrets handled."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from graph.embedded.store import EmbeddedStore
from graph.errors import StoreConfigError, StoreUnavailable
from graph.factory import StoreURL, open_store, parse_store_url, redact
from graph.model import Batch, Entity, EntityType
from graph.store import GraphStore

SECRET = "s3cr3t-p@ss"
SECRET_IN_URL = "s3cr3t-p%40ss"


def test_embedded_absolute(tmp_path: Path) -> None:
    parsed = parse_store_url(f"embedded://{tmp_path}/a/b/graph.db")
    assert parsed == StoreURL("embedded", path=tmp_path / "a" / "b" / "graph.db")


def test_embedded_relative_to_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert parse_store_url("embedded://data/graph.db").path == tmp_path / "data" / "graph.db"
    assert parse_store_url("embedded://./graph.db").path == tmp_path / "graph.db"
    assert parse_store_url("embedded://my%20graphs/g.db").path == tmp_path / "my graphs" / "g.db"


def test_open_embedded_creates_parent_dirs_on_first_use(tmp_path: Path) -> None:
    store = open_store(f"embedded://{tmp_path}/new/dir/graph.db")
    assert isinstance(store, EmbeddedStore) and isinstance(store, GraphStore)
    assert not (tmp_path / "new").exists()
    store.write(Batch(entities=(Entity("person:a", "A", EntityType.PERSON),)))
    assert (tmp_path / "new" / "dir" / "graph.db").is_file()
    store.close()
    again = open_store(f"EMBEDDED://{tmp_path}/new/dir/graph.db")
    assert again.get_entity("person:a") is not None
    again.close()


@pytest.mark.parametrize("url", ["embedded://", "embedded:///", "embedded:graph.db", "embedded:///x.db?mode=ro",
                                 "embedded://user:pw@x/graph.db", "embedded:///x.db#frag"])
def test_bad_embedded_urls(url: str) -> None:
    with pytest.raises(StoreConfigError):
        parse_store_url(url)


@pytest.mark.parametrize("scheme", ["neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"])
def test_neo4j_schemes_defaults(scheme: str) -> None:
    parsed = parse_store_url(f"{scheme}://db.example.org")
    assert (parsed.scheme, parsed.uri, parsed.database, parsed.auth) == (
        scheme, f"{scheme}://db.example.org:7687", "neo4j", None)


def test_neo4j_url_with_everything() -> None:
    parsed = parse_store_url(f"neo4j+s://analyst:{SECRET_IN_URL}@graph.example.org:7777/iraq?region=eu")
    assert parsed.uri == "neo4j+s://graph.example.org:7777?region=eu"
    assert parsed.database == "iraq"
    assert parsed.auth == ("analyst", SECRET)


def test_ipv6_host_keeps_brackets() -> None:
    assert parse_store_url("bolt://[::1]:7688/").uri == "bolt://[::1]:7688"


def test_explicit_credentials_fill_in_and_url_wins() -> None:
    assert parse_store_url("bolt://h", user="u", password="p").auth == ("u", "p")
    assert parse_store_url("bolt://url:fromurl@h", user="u", password="p").auth == ("url", "fromurl")
    assert parse_store_url("bolt://url@h", password="p").auth == ("url", "p")


@pytest.mark.parametrize(("url", "kwargs"), [
    ("bolt://h", {"user": "u"}),
    ("bolt://h", {"password": "p"}),
    ("bolt://u@h", {}),
    ("bolt://h:notaport", {}),
    ("bolt://h:99999", {}),
    ("bolt:///neo4j", {}),
    ("bolt://h/a/b", {}),
    ("bolt://h/bad name", {}),
    ("bolt://h?policy=eu", {}),
    ("neo4j://h#x", {}),
    ("mysql://h/db", {}),
    ("graph.db", {}),
    ("", {}),
])
def test_bad_neo4j_urls(url: str, kwargs: dict[str, str]) -> None:
    with pytest.raises(StoreConfigError):
        parse_store_url(url, **kwargs)


def test_password_never_shown(caplog: pytest.LogCaptureFixture) -> None:
    url = f"neo4j://analyst:{SECRET_IN_URL}@localhost:1/db"
    assert SECRET not in repr(parse_store_url(url))
    assert redact(url) == "neo4j://analyst:***@localhost:1/db"
    assert redact("embedded:///x.db") == "embedded:///x.db"
    with pytest.raises(StoreConfigError) as err:
        parse_store_url(f"neo4j://analyst:{SECRET_IN_URL}@localhost:bad/db")
    assert SECRET not in str(err.value) and SECRET_IN_URL not in str(err.value)
    caplog.set_level(logging.DEBUG)
    store = open_store(url)
    store.close()
    assert caplog.records and all(SECRET not in r.getMessage() for r in caplog.records)
    assert SECRET not in repr(store)


def test_open_neo4j_builds_a_store_without_connecting() -> None:
    from graph.neo4j.store import Neo4jStore

    store = open_store("bolt://127.0.0.1:1/neo4j", user="neo4j", password="unused")
    assert isinstance(store, Neo4jStore) and isinstance(store, GraphStore)
    store.close()


def test_neo4j_store_from_url_works_and_close_releases_the_driver(neo4j_settings: object) -> None:
    settings = neo4j_settings
    store = open_store(f"{settings.uri}/neo4j", user=settings.user, password=settings.password)  # type: ignore[attr-defined]
    store.ensure_schema()
    assert store.counts().articles >= 0
    store.close()
    with pytest.raises(StoreUnavailable):
        store.counts()
