"""Issue 12: who acts in a sentence. A country named as the place of the action is the
event's place; a demonym alone makes no state act; front matter actors do not take over a
sentence that names its own people (context.py, mentions.py, events.py, analysis.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.actors import build_registry, find_mentions, parse_actors_yaml
from generator.analysis import AnalysisSettings, analyse_article
from generator.model import Article


@pytest.fixture(scope="module")
def registry():
    return build_registry(None)


def uses(text, registry):
    return [(m.text, m.use) for m in find_mentions(text, registry)]


def analyse(body, registry, actors=(), slug="a"):
    article = Article(path=f"content/articles/{slug}.md", slug=slug, title="T", body=body, body_line=1,
                      date=date(2025, 3, 12), actors=tuple(actors))
    return analyse_article(article, AnalysisSettings(registry=registry))


def test_a_country_after_a_place_preposition_is_the_place(registry):
    assert uses("Floods spread across Lebanon on Monday.", registry) == [("Lebanon", "place")]
    assert uses("Aid convoys entered parts of Lebanon.", registry) == [("Lebanon", "place")]
    assert uses("Lebanon said on Monday that it agreed.", registry) == [("Lebanon", "actor")]


def test_a_compass_word_makes_the_country_a_region(registry):
    assert uses("Patrols resumed in the hills of southern Lebanon.", registry) == [("Lebanon", "place")]


def test_a_demonym_acts_only_before_a_state_noun(registry):
    assert uses("Palestinian refugees queued for bread.", registry) == [("Palestinian", "mention")]
    assert uses("The Palestinian delegation left early.", registry) == [("Palestinian", "actor")]
    assert uses("Jordanian interim officials met.", registry) == [("Jordanian", "actor")]
    assert uses("The dish is Lebanese.", registry) == [("Lebanese", "mention")]


def test_an_event_records_the_place_apart_from_its_actors(registry):
    analysis = analyse("Egyptian troops were deployed in Lebanon on Monday.", registry)
    (event,) = analysis.events
    assert event.actors == ("country:eg",) and event.places == ("country:lb",)


def test_a_demonym_alone_gives_an_event_no_state(registry):
    analysis = analyse("Palestinian families returned to the camp on Monday.", registry)
    (event,) = analysis.events
    assert event.actors == () and event.places == ()


def test_front_matter_actors_fill_in_only_for_scene_setting_sentences(registry):
    body = ("Rebel columns of the Nusra Front reached the city on Monday.\n\n"
            "President Vladimir Putin inherited the post from his patron in 2000.\n\n"
            "In Lebanon, fighting resumed on Tuesday.")
    first, second, third = analyse(body, registry, actors=["Nusra Front"]).events
    assert first.actors == ("group:nusra-front",)
    assert second.actors == ("person:vladimir-putin",)  # not the group's: it names its own person
    assert third.actors == ("group:nusra-front",) and third.places == ("country:lb",)


def test_the_example_site_does_not_credit_assad_s_succession_to_hts():
    root = Path(__file__).resolve().parents[2] / "content"
    registry = build_registry(parse_actors_yaml((root / "actors.yaml").read_text(encoding="utf-8")))
    body = "Assad inherited the presidency from his father Hafez in 2000."
    (event,) = analyse(body, registry, actors=["Bashar al-Assad", "Hayat Tahrir al-Sham"]).events
    assert event.actors == ("person:bashar-al-assad",)
