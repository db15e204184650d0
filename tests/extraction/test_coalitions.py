"""Electoral coalitions and their member parties, on invented results bulletins."""

import pytest

pytestmark = pytest.mark.model

MO = "MEMBER_OF"


def test_brings_together_and_part_of(run):
    r = run("The Green Union brings together the Revival Party, the Democratic Movement and the Horizons "
            "Party. The Democratic Alliance of Valdoria, part of the Green Union, won 12 seats in the 2024 "
            "Valdorian legislative election.", published="2024-07-08")
    members = {t[0] for t in r.of(MO) if t[2] == "Green Union"}
    assert {"Revival Party", "Democratic Movement", "Democratic Alliance of Valdoria"} <= members
    assert not {t for t in r.of(MO) if t[0] == "Green Union"}  # never the other way round


def test_as_part_of_a_bloc_typed_as_a_body(run):
    r = run("The Unbowed Movement contested the 2024 election as part of the New Popular Union.",
            published="2024-07-08")
    assert ("Unbowed Movement", MO, "New Popular Union") in r.triples


def test_part_of_a_country_or_a_non_party_is_no_membership(run):
    r = run("The Revival Party, part of the opposition in Valdoria, won 12 seats in the 2024 election. "
            "Kestan is part of the Gulf Cooperation Council.", published="2024-07-08")
    assert r.of(MO) == set()


def test_a_coalition_made_up_of_parties_that_the_model_did_not_name(run):
    r = run("The Harbour Accord coalition, made up of the Liberal Citizens Party and the Green Future Party, "
            "won 41 seats in the 2027 Valdorian legislative election. The Unity Bloc, composed of the "
            "Farmers Party, took 12 seats.", published="2027-10-02")
    members = {(t[0], t[2]) for t in r.of(MO)}
    assert {("Liberal Citizens Party", "Harbour Accord"), ("Green Future Party", "Harbour Accord"),
            ("Farmers Party", "Unity Bloc")} <= members
    assert not {m for m in members if m[0] in {"Harbour Accord", "Unity Bloc"}}
