"""Unknown names typed by the words around them, known bodies kept to their own country, and one type per
unknown actor across the articles of one extraction run (invented names only)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Span

from api.cli import main
from graph.model import EntityType
from ingest.entities.descriptors import described_type
from ingest.lexicon import lexicon

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("Dozens of Karvosh Hand fighters stormed the village on Tuesday, residents said.", "Karvosh Hand",
     "ArmedGroup"),
    ("Selvan Renewal won 42 seats in the election, officials said.", "Selvan Renewal", "PoliticalParty"),
    ("The ruling Zelmar Dawn won the vote in the capital on Sunday.", "Zelmar Dawn", "PoliticalParty"),
])
def test_the_words_around_a_name_say_its_type(run, text: str, name: str, etype: str) -> None:
    assert run(text).types.get(name) == etype


def test_a_person_is_not_made_a_party_by_a_title_before_it(run) -> None:
    r = run("Opposition leader Tavo Brennik called for protests in the capital.")
    assert r.types.get("Tavo Brennik") == "Person", r.types


@pytest.mark.parametrize("text", [
    "Brazil's Federal Police raided the offices of the company.",
    "The Federal Police of Brazil raided the offices of the company.",
])
def test_a_known_body_owned_by_another_country_is_that_countrys(run, text: str) -> None:
    r = run(text)
    assert "Iraqi Federal Police" not in r.types, r.types
    assert r.types.get("Federal Police of Brazil") == "StateBody", r.types


def test_a_known_body_of_its_own_country_stays_known(run) -> None:
    r = run("Iraq's Federal Police raided the offices of the company.")
    assert r.types.get("Iraqi Federal Police") == "StateBody", r.types


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(f"title: {name}\npublished: 2024-03-01\n\n{body}\n", encoding="utf-8")
    return path


def test_one_run_gives_an_unknown_actor_one_type_and_id(tmp_path: Path, capsys) -> None:
    said = _write(tmp_path, "a1.txt", "The Drovak Lantern, an armed group active in the hills, attacked a "
                                      "convoy near the border on Monday.")
    bare = _write(tmp_path, "a2.txt", "Officials met representatives of the Drovak Lantern in the capital on "
                                      "Friday to discuss the release of prisoners.")
    assert main(["extract", str(said), str(bare), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    found = [(e["id"], e["type"]) for r in records for e in r["entities"] if e["name"] == "Drovak Lantern"]
    assert len(found) == 2 and len(set(found)) == 1 and found[0][1] == "ArmedGroup", found


def test_a_country_opening_a_longer_name_stays_in_it(run) -> None:
    r = run("The Chad Zorvan Liberation Front said its fighters had repelled the assault.")
    assert r.types.get("Chad Zorvan Liberation Front") == "ArmedGroup", r.types
    assert "Chad" not in r.types


def test_a_known_one_word_form_inside_a_transliterated_name_is_no_match(run) -> None:
    r = run("Militants from Jama'at Nasr al-Qorvan wal Zelmin ambushed a convoy near the border.")
    assert not any(t == "PoliticalParty" for t in r.types.values()), r.types  # "Nasr" is an Iraqi list


def test_a_lone_senate_in_an_article_about_another_country_is_that_countrys(run) -> None:
    r = run("In Thailand, the Zelmar Dawn Party won the most seats, but the Senate blocked its leader.")
    assert "United States Senate" not in r.types and r.types.get("Senate of Thailand") == "StateBody", r.types


def test_a_national_board_is_a_state_body(run) -> None:
    r = run("Ethiopia's National Election Board postponed the vote in two regions.")
    assert r.types.get("National Election Board of Ethiopia") == "StateBody", r.types


@pytest.mark.parametrize(("text", "name"), [
    ("The army retook Zorvan Kassa from the militia in January.", "Zorvan Kassa"),
    ("The rebels besieged Tel Morvak for weeks.", "Tel Morvak"),
])
def test_what_is_retaken_or_besieged_is_a_place(run, text: str, name: str) -> None:
    assert run(text).types.get(name) == "Location"



@pytest.mark.parametrize(("text", "name"), [
    ('"They came at night," said a local official, Selevo Marandu.', "Selevo Marandu"),
    ("The emirate was proclaimed in 2007 by Dakko Umarev, the last president of the breakaway republic.",
     "Dakko Umarev"),
    ("The group's spokesman, Orun Tadeva, denied any role.", "Orun Tadeva"),
])
def test_a_noun_only_people_are_says_person(nlp, run, text: str, name: str) -> None:
    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline[:6]:  # tagger, parser, lemmas: only the words around the name decide
        doc = proc(doc)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert described_type(Span(doc, span.start, span.end, label="ORG"), lexicon()) == EntityType.PERSON
    assert run(text).types.get(name) == "Person"
