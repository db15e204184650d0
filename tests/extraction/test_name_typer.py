"""The trained name typer: an ORG fallback yields to a confident class, nothing stronger does
(invented names only; the packaged weights are checked against a rebuild when scikit-learn is there)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import spacy

from ingest.entities.name_typer import DIM, NONE, THRESHOLD, features, model_type, name_typer
from ingest.entities.type_basis import Basis, basis_of


def span_of(text: str) -> spacy.tokens.Span:
    return spacy.blank("en")(text)[:]


def test_features_are_hashed_into_the_space_whatever_the_case() -> None:
    found = features("Qorvath al-Brennik")
    assert found and all(0 <= i < DIM for i in found)
    assert features("QORVATH AL-BRENNIK") != found  # the all-capitals shape is a feature of its own
    assert set(features("qorvath al-brennik")) == set(found)
    assert features("") == []


def test_the_packaged_typer_knows_the_actor_types_and_non_actors() -> None:
    typer = name_typer()
    assert typer is not None
    assert set(typer.classes) == {"Person", "Location", "Organization", "ArmedGroup", "PoliticalParty",
                                  "StateBody", NONE}
    assert sum(typer.probabilities("Qorvath").values()) == pytest.approx(1.0, abs=1e-4)


@pytest.mark.parametrize(("name", "expected"), [
    ("Kastrovar Oblast", "Location"),
    ("Ibrahim al-Tovrani", "Person"),
    ("Dmitri Vasholenko", "Person"),
    ("Jamaat Ansar al-Brennik", "ArmedGroup"),
    ("Brennik Media Group", "Organization"),
    ("Brennik Civil War", NONE),
    ("Treaty of Qorvath", NONE),
])
def test_invented_names_get_their_class_with_confidence(name: str, expected: str) -> None:
    label, prob = name_typer().best(name)
    assert (label, prob >= THRESHOLD) == (expected, True)


def test_only_the_org_fallback_is_overridden() -> None:
    fallback = ("Organization", "", Basis.FALLBACK)
    assert model_type(span_of("Kastrovar Oblast"), fallback) == ("Location", "", Basis.MODEL)
    assert model_type(span_of("Brennik Civil War"), fallback) is None  # sure it is no actor
    assert model_type(span_of("Brennik Media Group"), fallback) == fallback
    worded = ("Organization", "", Basis.WORDS)  # a head noun or cue said it: the typer is not asked
    assert model_type(span_of("Kastrovar Oblast"), worded) == worded


def test_a_model_label_yields_only_to_a_near_certain_other_actor_type() -> None:
    person = ("Person", "", Basis.LABEL)
    assert model_type(span_of("Ibrahim al-Tovrani"), person) == person
    assert model_type(span_of("Kastrovar Oblast"), person) == ("Location", "", Basis.MODEL)
    assert model_type(span_of("Brennik Civil War"), person) == person  # never dropped on a label
    place = ("Location", "", Basis.LABEL)
    assert model_type(span_of("Brennik Media Group"), place) == place  # nor made the fallback type


def test_the_model_basis_ranks_between_the_fallback_and_a_label() -> None:
    assert Basis.FALLBACK < Basis.MODEL < Basis.LABEL


@pytest.mark.model
def test_the_pipeline_types_an_unknown_place_by_its_letters(nlp: Any) -> None:
    doc = nlp("The delegation travelled from Kastrovar Oblast to the capital.")
    found = {(e.text, e.label_, basis_of(e)) for e in doc.ents}
    assert ("Kastrovar Oblast", "Location", Basis.MODEL) in found


@pytest.mark.slow
def test_the_packaged_weights_are_the_builds_output(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    pytest.importorskip("faker")
    from ingest.entities import build_name_typer

    built = tmp_path / "typer.npz"
    build_name_typer.build(built)
    packaged = Path(build_name_typer.OUTPUT)
    with np.load(built) as new, np.load(packaged) as old:
        assert list(new["classes"]) == list(old["classes"])
        assert np.allclose(new["coef"].astype(np.float32), old["coef"].astype(np.float32), atol=1e-2)
