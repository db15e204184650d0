"""DESIGNATED_TERRORIST_BY and SANCTIONED_BY, with dates.

The plain cases (a text and what it gives) are rows of case_tables/designation.yaml.
"""

import pytest

pytestmark = pytest.mark.model

DTB = "DESIGNATED_TERRORIST_BY"


def test_active_designation_with_date(run):
    r = run("On June 24, 2009 the US State Department designated Kataib Hezbollah as a Foreign "
            "Terrorist Organization.")
    assert r.attrs("Kataib Hezbollah", "DESIGNATED_TERRORIST_BY", "US State Department") == {
        "date": "2009-06-24"}


def test_sanctions_with_a_month_date(run):
    r = run("The Treasury sanctioned Qais al-Khazali in January 2021.")
    assert r.attrs("Qais al-Khazali", "SANCTIONED_BY", "US Department of the Treasury") == {
        "date": "2021-01"}


def test_owned_office_is_the_designator(run):
    r = run("The U.S. Department of the Treasury's Office of Foreign Assets Control sanctioned Qais "
            "al-Khazali "
            "in January 2021.")
    office = "Office of Foreign Assets Control"
    assert r.attrs("Qais al-Khazali", "SANCTIONED_BY", office) == {"date": "2021-01"}


def test_month_without_year_takes_the_notice_year(run):
    r = run("In late November, the US State Department designated Kataib Hezbollah as a Foreign Terrorist "
            "Organization.", published="2021-12-02")
    assert r.attrs("Kataib Hezbollah", DTB, "US State Department") == {"date": "2021-11"}
    r = run("In late November, the US State Department designated Kataib Hezbollah as a Foreign Terrorist "
            "Organization.", published="2022-02-02")
    assert r.attrs("Kataib Hezbollah", DTB, "US State Department") == {"date": "2021-11"}


def test_named_official_stands_for_department(run):
    r = run("Secretary of State Antony Blinken designated Kataib Hezbollah as a terrorist group.")
    assert ("Kataib Hezbollah", "DESIGNATED_TERRORIST_BY", "US State Department") in r.triples
    assert not any(t[2] == "Antony Blinken" for t in r.of("DESIGNATED_TERRORIST_BY"))
