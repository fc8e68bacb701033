"""Slugs in every script (generator.slugs) and where they are made: article files, front
matter `slug:`, actors (configured and built in), event ids and feed ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from generator.actors import build_registry, cast_actors, find_mentions, name_key, parse_actors_yaml
from generator.chronology.words import id_words
from generator.config import SiteConfig
from generator.content import SourceFile, load_articles, parse_article
from generator.errors import ContentError
from generator.export.atom import site_key
from generator.output import safe_relative
from generator.slugs import SLUG_MAX, is_slug, slugify, unique_slug

SLUG_SHAPE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.mark.parametrize("text, expected", [
    ("Дамаск", "damask"),
    ("Αθήνα", "athina"),
    ("перемирие-в-сувейде", "peremirie-v-suveyde"),
    ("Хамас", "khamas"),
    ("دمشق", "dmshq"),
    ("北京", "beijing"),
    ("Türkiye & Syria: İstanbul talks", "turkiye-syria-istanbul-talks"),
    ("Straße", "strasse"),
    ("Kurdistan Workers' Party", "kurdistan-workers-party"),
    ("Ian O’Rourke", "ian-orourke"),
    ("../../etc/passwd", "etc-passwd"),
    ("  --Sweida__Clashes--  ", "sweida-clashes"),
])
def test_slugify_transliterates_every_script(text, expected):
    assert slugify(text) == expected


def test_slugify_falls_back_when_nothing_is_left():
    assert slugify("!!! — ???") == ""
    assert slugify("!!! — ???", "article") == "article"
    assert slugify("", "actor") == "actor"


def test_long_slugs_are_cut_at_a_word_end():
    slug = slugify(" ".join(["ceasefire"] * 20))
    assert len(slug) <= SLUG_MAX and slug.endswith("ceasefire") and not slug.endswith("-")
    assert slugify("x" * 200) == "x" * SLUG_MAX


def test_unique_slug_takes_the_first_free_suffix():
    assert unique_slug("ben", set()) == "ben"
    assert unique_slug("ben", {"ben"}) == "ben-2"
    assert unique_slug("ben", {"ben", "ben-2", "ben-3"}) == "ben-4"


def test_is_slug():
    assert is_slug("damask") and is_slug("a-2")
    assert not is_slug("Damask") and not is_slug("a--b") and not is_slug("") and not is_slug("-a")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gives_a_path_safe_slug(text):
    slug = slugify(text, "article")
    assert SLUG_SHAPE.fullmatch(slug) and len(slug) <= SLUG_MAX
    assert safe_relative(f"articles/{slug}/index.html").parts == ("articles", slug, "index.html")
    assert slugify(slug) == slug  # a slug is its own slug


# Name keys: identities, not addresses -------------------------------------------------------

@pytest.mark.parametrize("name, key", [
    ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
    ("Ian O’Rourke", "ian-orourke"),
    ("Хамас", "хамас"),
    ("Αθήνα", "αθηνα"),
    ("!!!", "!!!"),
])
def test_name_keys_fold_but_never_transliterate(name, key):
    assert name_key(name) == key


def test_names_that_transliterate_alike_keep_apart_keys():
    assert slugify("Бен") == slugify("Ben") and name_key("Бен") != name_key("Ben")


# Articles ----------------------------------------------------------------------------------

def article(text: str, path: str = "content/articles/a.md"):
    return parse_article(SourceFile(path, text))


def test_file_name_in_cyrillic_gives_its_transliteration():
    assert article("Text.", "content/articles/Дамаск.md").slug == "damask"


def test_front_matter_slug_in_any_script_is_transliterated():
    assert article("---\nslug: перемирие-в-сувейде\n---\nText.").slug == "peremirie-v-suveyde"
    assert article("---\nslug: Αθήνα\n---\nText.").slug == "athina"


def test_front_matter_slug_without_letters_is_refused():
    with pytest.raises(ContentError) as caught:
        article("---\ntitle: T\nslug: \"/../\"\n---\nText.")
    assert "slug" in caught.value.message and caught.value.line == 3


def test_files_that_transliterate_alike_are_two_pages(tmp_path: Path):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    for name in ("Бен.md", "ben.md", "Ben!.md"):
        (folder / name).write_text("---\ndate: 2025-07-23\n---\nText.\n", encoding="utf-8")
    loaded = load_articles(tmp_path)
    # By path order (the bytes of the names): "Ben!.md", "ben.md", "Бен.md".
    assert [(Path(a.path).name, a.slug) for a in loaded.articles] == [
        ("Ben!.md", "ben"), ("ben.md", "ben-2"), ("Бен.md", "ben-3")]


# Actors ------------------------------------------------------------------------------------

def cast_of(actors_yaml: str, text: str):
    registry = build_registry(parse_actors_yaml(actors_yaml))
    return cast_actors([("a", find_mentions(text, registry))], registry)


def test_two_cyrillic_actors_without_slugs_are_two_actors():
    cast = cast_of("actors:\n  - name: Хамас\n    kind: group\n  - name: Хезболла\n    kind: group\n",
                   "Хамас и Хезболла заявили о перемирии.")
    assert {(a.slug, a.name) for a in cast.actors} == {("khamas", "Хамас"), ("khezbolla", "Хезболла")}
    assert {m.text: cast.slug_for(m.actor) for m in find_mentions(
        "Хамас и Хезболла", build_registry(parse_actors_yaml(
            "actors:\n  - name: Хамас\n  - name: Хезболла\n")))} == {"Хамас": "khamas", "Хезболла": "khezbolla"}


def test_names_with_one_transliteration_get_numbered_slugs_in_key_order():
    cast = cast_of("actors:\n  - name: Бен\n    kind: person\n  - name: Ben\n    kind: person\n",
                   "Бен met Ben.")
    # Keys "actor:ben" < "actor:бен": the Latin name asks first, whatever the file order.
    assert {(a.name, a.slug) for a in cast.actors} == {("Ben", "ben"), ("Бен", "ben-2")}


def test_actor_slug_in_any_script_is_transliterated_and_still_unique():
    config = parse_actors_yaml("actors:\n  - name: Хамас\n    slug: Движение\n")
    assert config.actors[0].slug == "dvizhenie"
    with pytest.raises(ContentError) as caught:
        parse_actors_yaml("actors:\n  - name: A\n    slug: Дамаск\n  - name: B\n    slug: damask\n")
    assert "already used" in caught.value.message and caught.value.line == 4


def test_member_of_may_name_a_transliterated_slug():
    registry = build_registry(parse_actors_yaml(
        "actors:\n  - name: Ось сопротивления\n  - name: Хезболла\n    member_of: os-soprotivleniya\n"))
    member = next(e for e in registry.entries.values() if e.name == "Хезболла")
    parent = next(e for e in registry.entries.values() if e.name == "Ось сопротивления")
    assert member.member_of == (parent.key,) and not registry.problems


# Event ids and feed ids --------------------------------------------------------------------

def test_event_id_words_are_transliterated():
    assert id_words("Перемирие вступило в силу в Сувейде") == ["peremirie", "vstupilo", "silu"]
    assert id_words("Le cessez-le-feu tenait à Soueïda") == ["cessezlefeu", "tenait", "soueida"]


def test_feed_site_key_of_a_non_latin_title():
    assert site_key(SiteConfig(title="Хроника Сувейды")) == "khronika-suveydy"
    assert site_key(SiteConfig(title="???")) == "site"
