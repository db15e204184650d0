"""Government notices read completely: invented notices in the styles of US Treasury and State, the
Federal Register, UN sanctions committees, the EU Council, UK OFSI and a national interior ministry."""

import pytest

pytestmark = pytest.mark.model

DTB, SB = "DESIGNATED_TERRORIST_BY", "SANCTIONED_BY"


def _about(r, name):
    """Every relation naming `name` on either side."""
    return {t for t in r.triples if name in (t[0], t[2])}


def test_treasury_press_release_list_date_and_grounds(run):
    r = run("Treasury Sanctions Al-Shabaab Financiers\n\n"
            "WASHINGTON — Today, the U.S. Department of the Treasury's Office of Foreign Assets "
            "Control (OFAC) "
            "sanctioned Abdirahman Mohamed Warsame, Hassan Ali Dhoore and Yusuf Ahmed Gedi for financing "
            "Al-Shabaab.", published="2024-03-12")
    for name in ("Abdirahman Mohamed Warsame", "Hassan Ali Dhoore", "Yusuf Ahmed Gedi"):
        assert r.attrs(name, SB, "Office of Foreign Assets Control")["date"] == "2024-03-12"
        assert (name, "MEMBER_OF", "al-Shabaab") in r.triples  # shared grounds: every entry of the list
    assert not {t for t in r.triples if t[0] == "Office of Foreign Assets Control" and t[1] != "PART_OF"}


def test_semicolon_entries_as_well_as_and_owned_or_controlled(run):
    r = run("The U.S. Department of the Treasury today sanctioned Hamdan Dagalo; Abdelrahim Hamdan "
            "Dagalo, the "
            "deputy commander of the Rapid Support Forces; and Algoney Hamdan Dagalo, as well as "
            "the Al Junied "
            "company, which is owned or controlled by the Rapid Support Forces.")
    listed = {t[0] for t in r.of(SB) if t[2] == "US Department of the Treasury"}
    assert {"Hamdan Dagalo", "Algoney Hamdan Dagalo", "Al Junied"} <= listed
    assert ("Al Junied", "PART_OF", "Rapid Support Forces") in r.triples
    assert ("Rapid Support Forces", SB, "US Department of the Treasury") not in r.triples  # a modifier's body


def test_state_media_note_groups_and_a_leader(run):
    r = run("Media Note\nOffice of the Spokesperson\nMarch 12, 2024\n\n"
            "The U.S. Department of State is designating Liwa al-Thawra and Harakat Hasm as Foreign "
            "Terrorist "
            "Organizations. The Department is also designating Ali Mahmoud Kamal, a leader of Liwa "
            "al-Thawra, "
            "as a Specially Designated Global Terrorist.", published="2024-03-12")
    for name in ("Liwa al-Thawra", "Ali Mahmoud Kamal"):
        assert r.attrs(name, DTB, "US State Department") == {"date": "2024-03-12"}
    assert ("Ali Mahmoud Kamal", "MEMBER_OF", "Liwa al-Thawra") in r.triples
    assert r.of(SB) == set()  # no sanction words: a terrorist designation only


def test_un_committee_numbered_entries_details_are_not_actors(run):
    r = run("UNITED NATIONS SECURITY COUNCIL\nSC/15001\n\n"
            "On 12 March 2024, the Security Council Committee pursuant to resolutions 1267 (1989) "
            "and 2253 (2015) "
            "approved the addition of the entries specified below to its Sanctions List of individuals and "
            "entities subject to the asset freeze, travel ban and arms embargo.\n\n"
            "A. Individuals\n"
            "1. Bashir Omar Haddad (a.k.a. Abu Salma; DOB: 4 May 1979; POB: Mosul, Iraq; nationality: Syria; "
            "passport no. N0123456). Listed for being a leader of Hay'at Tahrir al-Sham.\n"
            "2. Karim Youssef Nasser (DOB: 1985; nationality: Lebanon). Listed for financing "
            "Islamic State.\n",
            published="2024-03-14")
    for name in ("Bashir Omar Haddad", "Karim Youssef Nasser"):
        assert any(t[0] == name for t in r.of(SB))
        assert r.of(DTB) == set()
    sanctioned = next(t for t in r.of(SB) if t[0] == "Bashir Omar Haddad")
    assert r.attrs(*sanctioned) == {"date": "2024-03-12"}  # the notice's own date, not a DOB
    assert ("Bashir Omar Haddad", "MEMBER_OF", "Hayat Tahrir al-Sham") in r.triples
    assert ("Karim Youssef Nasser", "MEMBER_OF", "Islamic State") in r.triples
    assert ("Bashir Omar Haddad", "MEMBER_OF", "Islamic State") not in r.triples  # grounds stay on its entry
    for place in ("Syria", "Lebanon", "Iraq"):
        assert not _about(r, place)


def test_federal_register_first_person_designator(run):
    r = run("Federal Register / Vol. 89, No. 50\n\n"
            "Designation of Hasan Qasim Mansour as a Specially Designated Global Terrorist\n\n"
            "Acting under the authority of section 1 of Executive Order 13224, as amended, I hereby "
            "designate "
            "Hasan Qasim Mansour as a Specially Designated Global Terrorist.\n\n"
            "Dated: March 1, 2024.\n\nAntony J. Blinken,\nSecretary of State.", published="2024-03-08")
    assert ("Hasan Qasim Mansour", DTB, "US State Department") in r.triples


def test_eu_council_implementing_regulation_entries(run):
    r = run("COUNCIL IMPLEMENTING REGULATION (EU) 2024/812\n\n"
            "The Council of the European Union decided today to add the following persons to the list of "
            "persons, groups and entities subject to restrictive measures:\n\n"
            "1. Rami Khalil Darwish, born 3 June 1970 in Aleppo, Syria. Commander of the Liwa Fatemiyoun.\n"
            "2. Dmitry Utkin, born 11 June 1970. Founder of the Wagner Group.\n", published="2024-04-22")
    assert r.attrs("Rami Khalil Darwish", SB, "Council of the European Union") == {"date": "2024-04-22"}
    assert ("Rami Khalil Darwish", "LEADS", "Liwa Fatemiyoun") in r.triples
    assert ("Dmitry Utkin", "LEADS", "Wagner Group") in r.triples
    assert ("Rami Khalil Darwish", "LEADS", "Wagner Group") not in r.triples
    assert not _about(r, "Syria")


def test_uk_ofsi_numbered_entries_with_grounds(run):
    r = run("Financial Sanctions Notice\nRussia\n\n"
            "On 6 May 2024 the Office of Financial Sanctions Implementation (OFSI) added the "
            "following entries "
            "to the consolidated list and they are now subject to an asset freeze:\n\n"
            "Individuals\n"
            "1) Dmitry Utkin (DOB: 11/06/1970; nationality: Russia). For being the founder of the "
            "Wagner Group.\n"
            "2) Sergei Shoigu (DOB: 21/05/1955). For being a member of the Security Council of Russia.\n")
    body = "Office of Financial Sanctions Implementation"
    assert r.attrs("Dmitry Utkin", SB, body) == {"date": "2024-05-06"}
    assert ("Sergei Shoigu", SB, body) in r.triples
    assert ("Dmitry Utkin", "LEADS", "Wagner Group") in r.triples
    assert ("Sergei Shoigu", "MEMBER_OF", "Security Council of Russia") in r.triples
    assert not any(t[2] == "Russia" for t in r.triples if t[1] in {"OPPOSES", "LOCATED_IN"})


def test_interior_ministry_terrorist_list(run):
    r = run("The Ministry of Interior of the Republic of Tajikistan has added Jamaat Ansarullah, the Islamic "
            "Movement of Uzbekistan and Hizb ut-Tahrir to its list of terrorist and extremist organisations "
            "banned in the country.", published="2024-02-01")
    listed = {t[0] for t in r.of(DTB)}
    assert {"Jamaat Ansarullah", "Islamic Movement of Uzbekistan"} <= listed
    assert r.of(SB) == set()  # a banned organisation is not a sanctioned one


def test_apposition_on_one_item_and_counted_entities_including(run):
    r = run("The U.S. Department of State today designated Jamal Abdi Hashi, Ahmed Diriye and Mahad Karate, "
            "three leaders of al-Shabaab, as Specially Designated Global Terrorists.")
    assert {t[0] for t in r.of(DTB)} == {"Jamal Abdi Hashi", "Ahmed Diriye", "Mahad Karate"}
    r = run("OFAC today designated 5 individuals and 2 entities, including Mohammed Abu Zaid and the Tadamon "
            "Charity Network, for having acted for or on behalf of Hamas, pursuant to E.O. 13224.")
    for name in ("Mohammed Abu Zaid", "Tadamon Charity Network"):
        assert (name, DTB, "Office of Foreign Assets Control") in r.triples
        assert (name, SB, "Office of Foreign Assets Control") in r.triples  # OFAC: both kinds
        assert (name, "MEMBER_OF", "Hamas") in r.triples
    assert not _about(r, "Hamas") - {t for t in r.triples if t[1] == "MEMBER_OF"}


def test_revocation_is_not_a_designation(run):
    r = run("The U.S. Department of State is revoking the designation of Ansar al-Islam as a "
            "Foreign Terrorist "
            "Organization. The Department is also designating Abu Hamza al-Kurdi as a Specially Designated "
            "Global Terrorist.")
    assert ("Abu Hamza al-Kurdi", DTB, "US State Department") in r.triples
    assert not _about(r, "Ansar al-Islam")


def test_counted_designees_named_one_paragraph_each(run):
    r = run("The U.S. Department of State designated two leaders of Boko Haram as Specially "
            "Designated Global "
            "Terrorists in early February.\n\n"
            "Abubakar Shekau is the group's overall leader.\n\n"
            "Mamman Nur is a senior commander of the group.\n\n"
            "Boko Haram has killed thousands of civilians in Nigeria.", published="2024-03-10")
    assert r.attrs("Abubakar Shekau", DTB, "US State Department") == {"date": "2024-02"}
    assert ("Mamman Nur", DTB, "US State Department") in r.triples
    assert ("Boko Haram", DTB, "US State Department") not in r.triples


def test_sanctioned_as_sdgt_gives_both_kinds(run):
    r = run("Today, the U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) "
            "sanctioned the "
            "Cartel del Noreste (a.k.a. Los Zetas) as a Specially Designated Global Terrorist.",
            published="2025-03-03")
    group = next(t[0] for t in r.of(SB))
    assert r.attrs(group, SB, "Office of Foreign Assets Control") == {"date": "2025-03-03"}
    assert r.attrs(group, DTB, "Office of Foreign Assets Control") == {"date": "2025-03-03"}


def test_intent_to_designate_including_a_wing(run):
    r = run("Today the Secretary of State announced his intent to designate Hamas, including its Izz ad-Din "
            "al-Qassam Brigades, as a Foreign Terrorist Organization. The U.S. Department of State will "
            "publish the notice.", published="2024-05-02")
    designated = {t[0] for t in r.of(DTB) if t[2] == "US State Department"}
    assert len(designated) == 2 and "Hamas" in designated


def test_counted_by_nationality_then_paragraphs(run):
    r = run("WASHINGTON - The U.S. Department of the Treasury's Office of Foreign Assets Control "
            "(OFAC) today "
            "sanctioned two Yemenis under Executive Order 13818 for serious human rights abuse.\n\n"
            "Mohammed Ali al-Houthi leads the Supreme Revolutionary Committee.\n\n"
            "Abdulmalik al-Houthi is the leader of Ansar Allah.\n\n"
            "Yemen has been at war since 2014.", published="2019-07-18")
    for name in ("Mohammed Ali al-Houthi", "Abdul-Malik al-Houthi"):
        assert r.attrs(name, SB, "Office of Foreign Assets Control") == {"date": "2019-07-18"}
    assert r.of(DTB) == set()  # E.O. 13818 (Global Magnitsky) is no terrorist list
    assert not _about(r, "Yemen")


def test_named_a_global_terrorist(run):
    r = run("On 17 November 2023 the U.S. Department of State designated Harakat Hezbollah "
            "al-Nujaba as a Foreign "
            "Terrorist Organization and named Akram al-Kaabi a Specially Designated Global Terrorist.")
    assert r.attrs("Akram al-Kaabi", DTB, "US State Department") == {"date": "2023-11-17"}


def test_passive_list_and_along_with(run):
    r = run("Abubakar Shekau, Mamman Nur and Abu Musab al-Barnawi were designated today as "
            "Specially Designated "
            "Global Terrorists by the U.S. Department of State.", published="2024-06-01")
    assert {t[0] for t in r.of(DTB)} == {"Abubakar Shekau", "Mamman Nur", "Abu Musab al-Barnawi"}
    r = run("The U.S. Department of State today designated Yahya Sinwar, along with Mohammed Deif, "
            "as Specially "
            "Designated Global Terrorists.")
    assert {t[0] for t in r.of(DTB)} == {"Yahya Sinwar", "Mohammed Deif"}


def test_inline_entries_after_a_colon(run):
    r = run("Today, the following persons were designated by the U.S. Department of the Treasury pursuant to "
            "E.O. 14024: Ivan Petrov; Oleg Smirnov; and the Rostec Corporation.", published="2024-02-23")
    for name in ("Ivan Petrov", "Oleg Smirnov", "Rostec Corporation"):
        assert r.attrs(name, SB, "US Department of the Treasury") == {"date": "2024-02-23"}
    assert r.of(DTB) == set()


def test_coordinated_grounds_without_a_designator(run):
    r = run("Mohammed Kawtharani was designated for being owned or controlled by, or for having "
            "acted for or on "
            "behalf of, Hezbollah, pursuant to E.O. 13224.")
    assert ("Mohammed Kawtharani", "MEMBER_OF", "Hezbollah") in r.triples


def test_uk_home_secretary_proscription(run):
    r = run("The Home Secretary has laid an order to proscribe Hizb ut-Tahrir under the Terrorism Act 2000.")
    assert ("Hizb ut-Tahrir", DTB, "Home Office") in r.triples


def test_restrictive_measures_on_counted_including(run):
    r = run("The Council of the European Union today decided to impose restrictive measures on six "
            "individuals "
            "and two entities responsible for human rights violations in Belarus, including Alexander "
            "Lukashenko's son Viktor Lukashenko.", published="2024-08-05")
    assert r.attrs("Viktor Lukashenko", SB, "Council of the European Union") == {"date": "2024-08-05"}
    assert ("Alexander Lukashenko", SB, "Council of the European Union") not in r.triples
    assert not _about(r, "Belarus")


def test_relative_clause_grounds_stay_on_their_item(run):
    r = run("The U.S. Department of State today designated Abu Obaida and Zaher Jabarin, who heads Hamas's "
            "finance office, as Specially Designated Global Terrorists.")
    assert ("Zaher Jabarin", "MEMBER_OF", "Hamas") in r.triples
    assert ("Abu Obaida", "MEMBER_OF", "Hamas") not in r.triples
