"""BACKED_BY cue family: hyphenated sponsors, passive participles, proxies, active verbs."""

import pytest

from tests.extraction.cases import states

pytestmark = pytest.mark.model

CASES = [
    states("hyphenated_sponsor", "Two members of the Iran-backed Asaib Ahl al-Haq were killed.",
           ("Asaib Ahl al-Haq", "BACKED_BY", "Iran")),
    states("demonym_sponsor_names_the_country",
           "Iran denied it. The attack was claimed by the Iranian-sponsored Houthis.",
           ("Houthis", "BACKED_BY", "Iran")),
    states("participle_after_comma",
           "Kataib Hezbollah, an Iraqi militia bankrolled by Iran, fired rockets at the base.",
           ("Kataib Hezbollah", "BACKED_BY", "Iran"), only="BACKED_BY"),
    states("relative_clause_passive", "The Houthis, who are supported by Tehran, control the capital.",
           ("Houthis", "BACKED_BY", "Iran")),
    states("proxy_for", "Hezbollah is widely seen as a proxy for Iran's Revolutionary Guard.",
           ("Hezbollah", "BACKED_BY", "Islamic Revolutionary Guard Corps")),
    states("direction_is_group_to_sponsor", "The Houthis, who are supported by Tehran, control the capital.",
           absent=(("Iran", "BACKED_BY", "Houthis"),)),
    states("generic_group_gives_nothing", "The attack was carried out by militias bankrolled by Iran.",
           only="BACKED_BY"),
]


@pytest.mark.parametrize("case", CASES)
def test_cue_gives_its_relations(run, case):
    case.check(run)
