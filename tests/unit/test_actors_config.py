"""content/actors.yaml: shapes, validation with lines, merging with built-in actors."""

from __future__ import annotations

import pytest

from generator.actors import build_registry, cast_actors, find_mentions, parse_actors_yaml
from generator.errors import ContentError


def test_list_mapping_and_bare_list_shapes_are_equivalent():
    as_list = parse_actors_yaml("actors:\n  - name: Blue Harbour Union\n    kind: group\n    aliases: [BHU]\n")
    as_mapping = parse_actors_yaml("actors:\n  Blue Harbour Union: {kind: group, aliases: [BHU]}\n")
    bare = parse_actors_yaml("- name: Blue Harbour Union\n  kind: group\n  aliases: BHU\n")
    for config in (as_list, as_mapping, bare):
        (actor,) = config.actors
        assert (actor.name, actor.kind, actor.aliases) == ("Blue Harbour Union", "group", ("BHU",))


def test_empty_file_is_an_empty_config():
    assert parse_actors_yaml("").actors == ()
    assert parse_actors_yaml("# nothing yet\n").ignore == ()


def test_all_fields_and_ignore():
    config = parse_actors_yaml(
        "actors:\n"
        "  - name: Harbour Guard\n"
        "    kind: organisation\n"
        "    aliases: [the Guard]\n"
        "    description: Coastal police.\n"
        "    member_of: Greece\n"
        "    slug: harbour-guard\n"
        "ignore:\n  - Sources\n  - Golden Bay\n")
    (actor,) = config.actors
    assert actor.description == "Coastal police."
    assert actor.member_of == ("Greece",)
    assert actor.slug == "harbour-guard"
    assert actor.line == 2
    assert config.ignore == ("Sources", "Golden Bay")


@pytest.mark.parametrize("text, line, words", [
    ("actors:\n  - name: A\n    kind: planet\n", 3, "unknown kind"),
    ("actors:\n  - name: A\n  - name: B\n    alias: [C]\n", 4, "did you mean 'aliases'"),
    ("actors:\n  - kind: group\n", 2, "needs a `name:`"),
    ("actors:\n  - name: A\n    slug: \"!!! ---\"\n", 3, "slug must contain letters or digits"),
    ("actors:\n  - name: A\n    aliases: [B]\n  - name: B\n", 4, "names both"),
    ("actors:\n  - name: A\n    slug: same\n  - name: B\n    slug: same\n", 4, "already used"),
    ("actors:\n  - name: A\nignore: [A]\n", 2, "both an actor and in `ignore:`"),
    ("actors: [\n  - name: A\n", 2, "not valid YAML"),
    ("actors:\n  - name: A\nextra: 1\n", 3, "unknown top-level key"),
    ("actors:\n  - [A, B]\n", 2, "must be a mapping"),
])
def test_errors_name_the_file_and_line(text, line, words):
    with pytest.raises(ContentError) as error:
        parse_actors_yaml(text, "content/actors.yaml")
    assert error.value.path == "content/actors.yaml"
    assert error.value.line == line
    assert words in error.value.message
    assert error.value.describe().startswith(f"content/actors.yaml:{line}: ")


def cast_of(text, yaml_text):
    registry = build_registry(parse_actors_yaml(yaml_text))
    return registry, cast_actors([("a", find_mentions(text, registry))], registry)


def test_config_refines_the_builtin_actor_it_names():
    registry, cast = cast_of("Turkey and Türkiye and Ankara’s envoy.",
                             "actors:\n  - name: Turkey\n    description: A country.\n")
    turkey = [a for a in cast.actors if a.kind == "country"]
    assert len(turkey) == 1
    assert turkey[0].description == "A country."
    assert turkey[0].origin == "config"
    assert cast.stats(turkey[0].slug).mentions == 3


def test_config_alias_of_builtin_keeps_the_capital_rule():
    registry, cast = cast_of("Snow fell in the capital, Ankara.",
                             "actors:\n  - name: Türkiye\n    kind: country\n    aliases: [Ankara]\n")
    assert find_mentions("Snow fell in the capital, Ankara.", registry) == ()
    assert [a.slug for a in cast.actors] == ["turkiye"]  # configured actors are always cast


def test_config_kind_different_from_builtin_makes_a_separate_actor():
    registry, cast = cast_of("Ankara hosted the final. Jordan scored twice.",
                             "actors:\n  - name: Jordan\n    kind: person\n    aliases: [Jordan Lee]\n")
    assert {a.slug: a.kind for a in cast.actors}["jordan"] == "person"


def test_new_configured_actor_with_acronym_alias():
    text = "The Blue Harbour Union met. BHU leaders left; a bhu was found."
    registry, cast = cast_of(text, "actors:\n  - name: Blue Harbour Union\n    kind: group\n    aliases: [BHU]\n")
    (actor,) = cast.actors
    assert actor.slug == "blue-harbour-union"
    assert cast.stats(actor.slug).mentions == 2


def test_ignore_drops_builtin_alias_or_actor():
    _, cast = cast_of("Washington said so. Greece agreed.", "ignore: [Washington, Greece]\n")
    assert cast.actors == ()


def test_ignored_person_is_not_discovered():
    _, cast = cast_of("Foreign Minister Dana Whitfield spoke.", "ignore: [Dana Whitfield]\n")
    assert cast.actors == ()


def test_member_of_resolves_names_and_reports_unknown_ones():
    registry, cast = cast_of("The Harbour Guard patrolled.",
                             "actors:\n  - name: Harbour Guard\n    member_of: [Greece, Atlantis]\n")
    guard = cast.actor("harbour-guard")
    assert guard is not None and guard.member_of == ("greece",)
    assert cast.actor("greece") is not None  # a configured actor's parent gets a page
    (problem,) = registry.problems
    assert "Atlantis" in problem.message and problem.line == 2
