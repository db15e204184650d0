"""Foreign-script glosses and "also known as" brackets are aliases of the actor, not actors."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from ingest.entities.glosses import gloss_aliases


def test_gloss_parts_become_aliases_and_inner_names_are_dropped() -> None:
    doc = spacy.blank("en")("The Zarqan Front (Arabic: جبهة زرقان, Jabhat Zarqan al-Islami) fought on.")
    front = Span(doc, 1, 3, label="ORG")
    jabhat = doc.char_span(doc.text.index("Jabhat"), doc.text.index(")"), label="PERSON")
    assert jabhat is not None
    kept, aliases = gloss_aliases(doc, [front, jabhat])
    assert kept == [front]
    assert aliases == {"1:3": ["Jabhat Zarqan al-Islami"]}


def test_a_plain_bracket_is_no_gloss() -> None:
    doc = spacy.blank("en")("The Zarqan Front (ZF) met the Vell Brigades (in Velmar) on Monday.")
    spans = [Span(doc, 1, 3, label="ORG"), Span(doc, 8, 10, label="ORG")]
    kept, aliases = gloss_aliases(doc, spans)
    assert kept == spans and aliases == {}


def test_a_listings_personal_details_are_no_aliases() -> None:
    doc = spacy.blank("en")("VARDAN, Omar Kelat (a.k.a. Abu Tarvik; a.k.a. Omar al-Vardani; DOB 01 Jan 1970; "
                            "POB Velmar, Zarqania; nationality Zarqania) was listed.")
    owner = Span(doc, 0, 4, label="PERSON")
    velmar = doc.char_span(doc.text.index("Velmar"), doc.text.index("Velmar") + 6, label="PERSON")
    assert velmar is not None
    kept, aliases = gloss_aliases(doc, [owner, velmar])
    assert kept == [owner]
    assert aliases == {"0:4": ["Abu Tarvik", "Omar al-Vardani"]}


@pytest.mark.model
def test_glossed_and_also_known_as_names_are_aliases(run) -> None:
    r = run("The Zarqan Liberation Front (Arabic: جبهة تحرير زرقان, Jabhat Tahrir Zarqan) fights in Velmar. "
            "Its armed wing is the Orvath Brigades (also known as \"Saraya Orvath\"), formed in 1999.")
    by_name = {e.name: e for e in r.ex.entities}
    assert "Jabhat Tahrir Zarqan" not in by_name and "Saraya Orvath" not in by_name, list(by_name)
    assert "Jabhat Tahrir Zarqan" in by_name["Zarqan Liberation Front"].aliases
    assert "Saraya Orvath" in by_name["Orvath Brigades"].aliases


@pytest.mark.model
def test_known_simply_as_names_the_same_actor(run) -> None:
    r = run("The Movement for Zanlandic Renewal, commonly known simply as Zanland Renewal, won seats.")
    groups = [e for e in r.ex.entities if "Renewal" in e.name]
    assert len(groups) == 1, [e.name for e in groups]


@pytest.mark.model
def test_a_quoted_translation_is_an_alias_not_a_place(run) -> None:
    r = run('Wilayat Zarqaniya (Arabic: ولاية زرقانية), meaning "Zarqan Province", is a militant group. '
            "The Zanland People's Front (ZPF; Tigrinya: ዛንላንድ, lit. 'Struggle for Velmar') is a party.")
    assert "Zarqan Province" not in r.types, r.types
    front = next(e for e in r.ex.entities if e.name == "Zanland People's Front")
    assert "Velmar" not in front.aliases and "Struggle for Velmar" in front.aliases
