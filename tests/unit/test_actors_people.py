"""Issue 12, actors at corpus scale: a discovered person is a real person's name.

Each test is one class of the rule (names.py, people.py), with sentences written for it.
"""

from __future__ import annotations

import pytest

from generator.actors import build_registry, cast_actors, find_mentions


@pytest.fixture(scope="module")
def registry():
    return build_registry(None)


def people(text, registry):
    """The discovered or known people a text names, as (text, key)."""
    return [(m.text, m.actor) for m in find_mentions(text, registry) if m.actor.startswith("person:")]


def test_a_fragment_of_an_organisation_is_no_person(registry):
    text = ("A professor at Johns Hopkins University said the trial ended on Monday. "
            "Peter Brenner of Brenner Motors Corp disagreed.")
    assert people(text, registry) == [("Peter Brenner", "person:peter-brenner")]


def test_a_fragment_of_a_work_is_no_person(registry):
    text = "The chaplain read a verse from the King James Bible before the vote."
    assert people(text, registry) == []


def test_a_horse_race_is_no_person(registry):
    text = "Her filly won the Queen Anne Stakes at the June meeting, trainer Oliver Pryce said."
    assert people(text, registry) == [("Oliver Pryce", "person:oliver-pryce")]


def test_a_product_is_no_person(registry):
    text = "Engineers rolled out the Shuttle Endeavour and the Victor Pro on Tuesday."
    assert people(text, registry) == []


def test_a_job_title_is_not_part_of_a_name(registry):
    text = ("Chief Executive Mark Oduya resigned. The head of Risk Management, Carla Munt, "
            "stayed. Says Walter Imrie, a director: it was time.")
    assert people(text, registry) == [("Mark Oduya", "person:mark-oduya"),
                                      ("Carla Munt", "person:carla-munt"),
                                      ("Walter Imrie", "person:walter-imrie")]


def test_a_name_is_not_cut_at_a_surname_prefix(registry):
    text = "Senator Ruth McAllister met Judge Tomas DeLuca and Governor Ian O'Rourke on Friday."
    assert people(text, registry) == [("Ruth McAllister", "person:ruth-mcallister"),
                                      ("Tomas DeLuca", "person:tomas-deluca"),
                                      ("Ian O'Rourke", "person:ian-orourke")]


def test_a_title_complement_must_be_a_place_or_a_portfolio(registry):
    text = ("Envoy to Iraq Dana Whitfield and Minister of Energy Karim Sayegh met a lecturer at "
            "Northfield Abbott College.")
    assert people(text, registry) == [("Dana Whitfield", "person:dana-whitfield"),
                                      ("Karim Sayegh", "person:karim-sayegh")]


def test_a_first_name_before_a_surname_makes_a_person_without_a_title(registry):
    # ... and the later bare surname links to her, in the same article.
    text = ("Ana Ribeiro runs the only bakery still open in the old town. On Monday the flour "
            "ran out, Ribeiro said.")
    found = people(text, registry)
    assert found == [("Ana Ribeiro", "person:ana-ribeiro"), ("Ribeiro", "person:ana-ribeiro")]


def test_without_a_title_or_a_known_first_name_a_name_is_only_a_candidate(registry):
    keys = [m.actor for m in find_mentions("The old river road passes by the farms of Tarn Ashby and on to the mill.", registry)]
    assert keys and all(k.startswith("candidate:") for k in keys)


def test_a_bare_surname_goes_to_the_person_last_named_in_full(registry):
    text = ("Former prime minister Rafik Haddad founded the party. His son, Minister Saad Haddad, "
            "leads it now. Haddad said on Monday the party would stand.")
    found = people(text, registry)
    assert found[-1] == ("Haddad", "person:saad-haddad")
    assert ("Rafik Haddad", "person:rafik-haddad") in found


def test_a_bare_surname_before_two_full_names_goes_to_nobody(registry):
    text = ("Haddad was not at the meeting. Minister Rafik Haddad and Mayor Lina Haddad "
            "both spoke on Monday.")
    assert [k for t, k in people(text, registry) if t == "Haddad"] == []


def test_a_surname_is_not_given_to_a_namesake_from_another_article(registry):
    articles = [
        ("ford-a", "President Gerald Ford signed the bill on Monday. Ford said it was overdue."),
        ("ford-b", "Betty Ford opened the clinic in 1982. Ford said recovery was possible."),
    ]
    mentions = [(slug, find_mentions(text, registry)) for slug, text in articles]
    cast = cast_actors(mentions, registry)
    second = [m for slug, ms in mentions if slug == "ford-b" for m in ms if m.text == "Ford"]
    assert [cast.slug_for(m.actor) for m in second] == ["betty-ford"]
    assert cast.stats("gerald-ford").articles == ("ford-a",)
