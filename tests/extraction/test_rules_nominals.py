"""One nominalisation table (invented encyclopedia and wire sentences): nouns that state relations.

The plain cases (a text and what it gives) are rows of case_tables/nominals.yaml.
"""

import pytest

pytestmark = pytest.mark.model

TEXT = ("The Red Hand Brigade was founded in 2001. Its financial backing has come mainly from Iran and "
        "Hezbollah. Syria's support for the Black Banner Army grew in 2015. Fighting between the Red Hand "
        "Brigade and the Black Banner Army killed dozens. Hamas formed an alliance with the Black Banner "
        "Army in 2016. The Zarqan Front held a series of meetings with Omar Haddad. Hamas, which has "
        "provided material support to the Zarqan Front, denied it.")


def test_planned_or_denied_is_none_and_a_name_is_no_noun(run):
    r = run("Planned talks between Hamas and the Zarqan Front were postponed. Hamas denied any alliance with "
            "the Zarqan Front. The Fatah Alliance won 12 seats in the election.")
    assert not r.of("MET_WITH") and not r.of("ALLIED_WITH")
