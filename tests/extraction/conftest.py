"""Fixtures for the extraction tests: the pipeline loads once per session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from graph.model import Article, article_id_for
from ingest.entities import cached_kb
from ingest.extract import Extraction, extract
from ingest.pipeline import build_pipeline


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The full extraction pipeline over the default model (built once)."""
    return build_pipeline()


@pytest.fixture(scope="session")
def kb() -> Any:
    """The packaged knowledge base."""
    return cached_kb(())


def article(body: str, published: str | None = "2021-11-08", source: str = "test.txt") -> Article:
    """A test article with a stable id."""
    return Article(id=article_id_for(None, None, body), source=source, body=body, published=published)


class Result:
    """An extraction seen through names: relations as (subject, predicate, object) name triples."""

    def __init__(self, ex: Extraction) -> None:
        self.ex = ex
        self.names = {e.id: e.name for e in ex.entities}
        self.types = {e.name: e.type.value for e in ex.entities}
        self.triples = {(self.names[r.subject], r.predicate.value, self.names[r.object])
                        for r in ex.relations}

    def attrs(self, subject: str, predicate: str, obj: str) -> dict[str, Any]:
        for r in self.ex.relations:
            if (self.names[r.subject], r.predicate.value, self.names[r.object]) == (subject, predicate, obj):
                return dict(r.attrs)
        raise KeyError((subject, predicate, obj))

    def of(self, predicate: str) -> set[tuple[str, str, str]]:
        return {t for t in self.triples if t[1] == predicate}

    def events(self) -> set[str]:
        """Names of the Event entities."""
        return {name for name, kind in self.types.items() if kind == "Event"}

    def one_event(self, *words: str) -> str:
        """The one Event whose name holds all the words (lower case); fails on none or several."""
        (name,) = [n for n in self.events() if all(w in n.lower() for w in words)]
        return name


@pytest.fixture(scope="session")
def run(nlp: Any, kb: Any) -> Callable[..., Result]:
    """Extract one text and view the result by names."""
    def go(body: str, published: str | None = "2021-11-08") -> Result:
        (out,) = list(extract([article(body, published)], nlp, kb))
        assert isinstance(out, Extraction)
        return Result(out)
    return go
