"""Actor mentions in single texts: names, demonyms, capitals as actors, people, case."""

from __future__ import annotations

import pytest

from generator.actors import build_registry, find_mentions
from generator.actors.fold import fold
from generator.slugs import slugify


@pytest.fixture(scope="module")
def registry():
    return build_registry(None)


def actors(text, registry):
    return [(m.text, m.actor) for m in find_mentions(text, registry)]


def keys(text, registry):
    return [m.actor for m in find_mentions(text, registry)]


def test_offsets_point_into_the_original_text(registry):
    text = "Talks in Doha stalled as Türkiye’s envoy met Erdoğan’s aides."
    for mention in find_mentions(text, registry):
        assert text[mention.start:mention.end] == mention.text


def test_country_names_official_names_and_variants_share_one_key(registry):
    text = ("Turkey hosted the talks. Türkiye later signed. Turkiye then spoke. "
            "The Republic of Türkiye agreed. The Syrian Arab Republic objected. Syria left.")
    found = actors(text, registry)
    assert [k for _, k in found] == ["country:tr"] * 4 + ["country:sy"] * 2
    assert ("Republic of Türkiye", "country:tr") in found


def test_united_states_and_britain_variants(registry):
    text = "The U.S. and the US joined the United States of America; Britain and the UK did not."
    assert keys(text, registry) == ["country:us"] * 3 + ["country:gb"] * 2


def test_lowercase_words_are_not_acronyms_or_countries(registry):
    text = "Let us see what is left: the turkey was cheap and the china broke."
    assert keys(text, registry) == []


def test_word_boundaries(registry):
    assert keys("Romania and Omani traders met; Oman stayed home.", registry) == [
        "country:ro", "country:om", "country:om"]
    assert keys("Iranian diplomats met Iran's envoy.", registry) == ["country:ir", "country:ir"]


def test_demonyms_stand_for_their_country(registry):
    assert keys("Turkish officials and Israeli diplomats briefed Syrians.", registry) == [
        "country:tr", "country:il", "country:sy"]


def test_demonym_as_a_language_is_not_the_country(registry):
    assert keys("The leaflet was printed in Turkish.", registry) == []


@pytest.mark.parametrize("text", [
    "Ankara said the border would stay open.",
    "Ankara’s offer was rejected.",
    "Ankara has repeatedly offered help.",
    "The plan won support from allies and was welcomed by the Ankara government.",
    "Relations between Ankara and Baghdad improved.",
    "Ankara and Baghdad signed a water deal.",
    "The minister pledged support to Ankara within days.",
    "Cooperation with Ankara is growing.",
    "An Ankara-backed militia withdrew.",
])
def test_capital_acting_is_its_country(text, registry):
    assert "country:tr" in keys(text, registry)


@pytest.mark.parametrize("text", [
    "The delegation landed in the capital, Ankara, at noon.",
    "A fire broke out near Ankara overnight.",
    "Dozens of students travelled to Ankara for the match.",
    "Prices in Ankara rose sharply.",
])
def test_capital_as_a_place_is_not_an_actor(text, registry):
    assert keys(text, registry) == []


def test_metonyms_that_are_not_capitals(registry):
    assert keys("Tel Aviv denied the report.", registry) == ["country:il"]
    assert keys("Washington warned of sanctions.", registry) == ["country:us"]
    assert keys("A storm hit Washington yesterday.", registry) == []


def test_organisations_and_acronyms(registry):
    text = "NATO and the European Union briefed the UN, while the IAEA and OPEC met."
    assert keys(text, registry) == ["organisation:nato", "organisation:european-union",
                                    "organisation:united-nations",
                                    "organisation:international-atomic-energy-agency",
                                    "organisation:opec"]


def test_armed_group_variants(registry):
    text = ("Daesh cells, ISIS fighters, ISIL recruiters and the Islamic State group were "
            "blamed; IS claimed the attack. PKK and YPG units, the SDF, Hamas, Hezbollah "
            "and HTS were named, as was Hayat Tahrir al-Sham.")
    found = keys(text, registry)
    assert found[:5] == ["group:islamic-state"] * 5
    assert found[5:] == ["group:pkk", "group:ypg", "group:syrian-democratic-forces", "group:hamas",
                         "group:hezbollah", "group:hayat-tahrir-al-sham", "group:hayat-tahrir-al-sham"]


def test_guarded_acronym_is_case_sensitive_and_not_in_shouting(registry):
    assert keys("This is what it is.", registry) == []
    assert keys("WHAT IS GOING ON IN THE VALLEY\nNothing much.", registry) == []
    assert keys("The WHO warned, and who could blame it?", registry) == [
        "organisation:world-health-organization"]


def test_people_introduced_by_title_and_later_by_surname(registry):
    text = ("Interior Minister Selin Karabulut visited the port on Monday. "
            "Karabulut said the checks would continue. Karabulut’s aides agreed.")
    found = actors(text, registry)
    assert found == [("Selin Karabulut", "person:selin-karabulut"),
                     ("Karabulut", "person:selin-karabulut"),
                     ("Karabulut", "person:selin-karabulut")]


def test_title_forms(registry):
    text = ("Brig. Gen. Orhan Demirtaş spoke first. Later, spokesperson Leyla Aksoy "
            "replied, and Deputy Prime Minister Cem Yavuz listened. Nadia Haddad, the "
            "spokeswoman for the ministry, declined to comment.")
    found = [k for k in keys(text, registry) if k.startswith("person:")]
    assert found == ["person:orhan-demirtas", "person:leyla-aksoy", "person:cem-yavuz",
                     "person:nadia-haddad"]


def test_demonym_title_and_name_give_country_and_person(registry):
    text = "Syrian President Ahmed al-Sharaa met Turkish President Recep Tayyip Erdogan."
    assert keys(text, registry) == ["country:sy", "person:ahmed-al-sharaa",
                                    "country:tr", "person:recep-tayyip-erdogan"]


def test_known_people_spelled_without_diacritics(registry):
    assert keys("Defense Minister Yasar Guler and Erdogan spoke.", registry) == [
        "person:yasar-guler", "person:recep-tayyip-erdogan"]
    assert keys("ERDOGAN SPOKE", registry) == ["person:recep-tayyip-erdogan"]


def test_prefixed_names_are_not_mentions(registry):
    """"post-Assad" / "anti-Assad" qualify something else: no Assad mention."""
    assert keys("The post-Assad era began; anti-Assad rebels cheered.", registry) == []
    assert keys("Assad’s fall surprised al-Sharaa’s rivals.", registry) == [
        "person:bashar-al-assad", "person:ahmed-al-sharaa"]


def test_common_words_never_become_actors(registry):
    text = ("Sources said the talks went well.\nMilitary planners agreed.\nLeave A Reply\n"
            "Sign up for our newsletter. The News Desk.")
    assert keys(text, registry) == []


def test_untitled_names_are_candidates_unless_a_first_name_leads(registry):
    # Issue 12: with no title, a known first name before a surname makes a person.
    text = "The talks involved the Northern Water Authority and Karim Benali in the end."
    assert keys(text, registry) == ["person:karim-benali"]
    assert keys("The talks involved Vardan Oskanyan in the end.", registry) == ["candidate:vardan-oskanyan"]


def test_ambiguous_country_inside_a_name(registry):
    assert keys("Jordan reopened its border.", registry) == ["country:jo"]
    assert "country:jo" not in keys("The coach praised Michael Jordan again.", registry)


def test_fold_keeps_length_and_slugs_are_ascii():
    for text in ["Türkiye’s İbrahim Kalın — Aktürk", "Çelik, Güler, Öcalan, Łódź, Straße"]:
        assert len(fold(text)) == len(text)
    assert slugify("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert slugify("Türkiye") == "turkiye"
    assert slugify("Kurdistan Workers' Party") == "kurdistan-workers-party"


def test_capitals_with_a_past_tense_verb(registry):
    assert keys("Moscow and Beijing vetoed the draft.", registry) == ["country:ru", "country:cn"]
    assert keys("A blast in Ankara injured four people.", registry) == []
