"""content/corrections.yaml: parsing, each kind of correction, and what check reports."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_chronology import analysis, build, day  # noqa: E402

from generator.chronology.corrections import (correct_articles, parse_corrections,  # noqa: E402
                                              time_value)
from generator.errors import ContentError  # noqa: E402
from generator.model import Article, Dateline  # noqa: E402

PATH = "content/corrections.yaml"


def corpus():
    return [analysis("a", date(2025, 7, 2), ("Georgia closed the Lars crossing on 1 July.", "1 July", day(2025, 7, 1), "georgia")),
            analysis("b", date(2025, 7, 6), ("Russia shelled Oudry on 5 July.", "5 July", day(2025, 7, 5), "russia"),
                     ("Russia bombed the Oudry bridge on 6 July.", "6 July", day(2025, 7, 6), "russia"))]


def corrected(text: str):
    return build(*corpus(), corrections=parse_corrections(text, PATH))


def ids(timeline):
    return [e.id for e in timeline.events]


def test_corpus_ids():
    assert ids(build(*corpus())) == ["e-2025-07-01-georgia-closed-lars", "e-2025-07-05-russia-shelled-oudry",
                                     "e-2025-07-06-russia-bombed-oudry"]


@pytest.mark.parametrize("text, value, granularity", [
    ("2025-07-14", "2025-07-14", "day"), ("2025-07", "2025-07", "month"),
    ("2025-W29", "2025-W29", "week"), ("2025", "2025", "year")])
def test_dates_take_every_precision_annals_uses(text, value, granularity):
    time = time_value(text)
    assert (time.value, time.granularity) == (value, granularity) and time.anchored
    assert time_value("2025-W29").start == date(2025, 7, 14) and time_value("2025-02").end == date(2025, 2, 28)
    assert time_value("July 2025") is None


def test_a_new_date_moves_the_event_and_keeps_its_id():
    timeline = corrected("events:\n  e-2025-07-01-georgia-closed-lars:\n    date: 2025-07-08\n")
    assert ids(timeline)[-1] == "e-2025-07-01-georgia-closed-lars"
    moved = timeline.events[-1]
    assert moved.time.value == "2025-07-08" and moved.corrections == ("date",)
    assert timeline.extra["corrections"][0].did == "date 2025-07-01 -> 2025-07-08"


def test_headline_hide_and_merge():
    timeline = corrected(
        "events:\n"
        "  e-2025-07-06-russia-bombed-oudry:\n    merge_into: e-2025-07-05-russia-shelled-oudry\n"
        "  e-2025-07-05-russia-shelled-oudry:\n    headline: Russian guns hit Oudry\n"
        "  e-2025-07-01-georgia-closed-lars:\n    hide: true\n")
    assert ids(timeline) == ["e-2025-07-05-russia-shelled-oudry"]
    event = timeline.events[0]
    assert event.text == "Russian guns hit Oudry" and len(event.citations) == 2
    assert event.corrections == ("merged with e-2025-07-06-russia-bombed-oudry", "headline")
    assert [(a.kind, a.line) for a in timeline.extra["corrections"]] == [
        ("merge_into", 2), ("headline", 4), ("hide", 6)]  # the line of each event id


def test_unknown_ids_and_corrections_that_change_nothing_are_problems():
    timeline = corrected(
        "events:\n"
        "  e-2025-07-09-nothing:\n    hide: true\n"
        "  e-2025-07-05-russia-shelled-oudry:\n    date: 2025-07-05\n    merge_into: e-nowhere\n")
    messages = [(p.line, p.message) for p in timeline.problems if p.kind == "correction"]
    assert (2, "no event 'e-2025-07-09-nothing': the correction is not applied (ids are on the event pages and in timeline.json)") in messages
    assert any(line == 4 and "already dated 2025-07-05" in m for line, m in messages)
    assert any(line == 4 and "no event 'e-nowhere'" in m for line, m in messages)
    assert all(p.path == PATH for p in timeline.problems if p.kind == "correction")
    assert ids(timeline) == ids(build(*corpus()))


def test_article_dates_are_applied_before_the_analysis():
    article = Article("content/articles/x.md", "x", "X", "Text.", 1, dateline=Dateline(None, "none"))
    fixes = parse_corrections("articles:\n  x:\n    date: 2025-07-23\n  y:\n    date: 2025-07-24\n", PATH)
    (fixed,), applied, problems = correct_articles([article], fixes)
    assert fixed.date == date(2025, 7, 23) and fixed.dateline.date == date(2025, 7, 23)
    assert fixed.dateline.origin == "correction"
    assert applied[0].did == "publication date unknown -> 2025-07-23"
    assert [p.line for p in problems] == [4]  # no article y
    same = parse_corrections("articles:\n  x:\n    date: 2025-07-23\n", PATH)
    _, applied, problems = correct_articles([fixed], same)
    assert applied == [] and "changes nothing" in problems[0].message


@pytest.mark.parametrize("text, line, message", [
    ("events: [1, 2]\n", 1, "`events` must map ids to corrections"),
    ("notes:\n  a: 1\n", 1, "unknown section 'notes'"),
    ("events:\n  e-1:\n    when: 2025\n", 3, "unknown field 'when'"),
    ("events:\n  e-1:\n    date: 14 July\n", 3, "must be 2025-07-14, 2025-07, 2025-W29 or 2025"),
    ("events:\n  e-1:\n    hide: maybe\n", 3, "`hide` of 'e-1' must be true or false"),
    ("events:\n  e-1:\n    merge_into: e-1\n", 3, "cannot be merged into itself"),
    ("articles:\n  a:\n    date: 2025-07\n", 3, "must be a day"),
    ("events:\n  e-1: [\n", 3, "invalid YAML"),
])
def test_bad_corrections_name_the_file_and_line(text, line, message):
    with pytest.raises(ContentError) as err:
        parse_corrections(text, PATH)
    assert err.value.path == PATH and err.value.line == line and message in str(err.value)


def test_an_empty_file_corrects_nothing():
    assert parse_corrections("", PATH).events == () and parse_corrections("events:\n", PATH).events == ()
