"""`actorgraph extract` through the CLI entry point: exact FORMAT.md output, per-item errors."""

import json
from pathlib import Path

import pytest

from api.cli import main
from api.commands.extract import table

pytestmark = pytest.mark.model

ARTICLE = """title: Test article
published: 2021-11-08

The drone attack aimed at Prime Minister Mustafa Al Kadhimi's residence in Baghdad failed.
Asaib is designated as a terrorist organisation by the US State Department.
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("title: nothing\n\n   \n", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02")
    return {"good": good, "empty": empty, "binary": binary}


def test_jsonl_is_the_format_of_format_md(files, capsys):
    assert main(["extract", str(files["good"]), "--format", "jsonl"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    rec = json.loads(line)
    assert set(rec) == {"article", "entities", "relations"}
    assert rec["article"] == {"id": rec["article"]["id"], "source": str(files["good"]),
                              "title": "Test article", "published": "2021-11-08"}
    body = ARTICLE.split("\n\n", 1)[1]
    for ent in rec["entities"]:
        assert set(ent) == {"id", "name", "type", "aliases", "external_ids", "mentions"}
        assert ent["id"].startswith(ent["type"].lower() + ":")
        for m in ent["mentions"]:
            assert body[m["start"]:m["end"]] == m["text"]
    ids = {e["id"] for e in rec["entities"]}
    assert rec["relations"]
    for rel in rec["relations"]:
        assert set(rel) == {"subject", "predicate", "object", "attrs", "confidence", "evidence"}
        assert {rel["subject"], rel["object"]} <= ids and 0 < rel["confidence"] <= 1
        for ev in rel["evidence"]:
            assert body[ev["start"]:ev["end"]].strip() == ev["sentence"]
    assert "armedgroup:asaib-ahl-al-haq" in ids


def test_json_and_table_formats(files, capsys):
    assert main(["extract", str(files["good"]), "--format", "json"]) == 0
    (rec,) = json.loads(capsys.readouterr().out)
    assert rec["article"]["title"] == "Test article"
    assert main(["extract", str(files["good"]), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "-DESIGNATED_TERRORIST_BY-> US State Department" in out
    assert table(rec).startswith(f"== {files['good']}")


def test_bad_items_are_reported_and_the_rest_goes_on(files, capsys):
    code = main(["extract", str(files["empty"]), str(files["binary"]), str(files["good"])])
    captured = capsys.readouterr()
    assert code == 1
    assert len(captured.out.splitlines()) == 1
    assert "empty.txt" in captured.err and "blob.txt" in captured.err


def test_workers_give_the_same_output(files, capsys):
    assert main(["extract", str(files["good"]), str(files["good"].parent / "*.txt")]) == 1
    one = capsys.readouterr().out
    assert main(["extract", "--workers", "2", str(files["good"])]) == 0
    two = capsys.readouterr().out
    assert one == two


def test_unknown_format_is_a_usage_error(files):
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(files["good"]), "--format", "xml"])
    assert exc.value.code == 2


def test_missing_model_is_a_clear_usage_error(files, capsys, monkeypatch):
    monkeypatch.setenv("ACTORGRAPH_SPACY_MODEL", "no_such_pipeline")
    assert main(["extract", "--workers", "2", str(files["good"])]) == 2
    assert "no_such_pipeline" in capsys.readouterr().err
