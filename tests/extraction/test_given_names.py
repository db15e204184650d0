"""A short name opening with a given name of some locale is a person's, when nothing else typed it
(invented surnames; the given-name table is generated from Faker and checked against its source)."""

from __future__ import annotations

import pytest
import spacy

from ingest.entities.given_names import given_names, opens_with_given_name
from ingest.kb.data import build_given_names


def span_of(text: str) -> spacy.tokens.Span:
    doc = spacy.blank("en")(text)
    return doc[:]


@pytest.mark.parametrize("text", ["Ibrahim Tolvaro", "Kemal Tinubar", "Jorge Valtierra Ruiz",
                                  "Amadou Keltani", "Samir Al-Qadrouni"])
def test_a_known_given_name_opens_a_persons_name(text: str) -> None:
    assert opens_with_given_name(span_of(text))


@pytest.mark.parametrize("text", [
    "Ibrahim",  # one word says too little
    "North Varkan",  # a compass word, never a given name here
    "San Teodoro",  # a saint's place
    "Karim TV",  # an acronym is no surname
    "Omar 2019",  # digits
    "Brevand Tolvaro",  # no given name first
    "Ali Hassan Kholil Tavari Marun",  # five words: a longer title, not a name
])
def test_other_names_do_not(text: str) -> None:
    assert not opens_with_given_name(span_of(text))


def test_the_table_holds_many_locales_and_no_generic_openers() -> None:
    names = given_names()
    assert len(names) > 15_000
    assert {"mohammed", "ibrahim", "jorge", "amadou", "assimi", "sergei", "priya", "chinedu"} <= names
    assert not names & build_given_names.NOT_GIVEN


def test_the_committed_table_is_what_the_build_writes() -> None:
    assert build_given_names.OUTPUT.read_text(encoding="utf-8") == build_given_names.render()


@pytest.mark.model
def test_a_person_the_model_calls_an_organisation_is_a_person(run) -> None:
    r = run("Kemal Tinubar, Atiku Abubakor and Peter Obir ran for president.")  # the model: ORG
    assert r.types.get("Kemal Tinubar") == "Person", r.types
