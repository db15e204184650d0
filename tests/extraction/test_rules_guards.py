"""Precision guards (invented sentences): listing bodies are no backers; a modifier stays on its item."""

import pytest

from graph.model import Predicate
from ingest.rules.base import Found
from ingest.rules.guards import drop_contradicted


def _found(doc, subj, pred, obj):
    return Found(doc[subj:subj + 1], pred, doc[obj:obj + 1], doc[0:len(doc)], 0.8, "test")


def test_a_listing_body_is_no_backer_leader_or_ally():
    from spacy.lang.en import English

    doc = English()("Canada listed Zarqa and Iran backs Zarqa")
    canada, zarqa, iran = 0, 2, 4
    found = [_found(doc, zarqa, Predicate.DESIGNATED_TERRORIST_BY, canada),
             _found(doc, zarqa, Predicate.BACKED_BY, canada),
             _found(doc, canada, Predicate.ALLIED_WITH, zarqa),
             _found(doc, zarqa, Predicate.BACKED_BY, iran)]
    kept = drop_contradicted(found)
    assert [(f.predicate, f.object.text) for f in kept] == [
        (Predicate.DESIGNATED_TERRORIST_BY, "Canada"), (Predicate.BACKED_BY, "Iran")]


@pytest.mark.model
def test_a_parenthetical_stays_on_its_list_item(run):
    r = run("Omar Haddad (a Kataib Hezbollah financier), Tarek Nassar and Samir Khouri were designated as "
            "terrorists by the State Department on Monday.")
    assert {t[0] for t in r.of("MEMBER_OF")} == {"Omar Haddad"}
    assert {t[0] for t in r.of("DESIGNATED_TERRORIST_BY")} >= {"Tarek Nassar", "Samir Khouri"}
