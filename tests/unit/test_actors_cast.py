"""cast_actors, starter_yaml and actor_rows over several articles."""

from __future__ import annotations

import pytest

from generator.actors import (actor_rows, build_registry, cast_actors, find_mentions,
                              parse_actors_yaml, starter_yaml)

ARTICLES = {
    "first": ("Energy Minister Rukiye Çakır opened the plant on Monday. Çakır said exports "
              "would double. Greek officials welcomed the news."),
    "second": ("Rukiye Cakir, the energy minister, visited Athens. Cakir told reporters the "
               "deal was near, and Athens said it agreed."),
    "third": "Cakir said the pipeline would open in June. The Marble Coast Alliance agreed.",
}


@pytest.fixture(scope="module")
def registry():
    return build_registry(None)


def run(registry, articles=ARTICLES):
    mentions = [(slug, find_mentions(text, registry)) for slug, text in sorted(articles.items())]
    return mentions, cast_actors(mentions, registry)


def test_person_spelled_two_ways_is_one_actor_named_with_diacritics(registry):
    mentions, cast = run(registry)
    person = cast.actor("rukiye-cakir")
    assert person is not None and person.name == "Rukiye Çakır" and person.kind == "person"
    assert person.origin == "discovered"
    stats = cast.stats("rukiye-cakir")
    assert stats.articles == ("first", "second", "third")
    assert set(stats.aliases) >= {"Rukiye Çakır", "Rukiye Cakir", "Çakır", "Cakir"}


def test_surname_from_another_article_resolves_through_the_cast(registry):
    mentions, cast = run(registry)
    third = dict(mentions)["third"]
    (ref,) = [m for m in third if m.text == "Cakir"]
    assert ref.actor.startswith("surname:")
    assert cast.slug_for(ref.actor) == "rukiye-cakir"


def test_candidates_are_listed_not_cast(registry):
    _, cast = run(registry)
    assert "Marble Coast Alliance" in [c.name for c in cast.candidates]
    assert all(a.name != "Marble Coast Alliance" for a in cast.actors)
    assert cast.slug_for("candidate:marble-coast-alliance") is None


def test_slugs_are_sorted_unique_ascii_and_stable(registry):
    _, cast = run(registry)
    slugs = [a.slug for a in cast.actors]
    assert slugs == sorted(slugs) and len(set(slugs)) == len(slugs)
    assert all(s.isascii() for s in slugs)
    _, again = run(registry, dict(reversed(list(ARTICLES.items()))))
    assert again.actors == cast.actors


def test_slug_collisions_get_a_numbered_suffix():
    config = parse_actors_yaml("actors:\n  - name: Greece Watch\n    kind: organisation\n    slug: greece\n")
    registry = build_registry(config)
    _, cast = run(registry)
    greece = [a for a in cast.actors if a.kind == "country" and a.name == "Greece"]
    assert greece and greece[0].slug == "greece-2"
    assert cast.actor("greece").name == "Greece Watch"


def test_starter_yaml_round_trips_to_the_same_cast(registry):
    _, cast = run(registry)
    text = starter_yaml(cast)
    assert "Marble Coast Alliance" in text  # offered as a commented candidate
    config = parse_actors_yaml(text)
    assert {a.name for a in config.actors} == {a.name for a in cast.actors}
    _, again = run(build_registry(config))
    assert [(a.slug, a.name, a.kind) for a in again.actors] == [(a.slug, a.name, a.kind) for a in cast.actors]


def test_actor_rows(registry):
    _, cast = run(registry)
    rows = actor_rows(cast, {"rukiye-cakir": 2})
    assert rows[0]["slug"] == "rukiye-cakir" and rows[0]["events"] == 2
    assert set(rows[0]) >= {"slug", "name", "kind", "mentions", "events", "aliases"}
    greece = next(r for r in rows if r["slug"] == "greece")
    assert greece["events"] == 0 and greece["mentions"] == 2
