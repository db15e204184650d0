"""The sample corpus in examples/articles reads cleanly and is complete enough to build a graph from."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from graph.model import Article
from ingest.readers import ReadError, parse_header, read_paths

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "articles"


@pytest.fixture(scope="module")
def items() -> list[Article | ReadError]:
    return list(read_paths([str(CORPUS)]))


def kind(article: Article) -> str:
    """Which file format an article came from, by its source."""
    name = article.source.rsplit("/", 1)[-1]
    if "#" in name:
        return "rss"
    if ".jsonl:" in name:
        return "jsonl"
    return name.rsplit(".", 1)[-1]


def test_every_item_reads_without_error(items: list[Article | ReadError]) -> None:
    assert [item for item in items if isinstance(item, ReadError)] == []


def test_every_format_is_represented(items: list[Article | ReadError]) -> None:
    counts = Counter(kind(item) for item in items if isinstance(item, Article))
    assert counts["txt"] >= 25
    assert counts["html"] >= 1
    assert counts["jsonl"] >= 3
    assert counts["rss"] >= 3


def test_every_article_has_title_date_body_and_a_unique_id(items: list[Article | ReadError]) -> None:
    articles = [item for item in items if isinstance(item, Article)]
    for article in articles:
        assert article.title, article.source
        assert article.published and len(article.published) == 10, article.source
        assert article.body.strip(), article.source
    ids = Counter(article.id for article in articles)
    assert [i for i, n in ids.items() if n > 1] == []


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_text_articles_follow_the_corpus_conventions(path: Path) -> None:
    fields, body = parse_header(path.read_text(encoding="utf-8"))
    assert fields["source"] == "actorgraph sample corpus"
    assert fields["id"] == f"sample-{path.stem}"
    assert path.stem.startswith(fields["published"])
    assert 150 <= len(body.split()) <= 400
