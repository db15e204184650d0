"""Pasted web text: markers blanked in place, glued infobox labels split, junk lines never actors."""

from __future__ import annotations

import pytest
import spacy

from ingest.readers.pasted import (
    CleanTokenizer,
    blank_markers,
    glued_labels,
    in_junk,
    junk_ranges,
    page_subject,
)

BOX = ("Zarqan Liberation Front\n"
       "FounderTamar Vellquist\n"
       "Split fromOrdan Popular Movement\n"
       "CountryZanland\n"
       "Size4,000 (2019)\n"
       "Websitewww.zlf.example\n"
       "- Leader1: Orlo Benvenist\n"
       "Orlo Benvenist 2021 (cropped).jpg\n")


@pytest.mark.parametrize("marker", ["[12]", "[a]", "[citation needed]", "[note 3]", "[edit]", "[b]",
                                    "[Citation needed]", "[nb 2]", "[who?]"])
def test_markers_are_blanked_without_moving_offsets(marker: str) -> None:
    text = f"Orlo Benvenist{marker} leads the Zarqan Liberation Front.{marker}"
    clean = blank_markers(text)
    assert len(clean) == len(text)
    assert "[" not in clean and clean.index("leads") == text.index("leads")
    assert clean.startswith("Orlo Benvenist ")


@pytest.mark.parametrize("kept", ["[ZLF]", "[sic]", "[Front]", "[2024 report]"])
def test_bracketed_words_that_are_no_marker_stay(kept: str) -> None:
    assert blank_markers(f"The group {kept} said.") == f"The group {kept} said."


def test_glued_labels_end_where_the_value_starts() -> None:
    cuts = glued_labels(BOX)
    assert [BOX[c:c + 5] for c in cuts] == ["Tamar", "Ordan", "Zanla", "4,000", "www.z"]


def test_words_that_start_with_a_label_are_not_cut() -> None:
    assert glued_labels("Leadership changed.\nCountryside Zanland\nPartyline\nCOUNTRYSIDE\n") == []


def test_junk_ranges_cover_labels_and_image_names_not_values() -> None:
    ranges = junk_ranges(BOX)
    covered = [BOX[s:e] for s, e in ranges]
    assert "Founder" in covered and "Country" in covered and "Leader1" in covered
    assert any(c.endswith("(cropped).jpg") for c in covered)
    assert not any("Tamar" in c or "Zanland" in c for c in covered)


def test_a_colon_in_prose_is_no_label() -> None:
    assert junk_ranges("The minister said: the Front will talk.\nZanland: talks resume\n") == []


def test_tokenizer_splits_glued_labels_and_keeps_the_text() -> None:
    nlp = spacy.blank("en")
    tokenizer = CleanTokenizer(nlp.tokenizer)
    doc = tokenizer(BOX + "Orlo Benvenist[4] spoke.[citation needed]")
    assert len(doc.text) == len(BOX) + len("Orlo Benvenist[4] spoke.[citation needed]")
    words = [t.text for t in doc]
    assert words[words.index("Founder") + 1] == "Tamar"
    assert words[words.index("Country") + 1] == "Zanland"
    assert "from" in words and "Ordan" in words
    assert "[4]" not in doc.text
    founder = doc.text.index("Founder")
    assert in_junk(doc, founder, founder + 7) and not in_junk(doc, founder + 7, founder + 12)
    assert [d.text for d in tokenizer.pipe(["a b", "c"])] == ["a b", "c"]



@pytest.mark.model
def test_infobox_page_reads_cleanly(run) -> None:
    r = run(BOX + "\nThe Zarqan Liberation Front[3] was founded by Tamar Vellquist[4] in 1999."
            "[citation needed]\n")
    assert r.types.get("Zarqan Liberation Front") == "ArmedGroup"
    assert "Tamar Vellquist" in r.types
    names = " ".join(r.types)
    assert "[" not in names and ".jpg" not in names
    assert not any(word in r.types for word in ("Founder", "Country", "Leader1", "Infobox"))
    for e in r.ex.entities:
        for m in r.ex.mentions.get(e.id, ()):
            assert "[" not in m.text and m.end - m.start == len(m.text)


@pytest.mark.model
def test_mention_offsets_index_the_original_body(run) -> None:
    r = run("CountryZanland\nTamar Vellquist[12] leads the Zarqan Liberation Front[a] in Zanland.")
    body = r.ex.article.body
    assert r.ex.mentions
    for mentions in r.ex.mentions.values():
        for m in mentions:
            assert body[m.start:m.end] == m.text


@pytest.mark.parametrize(
    ("title", "text", "subject"),
    [
        ("Zarqan Liberation Front", "The front was formed in 1999.", "Zarqan Liberation Front"),
        ("", "= Zarqan Liberation Front =\n\nThe front was formed.", "Zarqan Liberation Front"),
        ("", "Zarqan Liberation Front\n\nThe front was formed.", "Zarqan Liberation Front"),
        ("", "The front was formed in 1999.\nIt fights on.", ""),
    ],
)
def test_page_subject_from_title_or_heading(title: str, text: str, subject: str) -> None:
    assert page_subject(title, text) == subject


@pytest.mark.model
def test_the_subject_is_in_the_doc(nlp) -> None:
    doc = nlp("= Zarqan Liberation Front =\n\nThe front was formed in 1999.")
    assert doc.user_data["subject"] == "Zarqan Liberation Front"


@pytest.mark.model
def test_an_undated_election_page_takes_the_year_from_its_subject(nlp, kb) -> None:
    from graph.model import Article, article_id_for
    from ingest.extract import extract

    body = ("= 2031 Zanlandic general election =\n\nGeneral elections were held in Zanland. "
            "The Morvan Unity Party won 140 seats in the election.")
    art = Article(id=article_id_for(None, None, body), source="z.txt", body=body, title="")
    (ex,) = list(extract([art], nlp, kb))
    assert any(e.type.value == "Election" and e.name.startswith("2031") for e in ex.entities), \
        [e.name for e in ex.entities]


@pytest.mark.model
def test_values_of_place_fields_are_places(nlp) -> None:
    doc = nlp("Zarqan Liberation Front\nCountryZanland\nHeadquarters: Velmar City\n\nThe front fought.")
    labels = {e.text: e.label_ for e in doc.ents}
    values = {t: lab for t, lab in labels.items() if t in {"Zanland", "Velmar City"}}
    assert values and set(values.values()) == {"Location"}, labels  # the model may miss one, never mistype
