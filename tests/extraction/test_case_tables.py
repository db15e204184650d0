"""The plain cases of every rule family (case_tables/*.yaml): each text gives what its row says."""


import pytest

from tests.extraction.cases import load_tables, row_case

pytestmark = pytest.mark.model

CASES = load_tables()


@pytest.mark.parametrize("case", CASES)
def test_text_gives_what_its_row_says(run, case):
    case.check(run)


def test_ids_are_unique_and_rows_well_formed():
    ids = [p.id for p in CASES]
    assert len(ids) == len(set(ids)) > 100
    with pytest.raises(AssertionError, match="keys"):
        row_case({"id": "x", "text": "t", "presnt": []}, "bad")


@pytest.mark.parametrize(("wrong", "message"), [
    ({"present": [["Iran", "BACKED_BY", "Asaib Ahl al-Haq"]]}, "missing"),
    ({"absent": [["Asaib Ahl al-Haq", "BACKED_BY", "Iran"]]}, "unwanted"),
    ({"only": "BACKED_BY"}, "only BACKED_BY"),
    ({"types": {"Iran": "Person"}}, "types"),
])
def test_a_row_that_misstates_the_text_fails(run, wrong, message):
    row = {"id": "wrong", "text": "Two members of the Iran-backed Asaib Ahl al-Haq were killed.", **wrong}
    with pytest.raises(AssertionError, match=message):
        row_case(row, "wrong").values[0].check(run)
