"""Readers: every format, the header rules, offsets, folders and globs, and every bad input."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from graph.model import Article, article_id_for
from ingest.readers import ReadError, article_from_record, article_from_text, parse_header, read_paths
from ingest.readers.dates import normalize_date
from ingest.readers.markup import html_fragment_text, sniff

DATA = Path(__file__).parent / "data" / "readers"
GOOD = DATA / "good"
BROKEN = DATA / "broken"


def read(*paths: str | Path) -> list[Article | ReadError]:
    return list(read_paths([str(p) for p in paths]))


def file_of(source: str) -> str:
    """The file part of an item source ("a.jsonl:3" -> "a.jsonl", "f.rss#2" -> "f.rss")."""
    head, sep, tail = source.rpartition(":")
    if sep and tail.isdigit():
        return head
    return source.partition("#")[0]


def only_article(path: Path) -> Article:
    [item] = read(path)
    assert isinstance(item, Article), item
    return item


def only_error(path: Path) -> ReadError:
    [item] = read(path)
    assert isinstance(item, ReadError), item
    return item


# --- text with header -------------------------------------------------------------------


def test_header_fields_become_article_fields() -> None:
    article = only_article(GOOD / "header.txt")
    assert article.id == "fixture-kadhimi-drone"
    assert article.title == "Drone attack targets Iraqi prime minister's home"
    assert article.published == "2021-11-08"  # written "November 8, 2021"
    assert article.url == "https://example.org/news/kadhimi-drone"
    assert article.source == str(GOOD / "header.txt")


def test_body_is_exactly_the_text_after_the_blank_line() -> None:
    raw = (GOOD / "header.txt").read_text(encoding="utf-8")
    article = only_article(GOOD / "header.txt")
    start = raw.index("\n\n") + 2
    assert article.body == raw[start:].rstrip()
    # An offset into the body is the file offset minus the header length.
    needle = "Mustafa al-Kadhimi"
    assert article.body.index(needle) == raw.index(needle) - start
    assert "\n\n  Indented line kept as written." in article.body


def test_colon_in_first_line_is_not_a_header() -> None:
    article = only_article(GOOD / "no_header.txt")
    assert article.title == ""
    assert article.body.startswith("Iraq: Al Kadhimi attack shows militias")
    assert article.id == article_id_for(None, None, article.body)


@pytest.mark.parametrize(
    ("text", "fields", "body"),
    [
        ("title: T\npublished: 2021-01-02\n\nBody.", {"title": "T", "published": "2021-01-02"}, "Body."),
        ("Title: T\nURL: https://x.org/a\n\nBody.", {"title": "T", "url": "https://x.org/a"}, "Body."),
        ("title: T\n   \nBody.", {"title": "T"}, "Body."),  # a whitespace-only line is blank
        ("title: T\n\n\nBody.", {"title": "T"}, "\nBody."),  # body kept verbatim after the blank line
        ("title: T\r\nid: a-1\r\n\r\nLine one.\r\nLine two.", {"title": "T", "id": "a-1"},
         "Line one.\r\nLine two."),
        ("title: Kataib Hezbollah: a profile\n\nBody.", {"title": "Kataib Hezbollah: a profile"}, "Body."),
        ("date: 2024-03-01\nauthor: A. Writer\nbyline: Staff\nlanguage: en\n\nBody.",
         {"date": "2024-03-01", "author": "A. Writer", "byline": "Staff", "language": "en"}, "Body."),
        ("title: T\nsection: World\ndate: 2024-03-01\n\nBody.",  # an unknown key is kept, not fatal
         {"title": "T", "section": "World", "date": "2024-03-01"}, "Body."),
    ],
)
def test_header_is_recognised(text: str, fields: dict[str, str], body: str) -> None:
    assert parse_header(text) == (fields, body)


@pytest.mark.parametrize(
    "text",
    [
        "Iraq: Al Kadhimi attack\n\nBody.",  # unknown key
        "section: World\nwriter: someone\nauthor: X\n\nBody.",  # known keys are fewer than half
        "Iraq: Al Kadhimi attack\nBaghdad: drones\n\nBody.",  # a body of short "X: y" lines
        "title: T\ntitle: U\n\nBody.",  # a repeated key is no header
        "title: T\nThe minister said: no\n\nBody.",  # a sentence is no key
        "title: T\nno colon on this line\n\nBody.",
        "title: T\npublished: 2021-01-02",  # no blank line: the whole text is a body
        "\ntitle: T\n\nBody.",  # a header must start on the first line
        "Body with no header at all.",
    ],
)
def test_text_without_a_valid_header_is_all_body(text: str) -> None:
    assert parse_header(text) == ({}, text)


def test_a_wire_agency_is_the_publisher_without_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    article = article_from_text("title: T\nagency: Zanland Press Agency\n\nThe Front attacked.\n", "a.txt")
    assert isinstance(article, Article) and article.publisher == "Zanland Press Agency"
    assert "not ones I know" not in caplog.text


def test_date_and_publisher_header_keys_reach_the_article() -> None:
    text = "title: T\ndate: 12 March 2024\npublisher: Zanland Post\n\nThe Front attacked.\n"
    article = article_from_text(text, "t.txt")
    assert isinstance(article, Article)
    assert (article.title, article.published, article.publisher) == ("T", "2024-03-12", "Zanland Post")
    assert article.body == "The Front attacked."


def test_published_wins_over_date_and_a_bad_date_names_its_key() -> None:
    article = article_from_text("published: 2024-01-02\ndate: 2023-05-06\n\nBody.", "t.txt")
    assert isinstance(article, Article) and article.published == "2024-01-02"
    error = article_from_text("date: someday\n\nBody.", "t.txt")
    assert isinstance(error, ReadError) and "date date 'someday'" in error.reason


def test_unknown_header_key_is_logged_and_kept_out_of_the_body(caplog: pytest.LogCaptureFixture) -> None:
    article = article_from_text("title: T\nsection: World\n\nBody.", "t.txt")
    assert isinstance(article, Article) and article.body == "Body." and article.title == "T"
    assert "section" in caplog.text


def test_utf8_bom_is_dropped_before_the_header() -> None:
    article = only_article(GOOD / "bom_header.txt")
    assert article.title == "Sadrists win most seats"
    assert article.body.startswith("The movement of Muqtada al-Sadr")


def test_file_without_extension_is_read_as_text() -> None:
    article = only_article(GOOD / "plain_note")
    assert article.body.startswith("Kataib Hezbollah was designated")
    assert article.published is None


def test_article_from_text_and_record() -> None:
    article = article_from_text("title: Posted\npublished: 2022-10-27\n\nSudani took office.", "api")
    assert isinstance(article, Article)
    assert (article.title, article.published, article.body) == ("Posted", "2022-10-27", "Sudani took office.")
    record = article_from_record({"title": "R", "text": "Body text.", "date": "Oct 27, 2022"}, "api:1")
    assert isinstance(record, Article) and record.published == "2022-10-27"
    nulls = {"body": None, "text": "From text.", "published": None, "date": "2022-10"}
    fallback = article_from_record(nulls, "x")
    assert isinstance(fallback, Article) and (fallback.body, fallback.published) == ("From text.", "2022-10")
    assert article_from_record({"title": "R"}, "api:2") == ReadError(
        "api:2", "The record has no 'body' or 'text' field."
    )


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2021-11-08", "2021-11-08"),
        ("2021-11-08T23:10:00+03:00", "2021-11-08"),  # the publisher's calendar day, not UTC
        ("2021-11-08T10:00:00Z", "2021-11-08"),
        ("2021/11/08", "2021-11-08"),
        ("November 8, 2021", "2021-11-08"),
        ("Nov 8, 2021", "2021-11-08"),
        ("Nov. 8, 2021", "2021-11-08"),
        ("8 November 2021", "2021-11-08"),
        ("Monday, November 8, 2021", "2021-11-08"),
        ("Mon, 08 Nov 2021 01:00:00 +0300", "2021-11-08"),
        ("Mon, 08 Nov 2021 01:00:00 GMT", "2021-11-08"),
        ("2024-02", "2024-02"),
        ("February 2024", "2024-02"),
        ("  2021-11-08  ", "2021-11-08"),
    ],
)
def test_dates_are_normalised(text: str, iso: str) -> None:
    assert normalize_date(text) == iso


@pytest.mark.parametrize("text", ["", "someday", "2021-13-45", "31/31/2021", "2021", "November"])
def test_unreadable_dates_give_none(text: str) -> None:
    assert normalize_date(text) is None


# --- HTML -------------------------------------------------------------------------------


def test_html_main_text_title_date_and_url() -> None:
    article = only_article(GOOD / "page.html")
    assert article.title == "Iraq recount confirms Sadrist lead"
    assert article.published == "2021-11-30"
    assert article.url == "https://example.org/iraq/recount-sadrist-lead"
    assert article.publisher == "example.org"  # the site name trafilatura gives, else the host
    assert "kept its first place with 73 seats" in article.body
    assert "Fatah leader Hadi al-Amiri" in article.body
    for boilerplate in ("Subscribe today", "All rights reserved", "Privacy policy", "Markets wrap"):
        assert boilerplate not in article.body
    assert "<p>" not in article.body
    assert article.id == article_id_for(None, article.url, article.body)


def test_html_without_main_text_is_an_error() -> None:
    error = only_error(BROKEN / "empty.html")
    assert error.reason == "No main text could be found in the HTML page."


def test_html_fragment_text_keeps_paragraphs_and_drops_markup() -> None:
    html = "<p>One &amp; <b>two</b></p><script>x()</script><ul><li>a</li><li>b</li></ul>plain"
    assert html_fragment_text(html) == "One & two\na\nb\nplain"


# --- JSON Lines -------------------------------------------------------------------------


def test_jsonl_one_article_per_line_with_line_sources() -> None:
    items = read(GOOD / "articles.jsonl")
    assert all(isinstance(item, Article) for item in items)
    path = str(GOOD / "articles.jsonl")
    assert [item.source for item in items] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    first, second, third = items
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(third, Article)
    assert first.id == "fixture-jsonl-1" and first.published == "2020-01-03"
    assert second.body.startswith("The US Treasury sanctioned")  # from "text"
    assert second.published == "2021-01-08"  # from "date": "January 8, 2021"
    assert second.id == article_id_for(None, "https://example.org/j/2", second.body)
    assert third.published == "2019-03"
    assert third.id.startswith("sha:")


def test_jsonl_bad_lines_are_reported_and_good_lines_read() -> None:
    items = read(BROKEN / "mixed.jsonl")
    path = str(BROKEN / "mixed.jsonl")
    good = [item for item in items if isinstance(item, Article)]
    assert [a.id for a in good] == ["mixed-good-1", "mixed-good-2"]
    errors = {item.source: item.reason for item in items if isinstance(item, ReadError)}
    assert set(errors) == {f"{path}:{n}" for n in (2, 3, 4, 5, 6, 7)}
    assert errors[f"{path}:2"].startswith("Line 2: not valid JSON")
    assert "no 'body' or 'text' field" in errors[f"{path}:3"]
    assert "expected a JSON object" in errors[f"{path}:4"]
    assert "no body text" in errors[f"{path}:5"]
    assert "'someday' is not a date" in errors[f"{path}:6"]
    assert "must be a string" in errors[f"{path}:7"]


# --- RSS and Atom -----------------------------------------------------------------------


def test_rss_items_become_articles() -> None:
    items = read(GOOD / "feed.rss")
    assert all(isinstance(item, Article) for item in items)
    first, second, third = (item for item in items if isinstance(item, Article))
    assert [a.source for a in (first, second, third)] == [f"{GOOD / 'feed.rss'}#{n}" for n in (1, 2, 3)]
    assert first.title == "Houthis redesignated by Washington"
    assert first.published == "2024-01-17"
    assert first.body == (
        "The United States designated Ansar Allah as a Specially Designated Global Terrorist group.\n"
        "The move takes effect in 30 days."
    )
    assert first.url == "https://example.org/wire/houthis-redesignated"
    # Full content wins over the summary; the guid is the id when there is no link.
    assert second.body.endswith("Turnout was about 41 percent.")
    assert second.id == "guid:wire-2022-05-17-lebanon" and second.url is None
    assert second.published == "2022-05-17"  # local date of "23:30 +0300", not the UTC one
    assert third.published == "2021-02-26"


def test_atom_in_xml_file_is_sniffed_as_a_feed() -> None:
    items = read(GOOD / "atom.xml")
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.url == "https://example.org/atom/soleimani"
    assert first.body.startswith("A US drone strike near Baghdad airport")
    assert first.published == "2020-01-03"
    assert second.published == "2020-01-05"  # published wins over updated
    assert second.url is None and second.id == "guid:urn:fixture:atom:2"


def test_bad_feed_items_are_reported_and_good_ones_read(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="ingest.readers.markup"):
        first, second, third = read(BROKEN / "mixed.rss")
    assert isinstance(first, Article) and first.published == "2021-11-07"
    reason = "Feed item 2: the item has no content or summary text."
    assert second == ReadError(f"{BROKEN / 'mixed.rss'}#2", reason)
    # A third-party date that cannot be read is dropped with a log line, not an error.
    assert isinstance(third, Article) and third.published is None
    assert "sometime soon" in caplog.text


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "feed"),
        (b"<!DOCTYPE html><html><body>", "html"),
        (b'\xef\xbb\xbf<html lang="en">', "html"),
        (b"<?xml version='1.0'?><config/>", "xml"),
        (b"title: x\n\nbody", "text"),
    ],
)
def test_sniffing(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


# --- bad inputs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "The file is empty."),
        ("blank.txt", "The file is empty."),
        ("binary.txt", "The file is binary (it contains NUL bytes), not text."),
        ("cp1252.txt", "The text is not valid UTF-8 (byte 0xe9 at offset 10); re-save it as UTF-8."),
        ("utf16.txt", "The file is UTF-16 text; only UTF-8 is read, so re-save it as UTF-8."),
        ("header_only.txt", "The article has no body text."),
        ("bad_date.txt", "The header's published date '2021-13-45' is not a date I can read"),
        ("not_a_feed.xml", "The XML file is not an RSS or Atom feed."),
        ("broken.rss", "Not a readable RSS or Atom feed"),
        ("scan.pdf", "Unsupported file type '.pdf'"),
    ],
)
def test_bad_file_gives_a_clear_error(name: str, reason: str) -> None:
    error = only_error(BROKEN / name)
    assert error.source == str(BROKEN / name)
    assert error.reason.startswith(reason)


def test_nonexistent_path_and_empty_glob() -> None:
    assert read("no/such/file.txt") == [ReadError("no/such/file.txt", "No such file or directory.")]
    assert read(f"{DATA}/*.nothing") == [ReadError(f"{DATA}/*.nothing", "No file matches this pattern.")]


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "missing-target.txt")
    [error] = read(dangling)
    assert isinstance(error, ReadError)
    assert error.reason == "Cannot read the file: No such file or directory."


# --- folders and globs ------------------------------------------------------------------


def test_folder_reads_good_items_and_reports_bad_ones_in_sorted_order() -> None:
    items = read(BROKEN)
    sources = [item.source for item in items]
    files = [file_of(source) for source in sources]
    assert files == sorted(files)  # sorted by name, folder contents in place
    assert not any(".hidden" in s for s in sources)
    assert str(BROKEN / "nested" / "deeper.txt") in sources
    articles = [item for item in items if isinstance(item, Article)]
    assert len(articles) == 5  # 2 JSON Lines + 2 feed items + the nested article
    assert read(BROKEN) == items  # deterministic


def test_folder_sources_keep_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(GOOD, tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    sources = [item.source for item in read_paths(["in/"])]
    assert "in/header.txt" in sources and "in/feed.rss#2" in sources


def test_glob_and_duplicates(tmp_path: Path) -> None:
    items = read(f"{GOOD}/*.txt", GOOD / "header.txt", f"{GOOD}/**/*.txt")
    assert [item.source for item in items] == [
        str(GOOD / "bom_header.txt"), str(GOOD / "header.txt"), str(GOOD / "no_header.txt")
    ]


def test_whole_good_folder_reads_without_errors() -> None:
    items = read(GOOD)
    assert not [item for item in items if isinstance(item, ReadError)]
    assert len(items) == 4 + 3 + 2 + 3 + 1  # text files + JSON Lines + Atom + RSS + HTML
    ids = [item.id for item in items if isinstance(item, Article)]
    assert len(set(ids)) == len(ids)
