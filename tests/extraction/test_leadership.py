"""LEADS, SPOKESPERSON_FOR and MEMBER_OF cue families."""

import pytest

from tests.extraction.cases import states

pytestmark = pytest.mark.model

CASES = [
    states("group_leader_name", "Hezbollah leader Hassan Nasrallah gave a speech on Friday.",
           ("Hassan Nasrallah", "LEADS", "Hezbollah")),
    states("apposition_leader_of", "Hassan Nasrallah, the secretary-general of Hezbollah, gave a speech.",
           ("Hassan Nasrallah", "LEADS", "Hezbollah")),
    # "The alliance" has no antecedent here
    states("led_by_without_an_antecedent",
           "The alliance is led by Ammar al-Hakim and former prime minister Haider al-Abadi.", only="LEADS"),
    states("led_by_with_coordination", "The Badr Organization is led by Hadi al-Amiri and Qais al-Khazali.",
           ("Hadi al-Amiri", "LEADS", "Badr Organization"),
           ("Qais al-Khazali", "LEADS", "Badr Organization")),
    states("participle_describes_only_its_noun",
           "The Fatah Alliance, headed by Hadi al-Amiri, and the State of Law Coalition formed a bloc.",
           ("Hadi al-Amiri", "LEADS", "Fatah Alliance"), only="LEADS"),
    states("active_leads", "Muqtada al-Sadr leads the Sadrist Movement.",
           ("Muqtada al-Sadr", "LEADS", "Sadrist Movement")),
    states("possessive_pronoun_leader",
           "The Badr Organization was founded in 1982. It was reorganised in 2003 by its then-commander "
           "Hadi al-Amiri.",
           ("Hadi al-Amiri", "LEADS", "Badr Organization")),
    states("chief_of_staff_is_no_leader", "Abu Fadak al-Mohammadawi, the PMF chief of staff, met reporters.",
           only="LEADS"),
    states("spokesman_for", "Yahya Saree, a spokesman for the Houthis, said the operation was a success.",
           ("Yahya Saree", "SPOKESPERSON_FOR", "Houthis"), only="SPOKESPERSON_FOR"),
    states("group_spokesman_name", "Kataib Hezbollah spokesman Mohammed Mohyi denied the claim.",
           ("Mohammed Mohyi", "SPOKESPERSON_FOR", "Kataib Hezbollah")),
    states("member_of", "Qais al-Khazali, a member of the Fatah Alliance, spoke to reporters.",
           ("Qais al-Khazali", "MEMBER_OF", "Fatah Alliance")),
    states("generic_members_give_nothing", "Two members of the Fatah Alliance died in the clashes.",
           only="MEMBER_OF"),
    states("copula_with_title_as_subject",
           "Hezbollah is a Lebanese party. Its secretary-general is Naim Qassem.",
           ("Naim Qassem", "LEADS", "Hezbollah")),
]


@pytest.mark.parametrize("case", CASES)
def test_cue_gives_its_relations(run, case):
    case.check(run)
