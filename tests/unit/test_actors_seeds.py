"""The cast of the five seed articles without any actors.yaml (read by path, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.actors import build_registry, cast_actors, find_mentions, fold_key, starter_yaml
from generator.actors.reference import reference_data

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds" / "content" / "articles"


def body(path: Path) -> str:
    """The article text without its YAML front matter."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        return text[end + 4:] if end >= 0 else text
    return text


@pytest.fixture(scope="module")
def cast():
    paths = sorted(SEEDS.glob("*.md")) if SEEDS.is_dir() else []
    if not paths:
        pytest.skip("seed articles not available")
    registry = build_registry(None)
    mentions = [(p.stem, find_mentions(body(p), registry)) for p in paths]
    return cast_actors(mentions, registry)


def by_name(cast):
    return {a.name: a for a in cast.actors}


@pytest.mark.parametrize("name", [
    "Türkiye", "Syria", "Israel", "Qatar", "Islamic State", "PKK", "YPG", "Hamas",
    "Recep Tayyip Erdoğan", "Ahmed al-Sharaa", "Hakan Fidan", "Zeki Aktürk", "Yaşar Güler",
])
def test_expected_actors_are_cast(cast, name):
    assert name in by_name(cast)


def test_turkiye_merges_its_names_demonym_and_capital(cast):
    turkiye = by_name(cast)["Türkiye"]
    assert turkiye.slug == "turkiye"
    assert {"Turkey", "Ankara", "Turkish"} <= set(cast.stats("turkiye").aliases)


def test_islamic_state_merges_its_variants(cast):
    assert {"ISIS", "Daesh"} <= set(cast.stats("islamic-state").aliases)


def test_people_slugs_are_folded(cast):
    names = by_name(cast)
    assert names["Recep Tayyip Erdoğan"].slug == "recep-tayyip-erdogan"
    assert names["Yaşar Güler"].slug == "yasar-guler"
    assert names["Zeki Aktürk"].slug == "zeki-akturk"
    assert cast.stats("yasar-guler").mentions >= 3  # full name once, then "Guler" alone


def test_no_actor_is_a_common_word(cast):
    common = reference_data().common_words | {"sources", "military", "the", "leave", "sign", "news"}
    for actor in cast.actors:
        assert fold_key(actor.name) not in common, actor.name
        if actor.origin == "discovered":  # a found name has no everyday word in it
            assert all(fold_key(word) not in common for word in actor.name.split()), actor.name


def test_starter_yaml_lists_the_cast(cast):
    text = starter_yaml(cast)
    assert "name: Türkiye" in text and "name: Zeki Aktürk" in text
