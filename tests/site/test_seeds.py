"""Building the shared development set (the five clipped seed articles)."""

from pathlib import Path

import pytest

from sitekit import annals, read_json


@pytest.fixture(scope="module")
def seeds_timeline(tmp_path_factory) -> dict:
    seeds = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not here")
    out = tmp_path_factory.mktemp("seeds") / "site"
    result = annals("build", str(seeds), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return read_json(out / "timeline.json")


def citations(timeline: dict, value: str) -> list[tuple[str, str]]:
    return [(s["article"], s["timex"]) for e in timeline["events"] if e["value"] == value for s in e["sources"]]


def test_seed_dates_resolved_like_a_careful_reader(seeds_timeline):
    assert ("004-bf985b269310d3b1", "last Saturday") in citations(seeds_timeline, "2025-07-19")
    assert ("002-ca614cad78d9ae83", "last week") in citations(seeds_timeline, "2025-W29")
    assert any(a == "003-97d0c34981df0878" and "Tuesday" in t for a, t in citations(seeds_timeline, "2025-06-03"))
    assert any(a == "000-76e2e33b05bfa56f" and "Thursday" in t for a, t in citations(seeds_timeline, "2024-12-26"))


def test_no_event_from_pronouns_vague_words_or_durations(seeds_timeline):
    phrases = {s["timex"].lower() for e in seeds_timeline["events"] for s in e["sources"]}
    assert not phrases & {"we", "now", "forty years", "24 hours", "the past 24 hours", "recently"}
    assert all(not e["value"].startswith("P") for e in seeds_timeline["events"])


def test_no_event_from_page_cruft(seeds_timeline):
    quotes = " ".join(s["quote"] for e in seeds_timeline["events"] for s in e["sources"])
    assert "helicopter" not in quotes  # unrelated headline pasted below an article
    assert "LEGAL WARNING" not in quotes


def test_inline_dateline_is_found(seeds_timeline):
    dates = {a["slug"]: a["date"] for a in seeds_timeline["articles"]}
    assert dates["000-76e2e33b05bfa56f"] == "2024-12-26"


def test_fall_of_assad_is_one_event_citing_both_full_dates(seeds_timeline):
    assad = [e for e in seeds_timeline["events"] if e["value"] == "2024-12-08"]
    assert len(assad) == 1
    assert {"001-d0733b9e29fb1017", "004-bf985b269310d3b1"} <= {s["article"] for s in assad[0]["sources"]}


def test_ceasefire_is_one_event_citing_both_reports(seeds_timeline):
    ceasefire = [e for e in seeds_timeline["events"] if e["value"] == "2025-07-19"]
    assert len(ceasefire) == 1
    assert {"002-ca614cad78d9ae83", "004-bf985b269310d3b1"} <= {s["article"] for s in ceasefire[0]["sources"]}


def test_actor_pages_without_actors_yaml(seeds_timeline):
    names = {a["name"] for a in seeds_timeline["actors"]}
    for expected in ("Türkiye", "Syria", "Israel", "Qatar", "Islamic State", "PKK", "YPG", "Hamas",
                     "Recep Tayyip Erdoğan", "Ahmed al-Sharaa", "Hakan Fidan", "Zeki Aktürk", "Yaşar Güler"):
        assert expected in names, expected
    turkiye = next(a for a in seeds_timeline["actors"] if a["name"] == "Türkiye")
    assert {"Turkey", "Ankara", "Turkish"} <= set(turkiye["aliases"])
    islamic_state = next(a for a in seeds_timeline["actors"] if a["name"] == "Islamic State")
    assert {"ISIS", "Daesh"} <= set(islamic_state["aliases"])
    common = {"Sources", "Military", "The", "Leave", "Sign", "Ministry", "Defense", "Separately"}
    assert not names & common


def test_titles_are_headlines_never_slogans_or_datelines(seeds_timeline):
    titles = {a["slug"]: a["title"] for a in seeds_timeline["articles"]}
    assert titles["003-97d0c34981df0878"].startswith("Turkey Backs Syrian Military")  # past the site slogan
    assert not titles["000-76e2e33b05bfa56f"].startswith("date ")  # past the inline dateline


def test_no_event_text_contains_a_dateline(seeds_timeline):
    datelines = [a["dateline"] for a in seeds_timeline["articles"] if a["dateline"]]
    assert datelines, "000 carries its own dateline"
    for event in seeds_timeline["events"]:
        for text in [event["text"]] + [s["quote"] for s in event["sources"]]:
            assert not any(d.strip() in text for d in datelines), text
            assert not text.startswith("date 20")
